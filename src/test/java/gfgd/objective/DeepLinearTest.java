package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeepLinearTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    /** 60 digits (+10 guard): central differences with h = 1e-20 have rounding ~1e-50, far below 1e-25. */
    private static final ApfloatArithmetic FINE = ApfloatArithmetic.digits(60);
    /** 40 digits: the apfloat side of the double/apfloat cross-check. */
    private static final ApfloatArithmetic A40 = ApfloatArithmetic.digits(40);

    /** Central-difference step: truncation error O(h^2) ~ 1e-40 relative for these O(1) nets. */
    private static final String STEP = "1e-20";
    /** Agreement with central differences: 15 orders above their ~1e-40 error, 25 digits below double. */
    private static final double CENTRAL_DIFFERENCE_TOLERANCE = 1e-25;
    /** double vs apfloat: double rounding (1e-16) amplified by at most a few hundred operations. */
    private static final double ARITHMETIC_TOLERANCE = 1e-12;
    /** Exact identities (Hessian symmetry, Hv vs dense H v, balancedness) in apfloat at 40 digits: rounding only. */
    private static final double EXACT_IDENTITY_TOLERANCE = 1e-35;
    /** Symmetric eigensolver in double: backward error ~1e-15 ||H||, and ||H|| / |lambda_min| <= 10 here. */
    private static final double EIGENVALUE_TOLERANCE = 1e-13;
    /** The math brief quotes its constants to 6 significant digits (rounded): half a unit in the last place. */
    private static final double BRIEF_SIX_DIGITS = 5e-7;
    /** Exact identities evaluated in double by two summation orders over a handful of products. */
    private static final double DOUBLE_IDENTITY_TOLERANCE = 1e-14;

    /** Nets of depth 1 to 4, scalar and vector outputs: widths {d_0, ..., d_N}. */
    static Stream<int[]> nets() {
        return Stream.of(
                new int[] {3, 1}, new int[] {3, 2},
                new int[] {3, 4, 1}, new int[] {3, 2, 2},
                new int[] {3, 4, 2, 1}, new int[] {3, 2, 3, 2},
                new int[] {3, 4, 2, 3, 1}, new int[] {3, 2, 4, 3, 2});
    }

    /** A small data set with decimal text (4 decimals), so apfloat reads the decimals exactly. */
    static Dataset decimalData(int samples, int inputs, int outputs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] x = new String[samples * inputs];
        String[] y = new String[samples * outputs];
        for (int k = 0; k < x.length; k++) {
            x[k] = String.format(Locale.ROOT, "%.4f", r.nextGaussian());
        }
        for (int k = 0; k < y.length; k++) {
            y[k] = String.format(Locale.ROOT, "%.4f", r.nextGaussian());
        }
        return Dataset.ofText("decimal-" + seed, samples, inputs, outputs, x, y);
    }

    /** Seeded iid N(0, scale^2) doubles. */
    static double[] gaussian(int n, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * r.nextGaussian();
        }
        return v;
    }

    private static Dataset dataFor(int[] widths) {
        return decimalData(7, widths[0], widths[widths.length - 1], 11);
    }

    @ParameterizedTest
    @MethodSource("nets")
    void gradientMatchesCentralDifferences(int[] widths) {
        DeepLinear<Apfloat, ApMatrix> f = DeepLinear.of(FINE, dataFor(widths), widths);
        ApMatrix theta = FINE.vector(gaussian(f.dimension(), 0.7, 1));
        ObjectiveContract.assertGradientMatchesCentralDifferences(f, theta, STEP, CENTRAL_DIFFERENCE_TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("nets")
    void hessianVectorProductMatchesCentralDifferences(int[] widths) {
        DeepLinear<Apfloat, ApMatrix> f = DeepLinear.of(FINE, dataFor(widths), widths);
        ApMatrix theta = FINE.vector(gaussian(f.dimension(), 0.7, 2));
        ApMatrix v = FINE.vector(gaussian(f.dimension(), 1.0, 3));
        ObjectiveContract.assertHessianVectorProductMatchesCentralDifferences(f, theta, v, STEP,
                CENTRAL_DIFFERENCE_TOLERANCE);
        ObjectiveContract.assertHessianMatchesCentralDifferences(f, theta, STEP, CENTRAL_DIFFERENCE_TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("nets")
    void doubleAndApfloatAgree(int[] widths) {
        Dataset data = dataFor(widths);
        DeepLinear<Double, DMatrixRMaj> fd = DeepLinear.of(D, data, widths);
        DeepLinear<Apfloat, ApMatrix> fa = DeepLinear.of(A40, data, widths);
        ObjectiveContract.assertArithmeticsAgree(fd, fa, gaussian(fd.dimension(), 0.7, 4),
                gaussian(fd.dimension(), 1.0, 5), ARITHMETIC_TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("nets")
    void hessianIsSymmetricAndMatchesHessianVectorProduct(int[] widths) {
        DeepLinear<Apfloat, ApMatrix> f = DeepLinear.of(A40, dataFor(widths), widths);
        ApMatrix theta = A40.vector(gaussian(f.dimension(), 0.7, 6));
        ApMatrix v = A40.vector(gaussian(f.dimension(), 1.0, 7));
        ObjectiveContract.assertHessianSymmetricAndConsistent(f, theta, v, EXACT_IDENTITY_TOLERANCE);
    }

    /**
     * The gradient of a deep linear net satisfies {@code W_{j+1}' grad_{j+1} = grad_j W_j'} (both are
     * {@code A_j' G B_{j+1}'}), which is why the balancedness {@code W_{j+1}'W_{j+1} - W_j W_j'} is
     * conserved along gradient flow.
     */
    @ParameterizedTest
    @MethodSource("nets")
    void gradientConservesBalancednessAlongTheFlow(int[] widths) {
        DeepLinear<Apfloat, ApMatrix> f = DeepLinear.of(A40, dataFor(widths), widths);
        ApMatrix theta = A40.vector(gaussian(f.dimension(), 0.7, 15));
        ApMatrix g = f.gradient(theta);
        for (int j = 1; j < f.depth(); j++) {
            ApMatrix wj = f.layer(theta, j);
            ApMatrix wNext = f.layer(theta, j + 1);
            ApMatrix gj = A40.unpack(g, f.offset(j), widths[j], widths[j - 1]);
            ApMatrix gNext = A40.unpack(g, f.offset(j + 1), widths[j + 1], widths[j]);
            // d/dt (W_{j+1}'W_{j+1} - W_j W_j') along theta' = -g.
            ApMatrix drift = A40.minus(
                    A40.plus(A40.multTransA(gNext, wNext), A40.multTransA(wNext, gNext)),
                    A40.plus(A40.multTransB(gj, wj), A40.multTransB(wj, gj)));
            double scale = A40.toDouble(A40.norm(A40.multTransA(wNext, gNext)));
            double err = A40.toDouble(A40.norm(drift)) / scale;
            assertTrue(err <= EXACT_IDENTITY_TOLERANCE, "layer " + j + ": balancedness drift " + err);
        }
    }

    /** Math brief 3a: for f = (ab - 1)^2 / 2 the Hessian at (s, s) is [[s^2, 2s^2-1], [2s^2-1, s^2]]. */
    @Test
    void scalarDepthTwoHessianHasTheBriefsMinimumEigenvalue() {
        Dataset one = Dataset.of("x=1,y=1", 1, 1, 1, new double[] {1}, new double[] {1});
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, one, 1, 1, 1);
        double s = 10;
        DMatrixRMaj h = f.hessian(D.vector(s, s));
        assertArrayEquals(new double[] {s * s, 2 * s * s - 1, 2 * s * s - 1, s * s}, D.toDoubles(h), 0.0);
        assertEquals(1 - s * s, minEigenvalue(h), EIGENVALUE_TOLERANCE * s * s);
    }

    /**
     * Math brief 3a: on the brief's data with N = 3, widths [3, 3, 2, 1], W_1 = W_2 = 0 and W_3 = s(1, 1), the
     * gradient vanishes exactly and lambda_min(H) = -||W_3||_2 ||b|| = -sqrt(2) s ||b||, b = grad l(0).
     */
    @Test
    void twoZeroLayersGiveASaddleWithTheBriefsCurvature() {
        Dataset brief = Datasets.briefExample();
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, brief, 3, 3, 2, 1);
        double s = 3;
        DMatrixRMaj theta = D.zeros(f.dimension(), 1);
        theta.set(f.offset(3), 0, s);
        theta.set(f.offset(3) + 1, 0, s);
        assertArrayEquals(new double[f.dimension()], D.toDoubles(f.gradient(theta)), 0.0);
        double b = D.norm(DeepLinear.of(D, brief, 3, 1).gradient(D.zeros(3, 1)));
        double expected = -Math.sqrt(2) * s * b;
        assertEquals(expected, minEigenvalue(f.hessian(theta)), EIGENVALUE_TOLERANCE * Math.abs(expected));
        assertEquals(1.235014, b, BRIEF_SIX_DIGITS, "||b|| as quoted (6 digits) by the brief");
    }

    private static double minEigenvalue(DMatrixRMaj h) {
        org.ejml.interfaces.decomposition.EigenDecomposition_F64<DMatrixRMaj> eig =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(h.numRows, false, true);
        assertTrue(eig.decompose(h.copy()));
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < h.numRows; i++) {
            min = Math.min(min, eig.getEigenvalue(i).real);
        }
        return min;
    }

    @Test
    void depthOneHessianIsKroneckerOfIdentityAndSecondMoment() {
        int inputs = 3;
        int outputs = 2;
        int m = 7;
        Dataset data = decimalData(m, inputs, outputs, 12);
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, data, inputs, outputs);
        double[] x = data.x();
        double[] sxx = new double[inputs * inputs];
        for (int i = 0; i < inputs; i++) {
            for (int k = 0; k < inputs; k++) {
                double s = 0;
                for (int n = 0; n < m; n++) {
                    s += x[n * inputs + i] * x[n * inputs + k];
                }
                sxx[i * inputs + k] = s / m;
            }
        }
        int d = inputs * outputs;
        double[] expected = new double[d * d];
        for (int r = 0; r < outputs; r++) {
            for (int i = 0; i < inputs; i++) {
                for (int k = 0; k < inputs; k++) {
                    expected[(r * inputs + i) * d + r * inputs + k] = sxx[i * inputs + k];
                }
            }
        }
        double[] actual = D.toDoubles(f.hessian(D.vector(gaussian(d, 1.0, 8))));
        assertTrue(ObjectiveContract.relativeError(expected, actual) <= DOUBLE_IDENTITY_TOLERANCE,
                () -> "Hessian " + java.util.Arrays.toString(actual));
    }

    @Test
    void valueIsHalfMeanSquaredResidualOfTheEndToEndMap() {
        int[] widths = {3, 4, 2, 2};
        Dataset data = decimalData(6, 3, 2, 13);
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, data, widths);
        double[] theta = gaussian(f.dimension(), 0.7, 9);
        DMatrixRMaj t = D.vector(theta);
        // Layer j is d_j x d_{j-1}, row-major from offset(j).
        assertEquals(0, f.offset(1));
        assertEquals(12, f.offset(2));
        assertEquals(20, f.offset(3));
        assertEquals(24, f.dimension());
        assertEquals(24, DeepLinear.parameterCount(widths));
        DMatrixRMaj w2 = f.layer(t, 2);
        assertEquals(2, w2.numRows);
        assertEquals(4, w2.numCols);
        assertEquals(theta[12 + 4 + 3], w2.get(1, 3));
        DMatrixRMaj w = f.endToEnd(t);
        DMatrixRMaj manual = D.mult(f.layer(t, 3), D.mult(w2, f.layer(t, 1)));
        assertTrue(ObjectiveContract.relativeError(D.toDoubles(manual), D.toDoubles(w)) <= DOUBLE_IDENTITY_TOLERANCE);
        double[] x = data.x();
        double[] y = data.y();
        double sum = 0;
        for (int n = 0; n < 6; n++) {
            for (int r = 0; r < 2; r++) {
                double pred = 0;
                for (int k = 0; k < 3; k++) {
                    pred += w.get(r, k) * x[n * 3 + k];
                }
                sum += (pred - y[n * 2 + r]) * (pred - y[n * 2 + r]);
            }
        }
        double expected = sum / (2 * 6);
        assertEquals(expected, f.value(t), DOUBLE_IDENTITY_TOLERANCE * expected);
        assertArrayEquals(theta, D.toDoubles(f.parameters(f.layers(t))), 0.0);
        assertTrue(f.isPolynomial());
        assertEquals(3, f.depth());
        assertArrayEquals(widths, f.widths());
    }

    @Test
    void badInputNamesFieldAndValue() {
        Dataset data = decimalData(4, 3, 2, 14);
        assertMessage(() -> DeepLinear.of(null, data, 3, 2), "arithmetic", "null");
        assertMessage(() -> DeepLinear.of(D, null, 3, 2), "data", "null");
        assertMessage(() -> DeepLinear.of(D, data, 3), "widths", "[3]");
        assertMessage(() -> DeepLinear.of(D, data, 3, 0, 2), "widths[1]", "0");
        assertMessage(() -> DeepLinear.of(D, data, 4, 2), "widths[0]", "data.inputs() = 3", "got 4");
        assertMessage(() -> DeepLinear.of(D, data, 3, 5, 1), "widths[2]", "data.outputs() = 2", "got 1");
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, data, 3, 5, 2);
        assertMessage(() -> f.value(D.zeros(24, 1)), "theta", "25x1", "24x1");
        assertMessage(() -> f.gradient(D.zeros(25, 2)), "theta", "25x2");
        assertMessage(() -> f.hessianVectorProduct(D.zeros(25, 1), D.zeros(26, 1)), "v", "26x1");
        assertMessage(() -> f.layer(D.zeros(25, 1), 0), "j", "[1, 2]", "got 0");
        assertMessage(() -> f.offset(3), "j", "got 3");
        assertMessage(() -> f.parameters(List.of(D.zeros(5, 3))), "layers", "1");
        assertMessage(() -> f.parameters(List.of(D.zeros(5, 3), D.zeros(5, 2))), "W_2", "2x5", "5x2");
        assertMessage(() -> DeepLinear.parameterCount(2, -1), "widths[1]", "-1");
    }

    static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void aDeepLinearNetDescribesItsWidthsDataAndArithmetic() {
        Dataset data = Dataset.of("pair", 2, 2, 1, new double[] {1, 0, 0, 1}, new double[] {1, 2});
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, data, 2, 3, 1);
        assertEquals(data, f.data());
        assertEquals("DeepLinear[2, 3, 1] on pair (m=2, double)", f.toString());
    }

    @Test
    void anObjectiveIsNotPolynomialUnlessItSaysSo() {
        Objective<Double, DMatrixRMaj> plain = new Objective<>() {
            @Override
            public gfgd.numeric.Arithmetic<Double, DMatrixRMaj> arithmetic() {
                return D;
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public Double value(DMatrixRMaj theta) {
                return Math.exp(theta.get(0));
            }

            @Override
            public DMatrixRMaj gradient(DMatrixRMaj theta) {
                return D.vector(Math.exp(theta.get(0)));
            }

            @Override
            public DMatrixRMaj hessianVectorProduct(DMatrixRMaj theta, DMatrixRMaj v) {
                return D.vector(Math.exp(theta.get(0)) * v.get(0));
            }
        };
        assertTrue(!plain.isPolynomial(), "exp is not a polynomial, and the default claims nothing");
        assertTrue(DeepLinear.of(D, Dataset.of("one", 1, 1, 1, new double[] {1}, new double[] {1}), 1, 1).isPolynomial());
    }
}
