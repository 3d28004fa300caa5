package dev.chipevents.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import dev.chipevents.company.Company;

@Embeddable
public class Participant {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ParticipantRole role;

    protected Participant() {
    }

    public Participant(Company company, ParticipantRole role) {
        this.company = company;
        this.role = role;
    }

    public Company getCompany() {
        return company;
    }

    public ParticipantRole getRole() {
        return role;
    }
}
