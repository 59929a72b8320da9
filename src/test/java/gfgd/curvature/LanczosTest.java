package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.DoubleArithmetic;
import gfgd.numeric.SplitMix64;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.Initialisations;
import gfgd.objective.Quadratic;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class LanczosTest {

    /** Lanczos and the dense eigen-solver agree to this, relative to max |lambda| (the figure). */
    private static final double AGREEMENT = 1e-8;

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** A quadratic 0.5 theta' A theta with A = Q diag(values) Q', Q a random orthogonal matrix. */
    private static Quadratic<Double, DMatrixRMaj> quadratic(long seed, double... values) {
        int d = values.length;
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            g.data[i] = r.nextGaussian();
        }
        DMatrixRMaj q = new DMatrixRMaj(d, d);
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(g);
        qr.getQ(q, false);
        DMatrixRMaj qd = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(q, CommonOps_DDRM.diag(values), qd);
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(qd, q, a);
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        CommonOps_DDRM.add(0.5, a, 0.5, at, a);
        return Quadratic.of(D, a);
    }

    private static void assertAgrees(double expected, double actual, double scale) {
        assertEquals(expected, actual, AGREEMENT * scale, () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void quadraticWithKnownSpectrumGivesItsExtremes() {
        double[] values = new double[60];
        for (int i = 0; i < values.length; i++) {
            values[i] = -3.0 + 0.1 * i;
        }
        Quadratic<Double, DMatrixRMaj> f = quadratic(1, values);
        Lanczos.Result r = Lanczos.extremes(f, D.zeros(60, 1), 60, 7);
        assertAgrees(-3.0, r.min(), 3.0);
        assertAgrees(2.9, r.max(), 3.0);
        assertEquals(60, r.steps());
        assertTrue(r.minResidual() < AGREEMENT * 3 && r.maxResidual() < AGREEMENT * 3, r.toString());
    }

    @Test
    void wellSeparatedExtremesConvergeInFewerStepsThanTheDimension() {
        double[] values = new double[400];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i);
        }
        values[17] = -5.0;
        values[230] = 8.0;
        Lanczos.Result r = Lanczos.extremes(quadratic(2, values), D.zeros(400, 1), 80, 7);
        assertAgrees(-5.0, r.min(), 8.0);
        assertAgrees(8.0, r.max(), 8.0);
        assertEquals(80, r.steps());
        assertTrue(r.minResidual() < 1e-6 && r.maxResidual() < 1e-6, r.toString());
    }

    @Test
    void repeatedEigenvaluesAreFoundThroughRestarts() {
        Quadratic<Double, DMatrixRMaj> f = quadratic(3, 2, 2, 2, -1, -1, 5, 5, 5, 5);
        Lanczos.Result r = Lanczos.extremes(f, D.zeros(9, 1), 20, 11);
        assertEquals(9, r.steps());
        assertAgrees(-1, r.min(), 5);
        assertAgrees(5, r.max(), 5);
        Lanczos.Result identity = Lanczos.extremes(Quadratic.of(D, D.identity(4)), D.zeros(4, 1), 4, 0);
        assertAgrees(1, identity.min(), 1);
        assertAgrees(1, identity.max(), 1);
    }

    @Test
    void dimensionsOneToThreeAgreeWithTheDenseSpectrum() {
        for (int d = 1; d <= 3; d++) {
            double[] values = new double[d];
            for (int i = 0; i < d; i++) {
                values[i] = 1.5 - 2.0 * i;
            }
            Quadratic<Double, DMatrixRMaj> f = quadratic(10 + d, values);
            DenseSpectrum dense = DenseSpectrum.ofHessian(f, D.zeros(d, 1));
            Lanczos.Result r = Lanczos.extremes(f, D.zeros(d, 1), 5, 3);
            assertEquals(d, r.steps());
            assertAgrees(dense.min(), r.min(), 1.5 + 2 * d);
            assertAgrees(dense.max(), r.max(), 1.5 + 2 * d);
        }
        // a start vector orthogonal to an eigenvector: [[0, 1], [1, 0]] has eigenvectors (1, -1) and (1, 1)
        Quadratic<Double, DMatrixRMaj> swap = Quadratic.of(D, D.fromDoubles(2, 2, 0, 1, 1, 0));
        Lanczos.Result r = Lanczos.extremes(swap, D.zeros(2, 1), 2, 0);
        assertAgrees(-1, r.min(), 1);
        assertAgrees(1, r.max(), 1);
    }

    @Test
    void randomDeepLinearNetsAgreeWithTheDenseSpectrum() {
        int[][] shapes = {{3, 1}, {3, 3, 1}, {3, 3, 2, 1}, {3, 3, 4, 2, 1}, {3, 6, 5, 4, 1}};
        for (int k = 0; k < shapes.length; k++) {
            DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, Datasets.briefExample(), shapes[k]);
            for (double scale : new double[] {0.01, 1.0, 3.0}) {
                DMatrixRMaj theta = Initialisations.gaussian(f.dimension(), scale, 100 + k).vector(D);
                DenseSpectrum dense = DenseSpectrum.ofHessian(f, theta);
                Lanczos.Result r = Lanczos.extremes(f, theta, f.dimension(), 5);
                double size = Math.max(Math.abs(dense.min()), Math.abs(dense.max()));
                assertAgrees(dense.min(), r.min(), size);
                assertAgrees(dense.max(), r.max(), size);
                assertTrue(r.minResidual() <= AGREEMENT * size, r.toString());
            }
        }
    }

    @Test
    void aHundredThousandParametersAtTheBriefsZeroLayerFamilyGiveTheExactValue() {
        // brief 3a: W_1 = W_2 = 0 gives lambda_min = -||W_3|| ||b|| and lambda_max = +||W_3|| ||b||
        int[] widths = {3, 320, 310, 1};
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, Datasets.briefExample(), widths);
        assertTrue(f.dimension() >= 100_000, "dimension " + f.dimension());
        double[] theta = new double[f.dimension()];
        SplittableRandom r = new SplittableRandom(4);
        double w3 = 0;
        for (int i = f.offset(3); i < theta.length; i++) {
            theta[i] = r.nextGaussian();
            w3 += theta[i] * theta[i];
        }
        double b = 1.235014; // ||b|| of the brief's data, to 7 digits
        double exact = Math.sqrt(w3) * b;
        Lanczos.Result l = Lanczos.extremes(f, D.vector(theta), 20, 7);
        assertEquals(-exact, l.min(), 1e-6 * exact);
        assertEquals(exact, l.max(), 1e-6 * exact);
        assertTrue(l.minResidual() < AGREEMENT * exact, l.toString());
    }

    @Test
    void startVectorIsTheWorkloadsRademacherStream() {
        double[] v = Lanczos.rademacher(new SplitMix64(7), 5);
        SplitMix64 check = new SplitMix64(7);
        for (double e : v) {
            assertEquals(check.nextDouble() < 0.5 ? 1.0 : -1.0, e);
        }
    }

    @Test
    void badInputIsRejectedNamingIt() {
        Quadratic<Double, DMatrixRMaj> f = Quadratic.of(D, D.identity(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lanczos.extremes(f, D.zeros(2, 1), 0, 1));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lanczos.extremes(f, D.zeros(3, 1), 2, 1));
    }

    @Test
    void aDrawOfExactlyOneHalfGivesMinusOne() {
        // SplitMix64 state 3453682501520545093 outputs 2^63 first, so u = 2^52 * 2^-53 = 0.5: not below 0.5
        long seed = 3453682501520545093L;
        assertEquals(0.5, new SplitMix64(seed).nextDouble(), 0.0);
        assertEquals(-1.0, Lanczos.rademacher(new SplitMix64(seed), 1)[0], 0.0);
    }

    @Test
    void theNegativePartIsTheMinimumBelowZero() {
        assertEquals(-2.0, new Lanczos.Result(-2, 1, 2, 0, 0).negativePart(), 0.0);
        assertEquals(0.0, new Lanczos.Result(0.5, 1, 2, 0, 0).negativePart(), 0.0);
    }

    @Test
    void eachResidualBoundsTheDistanceOfItsRitzValueToTheSpectrum() {
        // three steps on a clustered spectrum: neither extreme has converged, and for symmetric H some eigenvalue
        // lies within the residual ||H y - theta y|| of each Ritz value theta
        double[] values = new double[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = -1 + i / 29.0;
        }
        Lanczos.Result r = Lanczos.extremes(quadratic(5, values), D.zeros(30, 1), 3, 7);
        double toMin = Double.POSITIVE_INFINITY;
        double toMax = Double.POSITIVE_INFINITY;
        for (double v : values) {
            toMin = Math.min(toMin, Math.abs(v - r.min()));
            toMax = Math.min(toMax, Math.abs(v - r.max()));
        }
        assertTrue(toMin > 1e-4 && toMin <= r.minResidual(), "distance " + toMin + ", residual " + r.minResidual());
        assertTrue(toMax > 1e-4 && toMax <= r.maxResidual(), "distance " + toMax + ", residual " + r.maxResidual());
        assertTrue(r.minResidual() < 1 && r.maxResidual() < 1, r.toString());
        // a well separated minimum converges long before a clustered maximum: each pair has its own residual
        values[0] = -30;
        Lanczos.Result s = Lanczos.extremes(quadratic(5, values), D.zeros(30, 1), 6, 7);
        double dist = Double.POSITIVE_INFINITY;
        for (double v : values) {
            dist = Math.min(dist, Math.abs(v - s.max()));
        }
        assertTrue(s.minResidual() < dist && dist <= s.maxResidual(), s + ", max's distance " + dist);
    }

    @Test
    void aNonFiniteHessianVectorProductIsRejectedNamingTheEntry() {
        // every entry 1.5e308 and the start vector -(1, 1) / sqrt 2 of seed 1: H q overflows to -(2.1e308, 2.1e308)
        Quadratic<Double, DMatrixRMaj> f = Quadratic.of(D, D.fromDoubles(2, 2, 1.5e308, 1.5e308, 1.5e308, 1.5e308));
        assertArrayEquals(new double[] {-1, -1}, Lanczos.rademacher(new SplitMix64(1), 2), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lanczos.extremes(f, D.zeros(2, 1), 2, 1));
        assertEquals("Hessian-vector product entry 0 is -Infinity", e.getMessage());
        assertEquals("theta must be a 2x1 vector, got 3x1", assertThrows(IllegalArgumentException.class,
                () -> Lanczos.extremes(Quadratic.of(D, D.identity(2)), D.zeros(3, 1), 2, 1)).getMessage());
        assertEquals("theta must be a 2x1 vector, got 3x1", assertThrows(IllegalArgumentException.class,
                () -> Lanczos.extremes(Quadratic.of(D, D.identity(2)), D.zeros(3, 1), 0, 1)).getMessage(), "theta is checked first");
    }

    @Test
    void theRestartVectorIsTheNextDrawOfTheStreamOutsideTheBasis() {
        // H = I + 4 w w' with w = (0, s_2, -s_3) / sqrt 2 orthogonal to the start vector q_0 = s / sqrt 3: H q_0 = q_0,
        // so the first step breaks down and q_1 is the stream's next draw v that is not +-s, orthogonalised:
        // T = diag(1, q_1' H q_1) and the two Ritz values are 1 and 1 + 4 (w . q_1)^2
        SplitMix64 stream = new SplitMix64(Lanczos.WORKLOAD_SEED);
        double[] s = Lanczos.rademacher(stream, 3);
        double[] v;
        do {
            v = Lanczos.rademacher(stream, 3);
        } while (java.util.Arrays.equals(v, s) || java.util.Arrays.equals(v, new double[] {-s[0], -s[1], -s[2]}));
        double c = (v[0] * s[0] + v[1] * s[1] + v[2] * s[2]) / 3;
        double[] q1 = {v[0] - c * s[0], v[1] - c * s[1], v[2] - c * s[2]};
        double wq = (s[1] * q1[1] - s[2] * q1[2]) / Math.sqrt(2) / Math.sqrt(q1[0] * q1[0] + q1[1] * q1[1] + q1[2] * q1[2]);
        double m = -2 * s[1] * s[2];
        // the breakdown test is relative to the matrix: at scale 1e8 the rounding left in H q_0 - alpha q_0 is of
        // order 1e-8, still a breakdown
        for (double scale : new double[] {1, 1e8}) {
            Quadratic<Double, DMatrixRMaj> f = Quadratic.of(D, D.fromDoubles(3, 3, scale, 0, 0, 0, 3 * scale, m * scale, 0, m * scale, 3 * scale));
            Lanczos.Result r = Lanczos.extremes(f, D.zeros(3, 1), 2, Lanczos.WORKLOAD_SEED);
            assertEquals(scale, r.min(), 1e-14 * scale);
            assertEquals((1 + 4 * wq * wq) * scale, r.max(), 1e-14 * scale);
            assertTrue(r.max() > 1.5 * scale && r.max() < 4.5 * scale, "a Ritz value strictly inside the spectrum: " + r.max());
        }
    }

    @Test
    void twoStepsGiveTheWholeSpectrumEvenWhenEveryRandomRestartFallsInTheBasis() {
        // seed 54: the start vector and the next eight draws in d = 2 are all +-(s_1, s_2), so no Rademacher vector
        // leaves span(q_0); the identity's spectrum {1, 1} must still come out of d = 2 steps
        SplitMix64 stream = new SplitMix64(54);
        double[] s = Lanczos.rademacher(stream, 2);
        for (int k = 0; k < 8; k++) {
            double[] v = Lanczos.rademacher(stream, 2);
            assertEquals(0.0, v[0] * s[1] - v[1] * s[0], 0.0, "draw " + k + " is parallel to the start vector");
        }
        Lanczos.Result r = Lanczos.extremes(Quadratic.of(D, D.identity(2)), D.zeros(2, 1), 2, 54);
        assertEquals(1, r.min(), 1e-15);
        assertEquals(1, r.max(), 1e-15);
        Lanczos.Result swap = Lanczos.extremes(Quadratic.of(D, D.fromDoubles(2, 2, 3, 1, 1, 3)), D.zeros(2, 1), 2, 54);
        assertEquals(2, swap.min(), 1e-14);
        assertEquals(4, swap.max(), 1e-14);
    }
}
