package dev.chipevents.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads of the service's own background work: named for thread dumps, and never holding the JVM open at exit. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named "name-1", "name-2", ... */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
