package dev.chipevents.event;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;

@Embeddable
public class Source {

    @Column(nullable = false, length = 2048)
    private String url;

    @Column(length = 200)
    private String publisher;

    @Column(length = 300)
    private String title;

    // Bound as java.time.LocalDate, never through java.sql.Date: no Julian-calendar shift (1582-10-10 stays 1582-10-10).
    @JdbcType(LocalDateJdbcType.class)
    @Column(name = "published_on")
    private LocalDate publishedOn;

    protected Source() {
    }

    public Source(String url, String publisher, String title, LocalDate publishedOn) {
        this.url = url;
        this.publisher = publisher;
        this.title = title;
        this.publishedOn = publishedOn;
    }

    public String getUrl() {
        return url;
    }

    public String getPublisher() {
        return publisher;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }
}
