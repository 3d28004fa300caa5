package dev.chipevents.event;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.chipevents.company.CompanyRenamed;

/**
 * What `q` searches: the lower-cased title, summary, tags and the participants' names and tickers,
 * kept in one column and brought up to date when a company is renamed.
 */
@ApplicationScoped
public class SearchText {

    private final EventRepository events;

    SearchText(EventRepository events) {
        this.events = events;
    }

    public static String of(Event event) {
        StringBuilder text = new StringBuilder(event.getTitle());
        if (event.getSummary() != null) {
            text.append('\n').append(event.getSummary());
        }
        text.append('\n').append(String.join(" ", event.getTags()));
        for (Participant p : event.getParticipants()) {
            text.append('\n').append(p.getCompany().getName());
            if (p.getCompany().getTicker() != null) {
                text.append(' ').append(p.getCompany().getTicker());
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    void onCompanyRenamed(@Observes CompanyRenamed renamed) {
        for (Event event : events.findNamingCompany(renamed.companyId())) {
            event.setSearchText(of(event));
        }
    }
}
