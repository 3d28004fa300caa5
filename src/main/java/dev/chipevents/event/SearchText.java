package dev.chipevents.event;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.chipevents.company.CompanyRenamed;

/**
 * What `q` searches: the lower-cased title, summary, tags and the participants' names and tickers,
 * kept in one column and brought up to date when a company is renamed (with the events' copy of their participants'
 * names, {@link EventChildren}).
 */
@ApplicationScoped
public class SearchText {

    private final EventRepository events;

    SearchText(EventRepository events) {
        this.events = events;
    }

    public static String of(Event event) {
        return of(event.getTitle(), event.getSummary(), event.getTags(),
                event.getParticipants().stream().map(p -> new String[]{ p.getCompany().getName(), p.getCompany().getTicker() }).toList());
    }

    /** The same from plain values (the starter ledger's migration has no entities): participants as [name, ticker]. */
    public static String of(String title, String summary, List<String> tags, List<String[]> participants) {
        StringBuilder text = new StringBuilder(title);
        if (summary != null) {
            text.append('\n').append(summary);
        }
        text.append('\n').append(String.join(" ", tags));
        for (String[] p : participants) {
            text.append('\n').append(p[0]);
            if (p[1] != null) {
                text.append(' ').append(p[1]);
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    void onCompanyRenamed(@Observes CompanyRenamed renamed) {
        for (Event event : events.findNamingCompany(renamed.companyId())) {
            event.setSearchText(of(event));
            event.setChildrenJson(EventChildren.of(event));
        }
    }
}
