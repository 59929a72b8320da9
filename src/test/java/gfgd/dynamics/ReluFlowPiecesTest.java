package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.FullyConnected;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The pieces of {@link ReluFlow} away from the pattern of the state: a frozen-pattern network written
 * out here from its definition ({@code H_0 = X}, {@code Z_l = H_{l-1} W_l + 1 b_l'}, {@code H_l = D_l .* Z_l},
 * {@code F = Z_L}, loss {@code |F - Y|^2 / (2N)}), its gradient by central differences at high precision,
 * and the switching functions' rates by central differences (exact here: on a fixed piece the
 * pre-activations of a depth-3 net are polynomials of degree at most 2 in the parameters).
 */
class ReluFlowPiecesTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(30);

    /** 3 inputs, hidden layers of 4 and 2, one output. */
    private static final int[] WIDTHS = {3, 4, 2, 1};

    /** 5 samples x (4 + 2) hidden units. */
    private static final int SWITCHES = 30;

    /** Central differences at step 1e-10 in 40 working digits: O(1e-20) truncation, O(1e-30) rounding. */
    private static final double GRADIENT_AGREEMENT = 1e-15;

    /** The frozen net written out here and the flow's forward pass differ by summation order only. */
    private static final double SAME_FORWARD = 1e-13;

    /** Central differences of a quadratic at step 1e-3 in double: exact up to 1e-16 / 1e-3 rounding. */
    private static final double RATE_AGREEMENT = 1e-10;

    private static final long SEED = 11L;

    private static <S, M> FullyConnected<S, M> net(Arithmetic<S, M> a, double alpha, boolean biases) {
        FullyConnected.Activation act = alpha == 0 ? FullyConnected.Activation.relu()
                : FullyConnected.Activation.leakyRelu(alpha);
        return FullyConnected.of(a, FlowFixtures.DATA, WIDTHS).withActivation(act).withBiases(biases);
    }

    /** The frozen network: hidden pre-activations (in the flow's order) and the output. */
    private static <S, M> List<M> frozenForward(FullyConnected<S, M> f, M theta, boolean[] pattern) {
        Arithmetic<S, M> a = f.arithmetic();
        S alpha = a.exact(f.activation().alpha());
        List<M> out = new ArrayList<>();
        M h = FlowFixtures.DATA.inputRows(a);
        int k = 0;
        for (int l = 1; l <= 3; l++) {
            M z = a.mult(h, f.weight(theta, l));
            if (f.hasBiases()) {
                M b = f.bias(theta, l);
                for (int i = 0; i < a.rows(z); i++) {
                    for (int u = 0; u < a.cols(z); u++) {
                        a.set(z, i, u, a.add(a.get(z, i, u), a.get(b, u, 0)));
                    }
                }
            }
            out.add(z);
            if (l < 3) {
                h = a.zeros(a.rows(z), a.cols(z));
                for (int i = 0; i < a.rows(z); i++) {
                    for (int u = 0; u < a.cols(z); u++) {
                        a.set(h, i, u, pattern[k++] ? a.get(z, i, u) : a.mul(alpha, a.get(z, i, u)));
                    }
                }
            }
        }
        return out;
    }

    private static <S, M> S frozenLoss(FullyConnected<S, M> f, M theta, boolean[] pattern) {
        Arithmetic<S, M> a = f.arithmetic();
        M r = a.minus(frozenForward(f, theta, pattern).get(2), FlowFixtures.DATA.targetRows(a));
        return a.div(a.dot(r, r), a.of(2L * FlowFixtures.DATA.samples()));
    }

    private static <S, M> double[] hiddenPreActivations(FullyConnected<S, M> f, M theta, boolean[] pattern) {
        List<M> z = frozenForward(f, theta, pattern);
        double[] s = new double[SWITCHES];
        int k = 0;
        for (int l = 0; l < 2; l++) {
            for (double v : f.arithmetic().toDoubles(z.get(l))) {
                s[k++] = v;
            }
        }
        return s;
    }

    /** The pattern of {@code theta} with every third entry flipped: a piece the state does not lie on. */
    private static boolean[] otherPiece(boolean[] own) {
        boolean[] p = own.clone();
        for (int j = 0; j < p.length; j += 3) {
            p[j] = !p[j];
        }
        return p;
    }

    @Test
    void theFieldOfAnyPieceIsMinusTheGradientOfThatPiecesFrozenLoss() {
        for (double alpha : new double[] {0, 0.125}) {
            for (boolean biases : new boolean[] {false, true}) {
                FullyConnected<Apfloat, ApMatrix> f = net(AP, alpha, biases);
                ReluFlow<Apfloat, ApMatrix> flow = ReluFlow.of(f);
                ApMatrix theta = AP.vector(TestObjectives.gaussian(SEED, f.dimension(), 0.8));
                boolean[] own = flow.pattern(theta);
                // the frozen loss on the state's own piece is the net's loss: the two definitions agree
                assertEquals(0, Math.abs(AP.toDouble(AP.sub(f.value(theta), frozenLoss(f, theta, own)))), 1e-35);
                boolean[] piece = otherPiece(own);
                double[] field = AP.toDoubles(flow.derivative(theta, piece));
                Apfloat s = AP.parse("1e-10");
                for (int k = 0; k < f.dimension(); k++) {
                    ApMatrix plus = AP.copy(theta);
                    AP.set(plus, k, 0, AP.add(AP.get(theta, k, 0), s));
                    ApMatrix minus = AP.copy(theta);
                    AP.set(minus, k, 0, AP.sub(AP.get(theta, k, 0), s));
                    double slope = AP.toDouble(AP.div(AP.sub(frozenLoss(f, plus, piece), frozenLoss(f, minus, piece)),
                            AP.mul(AP.of(2), s)));
                    assertEquals(-slope, field[k], GRADIENT_AGREEMENT, "alpha " + alpha + " biases " + biases + " k " + k);
                }
            }
        }
    }

    @Test
    void switchingFunctionsOfAPieceAreItsHiddenPreActivationsAndThePatternTheirSigns() {
        for (boolean biases : new boolean[] {false, true}) {
            FullyConnected<Double, DMatrixRMaj> f = net(D, 0.125, biases);
            ReluFlow<Double, DMatrixRMaj> flow = ReluFlow.of(f);
            assertEquals(SWITCHES, flow.switchingCount());
            DMatrixRMaj theta = D.vector(TestObjectives.gaussian(SEED, f.dimension(), 0.8));
            boolean[] own = flow.pattern(theta);
            // the pattern of theta is the signs of the net's own hidden pre-activations
            List<DMatrixRMaj> z = f.preActivations(theta);
            int k = 0;
            int positive = 0;
            for (int l = 0; l < 2; l++) {
                for (double v : D.toDoubles(z.get(l))) {
                    assertEquals(v > 0, own[k++], "switch " + (k - 1));
                    positive += v > 0 ? 1 : 0;
                }
            }
            assertTrue(positive > 0 && positive < SWITCHES, "the fixture must have units on both sides");
            assertArrayEquals(hiddenPreActivations(f, theta, own), flow.switching(theta, null), SAME_FORWARD);
            boolean[] piece = otherPiece(own);
            assertArrayEquals(hiddenPreActivations(f, theta, piece), flow.switching(theta, piece), SAME_FORWARD);
        }
    }

    @Test
    void switchingRatesAreTheDirectionalDerivativesOfTheSwitchingFunctions() {
        for (double alpha : new double[] {0, 0.125}) {
            for (boolean biases : new boolean[] {false, true}) {
                FullyConnected<Double, DMatrixRMaj> f = net(D, alpha, biases);
                ReluFlow<Double, DMatrixRMaj> flow = ReluFlow.of(f);
                DMatrixRMaj theta = D.vector(TestObjectives.gaussian(SEED, f.dimension(), 0.8));
                DMatrixRMaj v = D.vector(TestObjectives.gaussian(SEED + 1, f.dimension(), 1));
                boolean[] piece = otherPiece(flow.pattern(theta));
                double s = 1e-3;
                double[] up = flow.switching(D.addScaled(theta, s, v), piece);
                double[] down = flow.switching(D.addScaled(theta, -s, v), piece);
                double[] rates = flow.switchingRates(theta, piece, v);
                for (int j = 0; j < SWITCHES; j++) {
                    assertEquals((up[j] - down[j]) / (2 * s), rates[j], RATE_AGREEMENT,
                            "alpha " + alpha + " biases " + biases + " switch " + j);
                }
            }
        }
    }

    @Test
    void piecesMustBeGivenAndOfTheRightLength() {
        FullyConnected<Double, DMatrixRMaj> f = net(D, 0, true);
        ReluFlow<Double, DMatrixRMaj> flow = ReluFlow.of(f);
        assertSame(f, flow.net());
        assertSame(D, flow.arithmetic());
        assertEquals(f.dimension(), flow.dimension());
        assertEquals("ReluFlow(" + f + ")", flow.toString());
        DMatrixRMaj theta = D.vector(TestObjectives.gaussian(SEED, f.dimension(), 0.8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> flow.derivative(theta, null));
        assertEquals("pattern must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flow.switchingRates(theta, null, theta));
        assertEquals("pattern must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flow.switching(theta, new boolean[3]));
        assertEquals("pattern has length 3, expected 30", e.getMessage());
    }
}
