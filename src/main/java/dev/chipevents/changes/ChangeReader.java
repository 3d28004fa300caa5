package dev.chipevents.changes;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.common.problem.ApiProblem;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.event.search.EventMatcher;
import dev.chipevents.history.ChangeLog;
import dev.chipevents.history.LoggedChange;

/** Checks a resume point against the log, and reads pages of it for clients that poll. */
@ApplicationScoped
@Transactional
public class ChangeReader {

    /** Changes looked at for one page at most, matching or not, so that a narrow filter cannot make a page scan the whole log. */
    private static final int MAX_SCANNED = 10 * ChangeFeed.PAGE;

    /** Where a reader starts (null: now) and what it takes. */
    record Start(Long since, ChangeFilter filter) {
    }

    private final ChangeLog log;
    private final EventMatcher matcher;
    private final ObjectMapper json;

    ChangeReader(ChangeLog log, EventMatcher matcher, ObjectMapper json) {
        this.log = log;
        this.matcher = matcher;
        this.json = json;
    }

    /**
     * The resume point, checked: not beyond the last change (400), not before the oldest kept (410); for a page
     * without one, the oldest kept. Company references in the filters are resolved now (400 when unknown).
     */
    Start start(ChangeQuery query, boolean page) {
        long last;
        long purged;
        try {
            last = log.lastSequence();
            purged = log.purgedThrough();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        Long since = query.since();
        if (since != null && since > last) {
            throw new InvalidRequestProblem(query.sinceField(), "is " + since + ", beyond the last change (" + last
                    + "); pass the id of a message you received");
        }
        if (since != null && since < purged) {
            throw new ResumePointExpired(since, purged);
        }
        if (since == null && page) {
            since = purged;
        }
        ChangeFilter filter = new ChangeFilter(query.kinds(), query.filtersEvents() ? matcher.of(query.events()) : null);
        return new Start(since, filter);
    }

    ChangePage page(ChangeQuery query) {
        Start start = start(query, true);
        long position = start.since();
        List<ChangeEntry> items = new ArrayList<>();
        int scanned = 0;
        boolean more = false;
        try {
            while (items.size() < query.limit() && scanned < MAX_SCANNED) {
                List<LoggedChange> batch = log.after(position, Math.min(ChangeFeed.PAGE, MAX_SCANNED - scanned));
                if (batch.isEmpty()) {
                    break;
                }
                if (batch.get(0).sequence() != position + 1) {
                    throw new ResumePointExpired(position, batch.get(0).sequence() - 1);
                }
                for (LoggedChange change : batch) {
                    if (items.size() == query.limit()) {
                        more = true;
                        break;
                    }
                    scanned++;
                    position = change.sequence();
                    ChangeMessage message = ChangeMessage.of(change, json);
                    if (start.filter().accepts(message)) {
                        items.add(message.entry());
                    }
                }
                if (more) {
                    break;
                }
            }
            more = more || log.lastSequence() > position;
        } catch (ApiProblem problem) {
            throw problem;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        return new ChangePage(items, position, more);
    }

    private static ChangesUnavailable unavailable(RuntimeException e) {
        return new ChangesUnavailable("The change log cannot be read now (" + e.getClass().getSimpleName()
                + "); retry with the same since or Last-Event-ID.");
    }
}
