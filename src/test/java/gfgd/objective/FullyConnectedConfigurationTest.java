package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.DoubleArithmetic;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.numeric.UndecidedComparisonException;
import gfgd.objective.FullyConnected.Activation;
import gfgd.objective.FullyConnected.Loss;
import java.math.BigDecimal;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A fully connected network's configuration, layout checks, outputs on small hand-computed cases,
 * the block summation order, and failures inside a block.
 */
class FullyConnectedConfigurationTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** Samples (1, 2) and (3, 4), targets 1 and 0. */
    private static Dataset two() {
        return Dataset.of("two", 2, 2, 1, new double[] {1, 2, 3, 4}, new double[] {1, 0});
    }

    @Test
    void theConfigurationIsReportedAsBuilt() {
        Dataset data = two();
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(D, data, 2, 3, 1);
        assertSame(data, f.data());
        assertArrayEquals(new int[] {2, 3, 1}, f.widths());
        f.widths()[0] = 7;
        assertArrayEquals(new int[] {2, 3, 1}, f.widths(), "widths() is a copy");
        assertEquals(Activation.relu(), f.activation());
        assertEquals(Loss.SQUARE, f.loss());
        assertFalse(f.hasBiases());
        assertEquals(1, f.threads());
        assertEquals(3, f.withThreads(3).threads());
        assertEquals(1, f.withBlocks(1).blocks());
        assertEquals("FullyConnected[2, 3, 1] relu SQUARE on two (2 samples)", f.toString());
        FullyConnected<Double, DMatrixRMaj> g = f.withBiases(true).withActivation(Activation.leakyRelu(0.25))
                .withLoss(Loss.SOFTMAX_CROSS_ENTROPY);
        assertTrue(g.hasBiases());
        assertEquals(Activation.leakyRelu(0.25), g.activation());
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, g.loss());
        assertEquals("FullyConnected[2, 3, 1] leaky-relu SOFTMAX_CROSS_ENTROPY with biases on two (2 samples)",
                g.toString());
    }

    @Test
    void theOutputOfOneLinearLayerIsXTimesW() {
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(D, two(), 2, 1);
        // W = (0.5, -1)': F = (0.5 - 2, 1.5 - 4)
        assertArrayEquals(new double[] {-1.5, -2.5}, f.output(D.vector(0.5, -1)).data, 0.0);
    }

    @Test
    void biasesOutsideTheLayersAreRefusedNamingTheRange() {
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(D, two(), 2, 3, 1).withBiases(true);
        DMatrixRMaj theta = D.zeros(f.dimension(), 1);
        for (int l : new int[] {0, 3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.bias(theta, l));
            assertEquals("layer must be in [1, 2], got " + l, e.getMessage());
        }
    }

    @Test
    void parametersNameTheMismatchedLayerAndAcceptABiasOfAnyShape() {
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(D, two(), 2, 3, 1).withBiases(true);
        DMatrixRMaj w1 = D.fromDoubles(2, 3, 1, 2, 3, 4, 5, 6);
        DMatrixRMaj w2 = D.vector(7, 8, 9);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> f.parameters(List.of(w1, D.transpose(w2).copy()), List.of(D.vector(0, 0, 0), D.vector(0))));
        assertEquals("weights[1] must be 3x1, got 1x3", shape.getMessage());
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> f.parameters(List.of(D.transpose(w1), w2), List.of(D.vector(0, 0, 0), D.vector(0))));
        assertEquals("weights[0] must be 2x3, got 3x2", first.getMessage());
        IllegalArgumentException bias = assertThrows(IllegalArgumentException.class,
                () -> f.parameters(List.of(w1, w2), List.of(D.vector(0, 0, 0), D.vector(0, 0))));
        assertEquals("biases[1] has length 2, expected 1", bias.getMessage());
        // b_1 given as a 1x3 row: 3 entries, accepted in row-major order after W_1
        DMatrixRMaj theta = f.parameters(List.of(w1, w2), List.of(D.fromDoubles(1, 3, 10, 11, 12), D.vector(13)));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 10, 11, 12, 7, 8, 9, 13}, theta.data, 0.0);
    }

    @Test
    void theSoftmaxLossShiftsByTheRowMaximumWhereverItIs() {
        // one sample x = 1, W = (-3, 800): F = (-3, 800); exp(800) overflows a double unless shifted.
        // Class 0: L = log(e^-3 + e^800) + 3 = 803 + log(1 + e^-803) = 803
        Dataset d = Dataset.of("far", 1, 1, 2, new double[] {1}, new double[] {1, 0});
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(D, d, 1, 2).withLoss(Loss.SOFTMAX_CROSS_ENTROPY);
        DMatrixRMaj theta = D.vector(-3, 800);
        assertEquals(803.0, f.value(theta), 0.0);
        // dL/dF = softmax(F) - e_0 = (-1, 1) to double precision; the loss Hessian in F is ~ e^-803 = 0
        assertArrayEquals(new double[] {-1, 1}, f.gradient(theta).data, 0.0);
        assertArrayEquals(new double[] {0, 0}, f.hessianVectorProduct(theta, D.vector(1, 0)).data, 1e-300);
    }

    @Test
    void blockValuesAreAddedInBlockOrderEachNormalisedByTheWholeSampleCount() {
        // x = 1, W = 1, y = (0, -1, 1): residuals (1, 2, 0); blocks [0, 1) and [1, 3) give 1/6 and 4/6.
        // In double 1/6 + 4/6 is not 5/6: the blocked sum is the documented order, not the whole batch's.
        Dataset d = Dataset.of("three", 3, 1, 1, new double[] {1, 1, 1}, new double[] {0, -1, 1});
        FullyConnected<Double, DMatrixRMaj> whole = FullyConnected.of(D, d, 1, 1);
        DMatrixRMaj theta = D.vector(1);
        assertEquals(5.0 / 6, whole.value(theta), 0.0);
        double blocked = whole.withBlocks(2).value(theta);
        assertEquals(1.0 / 6 + 4.0 / 6, blocked, 0.0);
        assertNotEquals(5.0 / 6, blocked);
        assertEquals(5.0 / 6, whole.withBlocks(1).value(theta), 0.0);
    }

    @Test
    void blocksOfADecimalTextDataSetKeepTheirRowsText() {
        // rows (1, 2), (3, 4), (5, 6), (7, 8); W = (1, 1): F = (3, 7, 11, 15), y = (3, 7, 11, 16): L = 1 / 8
        Dataset d = Dataset.ofText("text", 4, 2, 1, new String[] {"1", "2", "3", "4", "5", "6", "7", "8"},
                new String[] {"3", "7", "11", "16"});
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(D, d, 2, 1).withBlocks(2);
        assertEquals(0.125, f.value(D.vector(1, 1)), 0.0);
        // dL/dW = X' r / N with r = (0, 0, 0, -1): (-7, -8) / 4
        assertArrayEquals(new double[] {-1.75, -2}, f.gradient(D.vector(1, 1)).data, 0.0);
        // two outputs, W = I: F = X, targets X but for the last row (7, 9): L = 1 / 8 again
        Dataset pairs = Dataset.ofText("pairs", 4, 2, 2, new String[] {"1", "2", "3", "4", "5", "6", "7", "8"},
                new String[] {"1", "2", "3", "4", "5", "6", "7", "9"});
        assertEquals(0.125, FullyConnected.of(D, pairs, 2, 2).withBlocks(2).value(D.vector(1, 0, 0, 1)), 0.0);
    }

    @Test
    void anUndecidedComparisonInAnotherThreadsBlockReachesTheCaller() {
        // interval weights: sample x = 0 gives the points F = (0, 0) (decided), sample x = 1 gives
        // F = ([0.9, 1.1], 1), whose maximum cannot be decided; block 1 runs on the pool's thread
        IntervalArithmetic ia = IntervalArithmetic.digits(20);
        Dataset d = Dataset.of("undecided", 2, 1, 2, new double[] {0, 1}, new double[] {1, 0, 0, 1});
        FullyConnected<Interval, IntervalMatrix> f = FullyConnected.of(ia, d, 1, 2)
                .withLoss(Loss.SOFTMAX_CROSS_ENTROPY).withBlocks(2).withThreads(2);
        IntervalMatrix theta = ia.zeros(2, 1);
        ia.set(theta, 0, 0, ia.interval(new BigDecimal("0.9"), new BigDecimal("1.1")));
        ia.set(theta, 1, 0, ia.one());
        assertThrows(UndecidedComparisonException.class, () -> f.value(theta));
        // with point weights W = (1, 1) both rows have equal logits: each sample's loss is log 2, the mean log 2
        Interval decided = f.value(pointTheta(ia));
        assertTrue(decided.contains(new BigDecimal("0.693147180559945309417232")), decided.toString());
    }

    private static IntervalMatrix pointTheta(IntervalArithmetic ia) {
        IntervalMatrix theta = ia.zeros(2, 1);
        ia.set(theta, 0, 0, ia.one());
        ia.set(theta, 1, 0, ia.one());
        return theta;
    }
}
