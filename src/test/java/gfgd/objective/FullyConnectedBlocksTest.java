package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.FullyConnected.Activation;
import gfgd.objective.FullyConnected.Loss;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class FullyConnectedBlocksTest {

    /** Blocked and whole-batch sums differ only in summation order: a few roundings of 1.1e-16. */
    private static final double ORDER_TOLERANCE = 1e-13;

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** 37 samples (blocks of unequal size), 5 inputs, 3 outputs, seeded. */
    private static Dataset data() {
        Random r = new Random(2021L);
        int n = 37;
        double[] x = new double[n * 5];
        double[] y = new double[n * 3];
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i * 3 + r.nextInt(3)] = 1.0;
        }
        return Dataset.of("random-37", n, 5, 3, x, y);
    }

    private static DMatrixRMaj theta(FullyConnected<Double, DMatrixRMaj> f) {
        Random r = new Random(7L);
        double[] t = new double[f.dimension()];
        for (int k = 0; k < t.length; k++) {
            t[k] = 0.5 * r.nextGaussian();
        }
        return D.vector(t);
    }

    private static FullyConnected<Double, DMatrixRMaj> net(Loss loss) {
        return FullyConnected.of(D, data(), 5, 8, 6, 3).withActivation(Activation.leakyRelu(0.1))
                .withBiases(true).withLoss(loss);
    }

    @Test
    void blockedLossAndGradientEqualTheWholeBatchUpToSummationOrder() {
        for (Loss loss : Loss.values()) {
            FullyConnected<Double, DMatrixRMaj> whole = net(loss);
            DMatrixRMaj theta = theta(whole);
            double v = whole.value(theta);
            DMatrixRMaj g = whole.gradient(theta);
            for (int blocks : new int[] {2, 3, 37}) {
                FullyConnected<Double, DMatrixRMaj> f = whole.withBlocks(blocks).withThreads(2);
                assertEquals(v, f.value(theta), ORDER_TOLERANCE * Math.abs(v), loss + " blocks " + blocks);
                double err = D.norm(D.minus(f.gradient(theta), g));
                assertTrue(err <= ORDER_TOLERANCE * D.norm(g), loss + " blocks " + blocks + ": " + err);
            }
        }
    }

    @Test
    void blockedResultsDoNotDependOnTheThreadCount() {
        FullyConnected<Double, DMatrixRMaj> f = net(Loss.SQUARE).withBlocks(3);
        DMatrixRMaj theta = theta(f);
        double[] g1 = f.withThreads(1).gradient(theta).data;
        for (int t : new int[] {2, 3, 8}) {
            assertArrayEquals(g1, f.withThreads(t).gradient(theta).data, 0.0, "threads " + t);
            assertEquals(f.withThreads(1).value(theta), f.withThreads(t).value(theta), 0.0, "threads " + t);
        }
    }

    @Test
    void gradientIntoWritesEveryEntryOfTheBufferWithTheGradientsValue() {
        for (int blocks : new int[] {1, 3}) {
            for (int threads : new int[] {1, 2}) {
                FullyConnected<Double, DMatrixRMaj> f = net(Loss.SOFTMAX_CROSS_ENTROPY).withBlocks(blocks)
                        .withThreads(threads);
                DMatrixRMaj theta = theta(f);
                double[] expected = f.gradient(theta).data;
                DMatrixRMaj buffer = new DMatrixRMaj(f.dimension(), 1);
                java.util.Arrays.fill(buffer.data, Double.NaN);
                for (int repeat = 0; repeat < 2; repeat++) {
                    assertSame(buffer, f.gradientInto(theta, buffer));
                    assertArrayEquals(expected, buffer.data, 0.0, "blocks " + blocks + ", threads " + threads);
                }
            }
        }
    }

    @Test
    void gradientIntoRejectsABufferOfTheWrongShape() {
        FullyConnected<Double, DMatrixRMaj> f = net(Loss.SQUARE).withBlocks(2);
        DMatrixRMaj theta = theta(f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.gradientInto(theta, new DMatrixRMaj(f.dimension() - 1, 1)));
        assertTrue(e.getMessage().contains((f.dimension() - 1) + "x1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.gradientInto(theta, new DMatrixRMaj(f.dimension(), 2)));
    }

    @Test
    void blocksMustBeBetweenOneAndTheSampleCount() {
        FullyConnected<Double, DMatrixRMaj> f = net(Loss.SQUARE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.withBlocks(38));
        assertTrue(e.getMessage().contains("38"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.withBlocks(0));
        assertThrows(IllegalArgumentException.class, () -> f.withThreads(0));
        assertEquals(1, f.blocks());
        assertEquals(4, f.withBlocks(4).withThreads(2).withBiases(false).blocks());
    }
}
