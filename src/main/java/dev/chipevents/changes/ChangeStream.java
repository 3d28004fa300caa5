package dev.chipevents.changes;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * One open Server-Sent Events stream: where it stands in the log (every change up to `position` was sent
 * to it or did not match its filter), and how many bytes it was sent that its client has not taken yet.
 * Sending never blocks: bytes wait in the HTTP layer's buffer, bounded by `limit`. An idle stream is this
 * object and its connection, no thread.
 */
final class ChangeStream {

    /** How long a browser waits before reconnecting (the SSE `retry` field). */
    static final long RECONNECT_MILLIS = 1000;

    final String client;
    private final SseEventSink sink;
    private final Sse sse;
    private final ChangeFilter filter;
    private final long limit;
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private long position;
    private long unsent;
    private long lastProgress = System.nanoTime();
    private boolean closed;
    private Runnable whenDrained;

    ChangeStream(String client, SseEventSink sink, Sse sse, ChangeFilter filter, long position, long limit) {
        this.client = client;
        this.sink = sink;
        this.sse = sse;
        this.filter = filter;
        this.position = position;
        this.limit = limit;
    }

    /** The first message: where the stream starts (a browser's lastEventId from now on) and the reconnect delay. */
    void open() {
        synchronized (this) {
            send(sse.newEventBuilder().comment("changes after " + position).id(Long.toString(position))
                    .reconnectDelay(RECONNECT_MILLIS).build(), 64);
        }
        endIfClosed();
    }

    synchronized long position() {
        return position;
    }

    /**
     * Sends the messages after this stream's position that its filter accepts, in order. Live, a stream that
     * falls a buffer behind is closed (its client resumes from the last message it got); catching up
     * (`untilBacklogged`), it stops when half its buffer waits and is continued once drained. False when closed.
     */
    boolean deliver(Iterable<ChangeMessage> messages, boolean untilBacklogged) {
        boolean open;
        synchronized (this) {
            open = deliverLocked(messages, untilBacklogged);
        }
        endIfClosed();
        return open;
    }

    private boolean deliverLocked(Iterable<ChangeMessage> messages, boolean untilBacklogged) {
        for (ChangeMessage message : messages) {
            if (closed) {
                return false;
            }
            if (message.sequence() <= position) {
                continue;
            }
            if (untilBacklogged && backlogged()) {
                return true;
            }
            if (filter.accepts(message)) {
                OutboundSseEvent event = sse.newEventBuilder().id(Long.toString(message.sequence())).name(message.name())
                        .data(message.data()).build();
                if (!send(event, message.data().length() + 40)) {
                    return false;
                }
            }
            position = message.sequence();
        }
        return !closed;
    }

    /**
     * The keep-alive comment, with the position as id so that a client whose filter let nothing through
     * resumes from here. A stream whose client has taken nothing for two heartbeats while bytes wait is closed.
     */
    boolean heartbeat(long stalledAfterNanos) {
        boolean open;
        synchronized (this) {
            if (unsent > 0 && System.nanoTime() - lastProgress > stalledAfterNanos) {
                closed = true;
            }
            open = !closed && send(sse.newEventBuilder().comment("keep-alive").id(Long.toString(position)).build(), 40);
        }
        endIfClosed();
        return open;
    }

    synchronized boolean backlogged() {
        return unsent > limit / 2;
    }

    /** Runs the task once fewer than half a buffer of bytes wait (now, if that is already so). */
    void whenDrained(Runnable task) {
        synchronized (this) {
            if (backlogged() && !closed) {
                whenDrained = task;
                return;
            }
        }
        task.run();
    }

    synchronized boolean isClosed() {
        return closed || sink.isClosed();
    }

    /**
     * Ends the response (the client sees the stream end and reconnects). Ending it tells the feed (through the
     * HTTP layer, under its own lock), so it never happens while this stream's lock is held: a close decided
     * inside a locked step is carried out when the step returns.
     */
    void close() {
        synchronized (this) {
            closed = true;
            whenDrained = null;
        }
        if (!Thread.holdsLock(this)) {
            endIfClosed();
        }
    }

    private void endIfClosed() {
        boolean end;
        synchronized (this) {
            end = closed;
        }
        if (end && !Thread.holdsLock(this) && ended.compareAndSet(false, true)) {
            sink.close();
        }
    }

    /** True the first time only: the stream's place in the per-client counts is given back once. */
    boolean release() {
        return released.compareAndSet(false, true);
    }

    private boolean send(OutboundSseEvent event, long bytes) {
        if (closed || sink.isClosed()) {
            closed = true;
            return false;
        }
        if (unsent > 0 && unsent + bytes > limit) {
            closed = true; // a slow consumer: it resumes from its last message
            return false;
        }
        unsent += bytes;
        sink.send(event).whenComplete((done, failure) -> sent(bytes, failure));
        return true;
    }

    private void sent(long bytes, Throwable failure) {
        Runnable next = null;
        synchronized (this) {
            unsent -= bytes;
            lastProgress = System.nanoTime();
            if (whenDrained != null && !backlogged()) {
                next = whenDrained;
                whenDrained = null;
            }
        }
        if (failure != null) {
            close();
        } else if (next != null) {
            next.run();
        }
    }
}
