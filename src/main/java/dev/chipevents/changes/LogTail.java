package dev.chipevents.changes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.chipevents.history.ChangeLog;
import dev.chipevents.history.LoggedChange;

/**
 * The end of the change log as this replica's dispatcher has read it: the last entry's number (head), the newest
 * entries kept in memory, and the live streams each new entry goes to. One lock guards them and a stream's move from
 * catching up to live, so that a stream joining the live ones never misses an entry read meanwhile. While no stream is
 * open the dispatcher reads nothing and marks the tail stale; whoever needs head next first moves it to the log's end.
 */
final class LogTail {

    private static final Logger LOG = Logger.getLogger(LogTail.class);
    /** The newest entries kept in memory, so that a stream joining the live ones never misses those read meanwhile. */
    private static final int RECENT = 2048;

    /** How a catching-up stream stands against the tail ({@link #join}). */
    enum Join {
        /** Handed the entries it lacked from memory and made live, or closed meanwhile: its catch-up is over. */
        DONE,
        /** Older than the entries in memory: it reads on from the database. */
        BEHIND,
        /** The tail went stale meanwhile: ask again. */
        AGAIN
    }

    private final ChangeLog log;
    private final ObjectMapper json;
    private final Object lock = new Object();
    private long head;
    /**
     * Whether head and recent may lag the log: set by the dispatcher when it skips a read because no stream is open
     * (a write then costs it nothing), cleared by {@link #resync()}, which whoever needs head next runs first.
     */
    private boolean stale;
    private final ArrayDeque<ChangeMessage> recent = new ArrayDeque<>();
    private final Set<ChangeStream> live = ConcurrentHashMap.newKeySet();
    /** The dispatcher's reads of the log's entries (for tests). */
    private final AtomicLong reads = new AtomicLong();

    LogTail(ChangeLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    /** Starts at the log's last entry. */
    void start() {
        long last = QuarkusTransaction.requiringNew().call(log::lastSequence);
        synchronized (lock) {
            head = last;
        }
    }

    /** The last entry read, after moving to the log's end if reads were skipped: where a stream from now starts. */
    long head() {
        resync();
        synchronized (lock) {
            return head;
        }
    }

    /** Whether every entry up to `last` has been read (false while reads are skipped). */
    boolean hasRead(long last) {
        synchronized (lock) {
            return !stale && head >= last;
        }
    }

    /** How many times the dispatcher has read the log's entries (for tests). */
    long reads() {
        return reads.get();
    }

    /**
     * The dispatcher's read: the entries after head, a page at a time, kept and handed to every live stream. With no
     * stream open (checked under the lock, against a stream's join) it reads nothing and marks the tail stale.
     */
    void readNewEntries(Set<ChangeStream> open) {
        synchronized (lock) {
            if (open.isEmpty()) {
                stale = true; // nobody to hand entries to: the next stream's opening or catch-up reads the log's end first
                return;
            }
        }
        resync();
        while (true) {
            long from;
            synchronized (lock) {
                from = head;
            }
            reads.incrementAndGet();
            List<LoggedChange> batch = QuarkusTransaction.requiringNew().call(() -> log.after(from, ChangeFeed.PAGE));
            if (batch.isEmpty()) {
                return;
            }
            List<ChangeMessage> messages = new ArrayList<>(batch.size());
            batch.forEach(c -> messages.add(ChangeMessage.of(c, json)));
            append(messages);
            if (batch.size() < ChangeFeed.PAGE) {
                return;
            }
        }
    }

    private void append(List<ChangeMessage> messages) {
        synchronized (lock) {
            if (messages.get(0).sequence() != head + 1) {
                // Entries were purged before this replica read them (a retention shorter than its lag): nobody is served from here.
                LOG.warnf("Change-log entries %d to %d were purged before this replica read them", head + 1,
                        messages.get(0).sequence() - 1);
                recent.clear();
                live.forEach(ChangeStream::close);
            }
            for (ChangeMessage message : messages) {
                recent.addLast(message);
                if (recent.size() > RECENT) {
                    recent.removeFirst();
                }
            }
            head = messages.get(messages.size() - 1).sequence();
            for (ChangeStream stream : live) {
                if (!stream.deliver(messages, false)) {
                    live.remove(stream);
                }
            }
        }
    }

    /** A catching-up stream joins the live ones once the entries in memory reach back to its position. */
    Join join(ChangeStream stream) {
        resync();
        synchronized (lock) {
            if (stale) {
                return Join.AGAIN; // skipped again meanwhile (this stream had closed)
            }
            long oldest = recent.isEmpty() ? head + 1 : recent.peekFirst().sequence();
            if (stream.position() + 1 < oldest) {
                return Join.BEHIND;
            }
            if (stream.deliver(recent, false)) {
                live.add(stream);
            }
            return Join.DONE;
        }
    }

    /** A stream that closed gets nothing more. */
    void leave(ChangeStream stream) {
        live.remove(stream);
    }

    /**
     * After reads were skipped: head moves to the log's last entry and recent is emptied, so that no stream joins the
     * live ones across the entries skipped (a stream behind head catches up from the database up to it instead).
     */
    private void resync() {
        synchronized (lock) {
            if (!stale) {
                return;
            }
        }
        long last = QuarkusTransaction.requiringNew().call(log::lastSequence);
        synchronized (lock) {
            if (stale) {
                recent.clear();
                head = Math.max(head, last);
                stale = false;
            }
        }
    }
}
