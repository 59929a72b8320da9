package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.FullyConnected;
import gfgd.taylor.TracingArithmetic;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ReluFlowTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** The frozen-pattern gradient and the net's backpropagation differ only by summation order. */
    private static final double SAME_GRADIENT = 1e-14;

    /** A located crossing lies on the kink: |z| at the located time, for pre-activations of order 1. */
    private static final double ON_THE_KINK = 1e-10;

    /** Taylor (apfloat, 20 digits) against DOP853 at 1e-12 on a linear fully connected net over t = 1. */
    private static final double LINEAR_NET_AGREEMENT = 1e-11;

    /** Widths of the ReLU fixture: 3 inputs (the brief's data), two hidden layers of 4, one output. */
    private static final int[] WIDTHS = {3, 4, 4, 1};

    /** 12 + 16 + 4 weights. */
    private static final int WEIGHTS = 32;

    /** Initial scale and seed of the gradient-consistency check. */
    private static final double SCALE = 0.8;

    private static final long SEED = 7L;

    /** A ReLU start whose flow changes pattern 10 times up to t = 5 without sliding along a kink. */
    private static final long RELU_SEED = 9L;
    private static final double RELU_SCALE = 0.5;

    /** A leaky-ReLU start whose flow changes pattern 11 times up to t = 5 without sliding. */
    private static final long LEAKY_SEED = 9L;
    private static final double LEAKY_SCALE = 0.8;

    /** A ReLU start whose flow slides along one kink from t ~ 0.166 on. */
    private static final long SLIDING_SEED = 1L;
    private static final double SLIDING_SCALE = 0.5;

    /** A ReLU start whose flow slides along two kinks at once at t ~ 1.84. */
    private static final long TWO_KINKS_SEED = 2L;

    /** A dense-output sample and a separate solve to the same time differ by the solver's accuracy. */
    private static final double GRID_VS_SOLVE = 1e-10;

    /** The tighter companion tolerance of the agreement check. */
    private static final double TIGHT = 1e-14;

    private static <S, M> FullyConnected<S, M> net(gfgd.numeric.Arithmetic<S, M> a, FullyConnected.Activation act,
                                                   boolean biases) {
        return FullyConnected.of(a, FlowFixtures.DATA, WIDTHS).withActivation(act).withBiases(biases);
    }

    @Test
    void frozenPatternFieldOnItsOwnPatternIsMinusTheGradient() {
        for (FullyConnected.Activation act : List.of(FullyConnected.Activation.relu(),
                FullyConnected.Activation.leakyRelu(0.125))) {
            for (boolean biases : List.of(false, true)) {
                FullyConnected<Double, DMatrixRMaj> f = net(D, act, biases);
                DMatrixRMaj theta = D.vector(TestObjectives.gaussian(SEED, f.dimension(), SCALE));
                ReluFlow<Double, DMatrixRMaj> flow = ReluFlow.of(f);
                double[] field = D.toDoubles(flow.derivative(theta));
                double[] grad = D.toDoubles(f.gradient(theta));
                for (int k = 0; k < grad.length; k++) {
                    assertEquals(-grad[k], field[k], SAME_GRADIENT, act.name() + " biases=" + biases + " k=" + k);
                }
                assertEquals(FlowFixtures.DATA.samples() * 8, flow.switchingCount());
            }
        }
    }

    @Test
    void activationPatternChangesAreLocatedAndCounted() {
        record Case(FullyConnected.Activation act, long seed, double scale) {
        }
        for (Case c : List.of(new Case(FullyConnected.Activation.relu(), RELU_SEED, RELU_SCALE),
                new Case(FullyConnected.Activation.leakyRelu(0.125), LEAKY_SEED, LEAKY_SCALE))) {
            String name = c.act().name();
            ReluFlow<Double, DMatrixRMaj> flow = ReluFlow.of(net(D, c.act(), false));
            DMatrixRMaj theta0 = D.vector(TestObjectives.gaussian(c.seed(), WEIGHTS, c.scale()));
            List<double[]> located = new ArrayList<>();
            FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults()
                    .withCrossingListener((t, j, state, value) -> located.add(new double[] {t, j, value}))
                    .solve(flow, theta0, 5);
            assertTrue(r.crossings() > 0, name + ": the fixture must change pattern");
            assertEquals(r.crossings(), located.size());
            for (double[] e : located) {
                assertTrue(Math.abs(e[2]) <= ON_THE_KINK, name + ": crossing of " + e[1] + " at t=" + e[0]
                        + " has |z| = " + e[2]);
            }
            boolean[] p0 = flow.pattern(theta0);
            boolean[] p1 = flow.pattern(r.theta());
            int changed = 0;
            for (int j = 0; j < p0.length; j++) {
                changed += p0[j] != p1[j] ? 1 : 0;
            }
            assertTrue(r.crossings() >= changed, "crossings " + r.crossings() + " < pattern changes " + changed);
            FlowResult<DMatrixRMaj> tight = DormandPrinceFlow.defaults().withTolerances(TIGHT, TIGHT).solve(flow, theta0, 5);
            // Not equal counts: when the last active unit of a sample dies, every downstream pre-activation
            // of that sample reaches 0 at the same instant, and how many of those simultaneous zeros are
            // located as sign changes depends on the tolerance (they do not change the field).
            assertTrue(tight.crossings() >= changed, "tight crossings " + tight.crossings() + " < " + changed);
            double diff = DormandPrinceFlow.maxDiff(D.toDoubles(r.theta()), D.toDoubles(tight.theta()));
            assertTrue(diff <= r.errorEstimate(), name + ": differs from the tighter run by " + diff
                    + " > estimate " + r.errorEstimate());
        }
    }

    @Test
    void slidingAlongAKinkIsFollowedAndSlidingOnTwoKinksIsAClearError() {
        ReluFlow<Double, DMatrixRMaj> flow = ReluFlow.of(net(D, FullyConnected.Activation.relu(), false));
        DMatrixRMaj theta0 = D.vector(TestObjectives.gaussian(SLIDING_SEED, WEIGHTS, SLIDING_SCALE));
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().solve(flow, theta0, 5);
        FlowResult<DMatrixRMaj> tight = DormandPrinceFlow.defaults().withTolerances(TIGHT, TIGHT).solve(flow, theta0, 5);
        double diff = DormandPrinceFlow.maxDiff(D.toDoubles(r.theta()), D.toDoubles(tight.theta()));
        assertTrue(diff <= r.errorEstimate(), "differs from the tighter run by " + diff + " > estimate " + r.errorEstimate());
        assertTrue(r.crossings() > 0);
        DMatrixRMaj twoKinks = D.vector(TestObjectives.gaussian(TWO_KINKS_SEED, WEIGHTS, SLIDING_SCALE));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DormandPrinceFlow.defaults().solve(flow, twoKinks, 5));
        assertTrue(e.getMessage().contains("sliding mode on two kinks at t = 1.83"), e.getMessage());
    }

    @Test
    void gridSamplesOfAPiecewiseFlowEndAtTheSolvedState() {
        ReluFlow<Double, DMatrixRMaj> flow = ReluFlow.of(net(D, FullyConnected.Activation.relu(), false));
        DMatrixRMaj theta0 = D.vector(TestObjectives.gaussian(SLIDING_SEED, WEIGHTS, SLIDING_SCALE));
        List<Long> ks = new ArrayList<>();
        List<DMatrixRMaj> states = new ArrayList<>();
        GridHandler<DMatrixRMaj> keep = new GridHandler<>() {
            @Override
            public void handleStep(long k, DMatrixRMaj theta) {
                ks.add(k);
                states.add(theta);
            }
        };
        DormandPrinceFlow dop = DormandPrinceFlow.defaults().withoutErrorEstimate();
        FlowResult<DMatrixRMaj> sampled = dop.sample(flow, theta0, 0.5, 10, keep);
        assertEquals(11, ks.size());
        assertEquals(10L, ks.get(10));
        FlowResult<DMatrixRMaj> mid = dop.solve(flow, theta0, 2.5);
        assertEquals(0.0, DormandPrinceFlow.maxDiff(D.toDoubles(states.get(10)), D.toDoubles(sampled.theta())));
        double diff = DormandPrinceFlow.maxDiff(D.toDoubles(states.get(5)), D.toDoubles(mid.theta()));
        assertTrue(diff <= GRID_VS_SOLVE, "sample at t = 2.5 differs from a solve to 2.5 by " + diff);
    }

    @Test
    void taylorIntegratesTheLinearNetAndRejectsTheReluNet() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(20);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(a);
        double[] init = TestObjectives.gaussian(SEED, WEIGHTS, SCALE);
        FlowResult<ApMatrix> taylor = TaylorFlow.gradientFlow(tr, net(tr, FullyConnected.Activation.linear(), false))
                .solve(a.vector(init), a.of(1));
        FlowResult<DMatrixRMaj> dop = DormandPrinceFlow.defaults().solve(
                GradientFlow.of(net(D, FullyConnected.Activation.linear(), false)), D.vector(init), 1);
        double diff = DormandPrinceFlow.maxDiff(a.toDoubles(taylor.theta()), D.toDoubles(dop.theta()));
        assertTrue(diff <= LINEAR_NET_AGREEMENT, "differ by " + diff);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaylorFlow.gradientFlow(tr, net(tr, FullyConnected.Activation.relu(), false)));
        assertTrue(e.getMessage().contains("not a polynomial vector field: objective FullyConnected"), e.getMessage());
    }

    @Test
    void crossEntropyLossIsRejected() {
        FullyConnected<Double, DMatrixRMaj> f = net(D, FullyConnected.Activation.relu(), false)
                .withLoss(FullyConnected.Loss.SOFTMAX_CROSS_ENTROPY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReluFlow.of(f));
        assertTrue(e.getMessage().contains("square loss, got SOFTMAX_CROSS_ENTROPY"), e.getMessage());
    }
}
