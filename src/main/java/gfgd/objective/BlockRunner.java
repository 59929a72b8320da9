package gfgd.objective;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs the parts {@code 0..t-1} of one computation side by side: part 0 on the calling thread, the
 * others on pooled daemon threads, and returns when all are done. Made for {@link FullyConnected}'s
 * sample blocks, called once per descent step: a step takes a few milliseconds, so the hand-over must
 * cost microseconds. Both sides therefore wait by spinning for a short while ({@link #SPIN_NANOS})
 * before they park: a worker that finished a step is still spinning when the next step's part
 * arrives, and the caller is still spinning when the last worker finishes. An idle worker parks after
 * the spin and costs nothing.
 *
 * <p>Workers are taken from a shared idle queue and returned to it after each call, so concurrent
 * callers never share a worker; a new worker is started only when the queue is empty. The first
 * exception thrown by a part (the caller's first) is rethrown to the caller after every part ended.
 */
final class BlockRunner {

    /** How long a waiting thread spins before it parks: a few times a step's hand-over. */
    static final long SPIN_NANOS = 200_000L;

    /** The runner every blocked objective uses. */
    private static final BlockRunner SHARED = new BlockRunner();

    /** Workers that ran a part and wait for the next one. */
    private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();

    /** A runner with a pool of its own (tests); objectives use the shared one through {@link #run}. */
    BlockRunner() {
    }

    /**
     * Runs {@code part.accept(w)} for {@code w = 0..parts-1}, part 0 on this thread, and returns after
     * all have ended.
     *
     * @throws IllegalArgumentException if {@code parts < 1}
     * @throws RuntimeException         the first one a part threw (an {@link Error} is rethrown as is)
     */
    static void run(int parts, IntConsumer part) {
        SHARED.runParts(parts, part);
    }

    /** {@link #run} on this runner's pool. */
    void runParts(int parts, IntConsumer part) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        }
        Worker[] workers = new Worker[parts - 1];
        Thread caller = Thread.currentThread();
        for (int w = 1; w < parts; w++) {
            Worker worker = idle.poll();
            if (worker == null) {
                worker = new Worker();
            }
            workers[w - 1] = worker;
            worker.start(w, part, caller);
        }
        Throwable failure = null;
        try {
            part.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Worker worker : workers) {
            Throwable t = worker.awaitDone();
            idle.add(worker);
            if (failure == null) {
                failure = t;
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("a block failed", failure);
        }
    }

    /** The workers now waiting for a part. */
    int idleWorkers() {
        return idle.size();
    }

    /** One pooled thread; it runs one part at a time. */
    private static final class Worker implements Runnable {

        private final Thread thread;
        /** The part to run, set by the caller and cleared by the worker when it is done. */
        private volatile IntConsumer task;
        private int index;
        private volatile Thread waiter;
        private volatile boolean done;
        private Throwable failure;

        Worker() {
            thread = new Thread(this, "gfgd-blocks");
            thread.setDaemon(true);
            thread.start();
        }

        void start(int w, IntConsumer part, Thread caller) {
            index = w;
            failure = null;
            done = false;
            waiter = caller;
            task = part; // volatile write: publishes the fields above
            LockSupport.unpark(thread);
        }

        /** Waits until the part ended; returns what it threw, or null. */
        Throwable awaitDone() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (!done) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                IntConsumer t = awaitTask();
                try {
                    t.accept(index);
                } catch (Throwable e) {
                    failure = e;
                }
                Thread w = waiter;
                task = null;
                done = true; // volatile write: publishes failure
                LockSupport.unpark(w);
            }
        }

        private IntConsumer awaitTask() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            IntConsumer t;
            while ((t = task) == null) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            return t;
        }
    }
}
