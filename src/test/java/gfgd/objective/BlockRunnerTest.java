package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockRunnerTest {

    @Test
    void everyPartRunsOnceAndPartZeroOnTheCaller() {
        for (int parts = 1; parts <= 4; parts++) {
            long[] runs = new long[parts];
            Thread[] on = new Thread[parts];
            for (int round = 0; round < 50; round++) {
                BlockRunner.run(parts, w -> {
                    runs[w]++;
                    on[w] = Thread.currentThread();
                });
            }
            long[] expected = new long[parts];
            java.util.Arrays.fill(expected, 50);
            assertArrayEquals(expected, runs, "parts " + parts);
            assertSame(Thread.currentThread(), on[0]);
            for (int w = 1; w < parts; w++) {
                assertTrue(on[w] != Thread.currentThread() && on[w].isDaemon(), "part " + w + " ran on " + on[w]);
            }
        }
    }

    @Test
    void aPartsWritesAreVisibleToTheCallerAfterTheWaitsBothShortAndParked() throws InterruptedException {
        int[] slot = new int[2];
        for (int round = 1; round <= 200; round++) {
            int r = round;
            BlockRunner.run(2, w -> slot[w] = r * (w + 1));
            assertEquals(2 * r, slot[1]);
            if (round % 50 == 0) {
                // longer than the spin: the worker has parked and must be woken
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(BlockRunner.SPIN_NANOS) + 2);
            }
        }
        long slow = BlockRunner.SPIN_NANOS * 5;
        BlockRunner.run(2, w -> {
            if (w == 1) {
                long until = System.nanoTime() + slow;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                slot[1] = -7; // the caller has parked by now
            }
        });
        assertEquals(-7, slot[1]);
    }

    @Test
    void theFirstFailureReachesTheCallerAfterEveryPartEnded() {
        int[] ended = new int[3];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BlockRunner.run(3, w -> {
            ended[w] = 1;
            if (w == 2) {
                throw new IllegalStateException("part 2 failed");
            }
        }));
        assertEquals("part 2 failed", e.getMessage());
        assertArrayEquals(new int[] {1, 1, 1}, ended);
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> BlockRunner.run(2, w -> {
            throw w == 0 ? new IllegalArgumentException("part 0") : new IllegalStateException("part 1");
        }));
        assertEquals("part 0", first.getMessage());
        AssertionError error = assertThrows(AssertionError.class, () -> BlockRunner.run(2, w -> {
            if (w == 1) {
                throw new AssertionError("part 1 error");
            }
        }));
        assertEquals("part 1 error", error.getMessage());
        // the workers survive a failure
        int[] after = new int[2];
        BlockRunner.run(2, w -> after[w] = w + 1);
        assertArrayEquals(new int[] {1, 2}, after);
    }

    @Test
    void concurrentCallersNeverShareAWorker() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] f = new Future<?>[4];
            for (int c = 0; c < 4; c++) {
                int id = c;
                f[c] = callers.submit(() -> {
                    for (int round = 0; round < 300; round++) {
                        long[] sum = new long[3];
                        int r = round;
                        BlockRunner.run(3, w -> sum[w] = (long) id * 1000 + r + w);
                        for (int w = 0; w < 3; w++) {
                            if (sum[w] != (long) id * 1000 + r + w) {
                                throw new AssertionError("caller " + id + " round " + r + " part " + w + ": " + sum[w]);
                            }
                        }
                    }
                    return null;
                });
            }
            for (Future<?> x : f) {
                x.get(60, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRunnerStartsWorkersOnlyWhenNoneIsIdleAndReusesThem() {
        BlockRunner runner = new BlockRunner();
        assertEquals(0, runner.idleWorkers());
        java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        runner.runParts(3, w -> seen.add(Thread.currentThread()));
        assertEquals(2, runner.idleWorkers());
        assertEquals(3, seen.size());
        for (int round = 0; round < 20; round++) {
            runner.runParts(3, w -> seen.add(Thread.currentThread()));
        }
        assertEquals(2, runner.idleWorkers());
        assertEquals(3, seen.size(), "the same two workers ran every round");
        runner.runParts(4, w -> seen.add(Thread.currentThread()));
        assertEquals(3, runner.idleWorkers());
        assertEquals(4, seen.size());
    }

    @Test
    void partsMustBeAtLeastOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockRunner.run(0, w -> { }));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
