package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.FullyConnected.Activation;
import gfgd.objective.FullyConnected.Loss;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FullyConnectedTest {

    /** Working precision of the reference: 60 digits resolve the 1e-25 agreement with room to spare. */
    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(60);
    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** Central-difference step: truncation error ~ h^2 = 1e-40, cancellation ~ 1e-70 / h = 1e-50. */
    private static final String FD_STEP = "1e-20";
    /** Agreement of exact derivatives with central differences at 60 digits (the brief's bar). */
    private static final double FD_TOLERANCE = 1e-25;
    /** Pre-activations this far from 0 keep theta +- h*e_k (h = 1e-20) on one side of every kink. */
    private static final double KINK_MARGIN = 1e-3;
    /** double against apfloat: a few hundred roundings of 1.1e-16 on O(1) quantities. */
    private static final double DOUBLE_TOLERANCE = 1e-12;
    /** Symmetry and linearity checks in double: rounding only. */
    private static final double ROUNDING_TOLERANCE = 1e-13;
    /**
     * The same products in two orders at 70 working digits ((0.25 delta) X' against 0.25 (delta X')): each
     * result is rounded to the working digits, so 0.25 x is not exact and the two differ by a few 1e-70.
     */
    private static final double REORDERED_TOLERANCE = 1e-60;

    private static final int SAMPLES = 5;
    private static final int[] WIDTHS = {3, 4, 3, 2};

    /** The networks checked: every activation, both losses, with and without biases. */
    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(Activation.relu(), Loss.SQUARE, true),
                Arguments.of(Activation.relu(), Loss.SQUARE, false),
                Arguments.of(Activation.leakyRelu(0.25), Loss.SQUARE, true),
                Arguments.of(Activation.linear(), Loss.SQUARE, false),
                Arguments.of(Activation.relu(), Loss.SOFTMAX_CROSS_ENTROPY, true),
                Arguments.of(Activation.leakyRelu(0.125), Loss.SOFTMAX_CROSS_ENTROPY, false));
    }

    /** Random data (seeded): inputs in [-1, 1]; targets one-hot for cross-entropy, else in [-1, 1]. */
    private static Dataset data(Loss loss) {
        Random r = new Random(20211206L);
        double[] x = new double[SAMPLES * WIDTHS[0]];
        for (int k = 0; k < x.length; k++) {
            x[k] = 2 * r.nextDouble() - 1;
        }
        int out = WIDTHS[WIDTHS.length - 1];
        double[] y = new double[SAMPLES * out];
        for (int i = 0; i < SAMPLES; i++) {
            if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
                y[i * out + r.nextInt(out)] = 1;
            } else {
                for (int j = 0; j < out; j++) {
                    y[i * out + j] = 2 * r.nextDouble() - 1;
                }
            }
        }
        return Dataset.of("random", SAMPLES, WIDTHS[0], out, x, y);
    }

    private static <S, M> FullyConnected<S, M> net(Arithmetic<S, M> a, Activation act, Loss loss, boolean biases) {
        return FullyConnected.of(a, data(loss), WIDTHS).withActivation(act).withLoss(loss).withBiases(biases);
    }

    /** A seeded point with entries in [-1, 1]. */
    private static double[] point(int dimension, long seed) {
        Random r = new Random(seed);
        double[] t = new double[dimension];
        for (int k = 0; k < t.length; k++) {
            t[k] = 2 * r.nextDouble() - 1;
        }
        return t;
    }

    private static <S, M> double relativeError(Arithmetic<S, M> a, M actual, M expected) {
        return a.toDouble(a.norm(a.minus(actual, expected))) / a.toDouble(a.norm(expected));
    }

    /** The point of the first seed from {@code seed} on whose hidden pre-activations are all KINK_MARGIN away from 0. */
    private static ApMatrix pointAwayFromKinks(FullyConnected<Apfloat, ApMatrix> f, long seed) {
        for (long s = seed; ; s++) {
            ApMatrix theta = AP.vector(point(f.dimension(), s));
            if (minAbsHiddenPreactivation(f, theta) > KINK_MARGIN) {
                return theta;
            }
        }
    }

    private static <S, M> double minAbsHiddenPreactivation(FullyConnected<S, M> f, M theta) {
        Arithmetic<S, M> a = f.arithmetic();
        List<M> z = f.preActivations(theta);
        double min = Double.POSITIVE_INFINITY;
        for (M zl : z.subList(0, z.size() - 1)) {
            for (double d : a.toDoubles(zl)) {
                min = Math.min(min, Math.abs(d));
            }
        }
        return min;
    }

    @ParameterizedTest
    @MethodSource("networks")
    void gradientMatchesCentralDifferences(Activation act, Loss loss, boolean biases) {
        FullyConnected<Apfloat, ApMatrix> f = net(AP, act, loss, biases);
        ObjectiveContract.assertGradientMatchesCentralDifferences(f, pointAwayFromKinks(f, 7), FD_STEP, FD_TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void hessianVectorProductMatchesCentralDifferencesOfTheGradient(Activation act, Loss loss, boolean biases) {
        FullyConnected<Apfloat, ApMatrix> f = net(AP, act, loss, biases);
        ObjectiveContract.assertHessianVectorProductMatchesCentralDifferences(f, pointAwayFromKinks(f, 11),
                AP.vector(point(f.dimension(), 13)), FD_STEP, FD_TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void doubleAgreesWithApfloat(Activation act, Loss loss, boolean biases) {
        FullyConnected<Apfloat, ApMatrix> fa = net(AP, act, loss, biases);
        FullyConnected<Double, DMatrixRMaj> fd = net(D, act, loss, biases);
        ObjectiveContract.assertArithmeticsAgree(fd, fa, point(fd.dimension(), 17), point(fd.dimension(), 19),
                DOUBLE_TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void hessianIsSymmetricAndEqualsTheProductWithV(Activation act, Loss loss, boolean biases) {
        // the columns H e_j are not symmetrised: an exact second derivative is symmetric by itself
        FullyConnected<Double, DMatrixRMaj> f = net(D, act, loss, biases);
        ObjectiveContract.assertHessianSymmetricAndConsistent(f, D.vector(point(f.dimension(), 23)),
                D.vector(point(f.dimension(), 29)), ROUNDING_TOLERANCE);
    }

    @Test
    void singleLinearLayerHessianIsGramMatrixKroneckerIdentity() {
        // f(W, b) = (1/(2N)) ||[X 1][W; b'] - Y||^2 has Hessian (1/N) Xa'Xa (x) I in the row-major layout
        Dataset data = data(Loss.SQUARE);
        FullyConnected<Apfloat, ApMatrix> f = FullyConnected.of(AP, data, 3, 2)
                .withActivation(Activation.linear()).withBiases(true);
        ApMatrix theta = AP.vector(point(f.dimension(), 31));
        double[] x = data.x();
        int n = data.samples();
        double[] xa = new double[n * 4];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * 3, xa, i * 4, 3);
            xa[i * 4 + 3] = 1;
        }
        ApMatrix xaM = AP.fromDoubles(n, 4, xa);
        ApMatrix gram = AP.scale(AP.ratio(1, n), AP.multTransA(xaM, xaM));
        ApMatrix expected = AP.zeros(8, 8);
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 4; k++) {
                for (int j = 0; j < 2; j++) {
                    AP.set(expected, i * 2 + j, k * 2 + j, AP.get(gram, i, k));
                }
            }
        }
        assertTrue(relativeError(AP, f.hessian(theta), expected) < FD_TOLERANCE);
    }

    @Test
    void reluSlopeAtZeroIsZeroAndLeakySlopeIsAlpha() {
        // W1 = 0 puts every hidden pre-activation at the kink; the backward pass then carries sigma'(0)
        FullyConnected<Apfloat, ApMatrix> linear = FullyConnected.of(AP, data(Loss.SQUARE), 3, 4, 2)
                .withActivation(Activation.linear());
        double[] t = point(linear.dimension(), 37);
        for (int k = 0; k < 12; k++) {
            t[k] = 0;
        }
        ApMatrix theta = AP.vector(t);
        ApMatrix gLinear = linear.gradient(theta);
        ApMatrix gRelu = linear.withActivation(Activation.relu()).gradient(theta);
        ApMatrix gLeaky = linear.withActivation(Activation.leakyRelu(0.25)).gradient(theta);
        ApMatrix w1Linear = AP.unpack(gLinear, 0, 3, 4);
        assertTrue(AP.toDouble(AP.norm(w1Linear)) > 0.01, "the linear net's W1 gradient is not zero");
        assertEquals(0, AP.signum(AP.norm(gRelu)));
        assertTrue(relativeError(AP, AP.unpack(gLeaky, 0, 3, 4), AP.scale(AP.exact(0.25), w1Linear))
                < REORDERED_TOLERANCE);
    }

    @Test
    void softmaxCrossEntropyAtZeroOutputIsLogOfClassCount() {
        // with every weight 0, F = 0, softmax is uniform and L = log(c) for one-hot targets
        FullyConnected<Apfloat, ApMatrix> f = net(AP, Activation.relu(), Loss.SOFTMAX_CROSS_ENTROPY, false);
        Apfloat value = f.value(AP.zeros(f.dimension(), 1));
        assertTrue(AP.toDouble(AP.abs(AP.sub(value, AP.log(AP.of(2))))) < FD_TOLERANCE);
    }

    @Test
    void layoutInterleavesWeightsAndBiases() {
        FullyConnected<Double, DMatrixRMaj> f = net(D, Activation.relu(), Loss.SQUARE, true);
        assertEquals(12 + 4 + 12 + 3 + 6 + 2, f.dimension());
        assertEquals(0, f.offsetOfWeight(1));
        assertEquals(12, f.offsetOfBias(1));
        assertEquals(16, f.offsetOfWeight(2));
        assertEquals(12 + 4 + 12 + 3 + 6, f.offsetOfBias(3));
        DMatrixRMaj theta = D.vector(point(f.dimension(), 41));
        DMatrixRMaj rebuilt = f.parameters(
                List.of(f.weight(theta, 1), f.weight(theta, 2), f.weight(theta, 3)),
                List.of(f.bias(theta, 1), f.bias(theta, 2), f.bias(theta, 3)));
        assertEquals(0.0, relativeError(D, rebuilt, theta));
        assertEquals(theta.get(16 + 1 * 3 + 1, 0), f.weight(theta, 2).get(1, 1));
        assertEquals(12 + 12 + 6, net(D, Activation.relu(), Loss.SQUARE, false).dimension());
    }

    @Test
    void onlyLinearSquareLossNetworksArePolynomial() {
        assertTrue(net(D, Activation.linear(), Loss.SQUARE, true).isPolynomial());
        assertFalse(net(D, Activation.relu(), Loss.SQUARE, false).isPolynomial());
        assertFalse(net(D, Activation.leakyRelu(0.5), Loss.SQUARE, false).isPolynomial());
        assertFalse(net(D, Activation.linear(), Loss.SOFTMAX_CROSS_ENTROPY, false).isPolynomial());
    }

    @Test
    void badInputIsRejectedWithItsValue() {
        Dataset data = data(Loss.SQUARE);
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(D, data, WIDTHS);
        assertMessage(() -> FullyConnected.of(D, data, 3), "widths", "[3]");
        assertMessage(() -> FullyConnected.of(D, data, 3, 0, 2), "widths[1]", "0");
        assertMessage(() -> FullyConnected.of(D, data, 4, 2), "widths[0]", "4");
        assertMessage(() -> FullyConnected.of(D, data, 3, 5, 3), "widths[2]", "3");
        assertMessage(() -> Activation.leakyRelu(Double.NaN), "alpha", "NaN");
        assertMessage(() -> Activation.leakyRelu(Double.POSITIVE_INFINITY), "alpha", "Infinity");
        assertMessage(() -> f.value(D.zeros(5, 1)), "theta", "5x1");
        assertMessage(() -> f.gradient(D.zeros(f.dimension(), 2)), "theta", f.dimension() + "x2");
        assertMessage(() -> f.hessianVectorProduct(D.zeros(f.dimension(), 1), D.zeros(3, 1)), "v", "3x1");
        assertMessage(() -> f.weight(D.zeros(f.dimension(), 1), 4), "layer", "4");
        assertMessage(() -> f.offsetOfBias(1), "biases", "none");
    }

    private static void assertMessage(Executable e, String field, String value) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(field) && ex.getMessage().contains(value), ex.getMessage());
    }
}
