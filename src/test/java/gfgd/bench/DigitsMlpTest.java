package gfgd.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.JavaBLAS;
import gfgd.dynamics.GradientDescent;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.FullyConnected;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DigitsMlpTest {

    /** The published L(init) comes from numpy/PyTorch; only the summation order differs (WORKLOADS.md). */
    private static final double LOSS_INIT_TOLERANCE = 1e-15;
    /** Native and pure-Java BLAS differ in summation order; 10 GD steps do not amplify it beyond this. */
    private static final double BLAS_TOLERANCE = 1e-12;
    /** GD steps compared between the two BLAS (the pure-Java product is slow). */
    private static final int BLAS_STEPS = 10;

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    @Test
    void initialisationIsBitExact() {
        FullyConnected<Double, DMatrixRMaj> f = DigitsMlp.objective(D);
        assertEquals(26_122, f.dimension());
        DMatrixRMaj w1 = f.weight(DigitsMlp.initialParameters(f, DigitsMlp.SEED), 1);
        assertEquals(0.10460066083925362, w1.get(0, 0), 0.0);
        assertEquals(-0.14726311966582817, w1.get(0, 1), 0.0);
        assertEquals(-0.09586852278410593, w1.get(0, 2), 0.0);
    }

    @Test
    void initialLossIsThePublishedValue() {
        FullyConnected<Double, DMatrixRMaj> f = DigitsMlp.objective(D);
        double l = f.value(DigitsMlp.initialParameters(f, DigitsMlp.SEED));
        assertEquals(0.8035172291577674, l, LOSS_INIT_TOLERANCE * 0.8035172291577674);
    }

    @Test
    void biasesStartAtZeroAndEveryWeightIsWithinItsScale() {
        FullyConnected<Double, DMatrixRMaj> f = DigitsMlp.objective(D);
        DMatrixRMaj theta = DigitsMlp.initialParameters(f, DigitsMlp.SEED);
        int[] w = f.widths();
        for (int l = 1; l <= f.depth(); l++) {
            assertEquals(0.0, D.norm(f.bias(theta, l)), 0.0);
            double scale = Math.sqrt(3.0 / w[l - 1]);
            for (double v : f.weight(theta, l).data) {
                assertTrue(Math.abs(v) <= scale, "weight " + v + " beyond " + scale);
            }
        }
    }

    @Test
    void nativeAndJavaBlasGiveTheSameDescent() {
        DoubleArithmetic java = DoubleArithmetic.withBlas(JavaBLAS.getInstance());
        FullyConnected<Double, DMatrixRMaj> fn = DigitsMlp.objective(D);
        FullyConnected<Double, DMatrixRMaj> fj = DigitsMlp.objective(java);
        DMatrixRMaj tn = descend(fn, BLAS_STEPS);
        DMatrixRMaj tj = descend(fj, BLAS_STEPS);
        double ln = fn.value(tn);
        double lj = fj.value(tj);
        assertEquals(lj, ln, BLAS_TOLERANCE * lj);
        assertTrue(D.toDouble(D.norm(D.minus(tn, tj))) <= BLAS_TOLERANCE * D.norm(tj));
    }

    @Test
    void theWorkloadsHalvesGiveBitIdenticalDescentsOnOneAndTwoThreads() {
        DMatrixRMaj one = descend(GdMlpWorkload.objective(D, 1), BLAS_STEPS);
        DMatrixRMaj two = descend(GdMlpWorkload.objective(D, 2), BLAS_STEPS);
        assertArrayEquals(one.data, two.data, 0.0);
    }

    @Test
    void theWorkloadsHalvesAgreeWithTheWholeBatchAndWithPureJava() {
        DoubleArithmetic java = DoubleArithmetic.withBlas(JavaBLAS.getInstance());
        DMatrixRMaj halves = descend(GdMlpWorkload.objective(D, 2), BLAS_STEPS);
        DMatrixRMaj whole = descend(DigitsMlp.objective(D), BLAS_STEPS);
        DMatrixRMaj javaHalves = descend(GdMlpWorkload.objective(java, 2), BLAS_STEPS);
        assertTrue(D.toDouble(D.norm(D.minus(halves, whole))) <= BLAS_TOLERANCE * D.norm(whole));
        assertTrue(D.toDouble(D.norm(D.minus(halves, javaHalves))) <= BLAS_TOLERANCE * D.norm(javaHalves));
    }

    @Test
    void gdMlpIsRegisteredUnderItsWorkloadName() {
        assertTrue(Workloads.byName("gd-mlp").orElseThrow() instanceof GdMlpWorkload);
    }

    /** {@code steps} GD steps of the workload from its initialisation. */
    private static DMatrixRMaj descend(FullyConnected<Double, DMatrixRMaj> f, int steps) {
        GradientDescent.Result<Double, DMatrixRMaj> run = GradientDescent.of(f, GdMlpWorkload.ETA)
                .run(DigitsMlp.initialParameters(f, DigitsMlp.SEED), steps);
        assertTrue(run.completed(), run.reason());
        return run.state();
    }
}
