package gfgd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints "still running" lines to stderr while a long task runs: the first after
 * {@link #FIRST_SECONDS}, then every {@link #EVERY_SECONDS}. Short tasks print nothing.
 */
final class Progress implements AutoCloseable {

    /** Runs shorter than this print no progress. */
    static final long FIRST_SECONDS = 3;
    /** Interval between progress lines. */
    static final long EVERY_SECONDS = 5;

    private final ScheduledExecutorService timer;

    Progress(PrintWriter err, String what) {
        long start = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gfgd-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            err.printf("gfgd: %s, %d s%n", what, Math.round((System.nanoTime() - start) * 1e-9));
            err.flush();
        }, FIRST_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
