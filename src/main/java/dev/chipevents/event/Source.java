package dev.chipevents.event;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Source {

    @Column(nullable = false, length = 2048)
    private String url;

    @Column(length = 200)
    private String publisher;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    protected Source() {
    }

    public Source(String url, String publisher, LocalDate publishedOn) {
        this.url = url;
        this.publisher = publisher;
        this.publishedOn = publishedOn;
    }

    public String getUrl() {
        return url;
    }

    public String getPublisher() {
        return publisher;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }
}
