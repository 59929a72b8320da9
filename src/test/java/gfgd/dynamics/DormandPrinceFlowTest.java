package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.DeepLinear;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DormandPrinceFlowTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic REF = ApfloatArithmetic.digits(40);

    /** DOP853 at rtol = atol = 1e-12 over t = 10 on a well-conditioned quadratic: 100x the tolerance. */
    private static final double QUADRATIC_RELATIVE = 1e-10;

    /** Conserved quantities of deep linear nets in double (the bound). */
    private static final double CONSERVED_DOUBLE = 1e-10;

    /** Energy identity in double at tolerance 1e-12 over t = 5. */
    private static final double ENERGY_DOUBLE = 1e-10;

    /** A loose tolerance, so that truncation dominates roundoff and the estimate can be tested for honesty. */
    private static final double LOOSE = 1e-7;

    private static double[] exactQuadratic(String[] A, double t) {
        FlowResult<ApMatrix> r = QuadraticFlow.of(REF, REF.fromStrings(3, 3, A), REF.fromStrings(3, 1, FlowFixtures.LINEAR))
                .solve(REF.fromStrings(3, 1, FlowFixtures.START), REF.exact(t));
        return REF.toDoubles(r.theta());
    }

    private static VectorField<Double, DMatrixRMaj> quadraticField(String[] A) {
        return GradientFlow.of(FlowFixtures.quadratic(D, A));
    }

    private static double norm(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void matchesClosedFormOnDefiniteAndIndefiniteQuadratics() {
        for (String[] A : List.of(FlowFixtures.DEFINITE, FlowFixtures.INDEFINITE)) {
            FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().solve(quadraticField(A),
                    D.fromStrings(3, 1, FlowFixtures.START), 10);
            double[] exact = exactQuadratic(A, 10);
            double err = DormandPrinceFlow.maxDiff(D.toDoubles(r.theta()), exact);
            assertTrue(err <= QUADRATIC_RELATIVE * norm(exact), "error " + err);
            assertTrue(r.steps() > 0);
        }
    }

    @Test
    void errorEstimateBoundsTheTrueErrorAtALooseTolerance() {
        DormandPrinceFlow loose = DormandPrinceFlow.defaults().withTolerances(LOOSE, LOOSE);
        for (String[] A : List.of(FlowFixtures.DEFINITE, FlowFixtures.INDEFINITE)) {
            FlowResult<DMatrixRMaj> r = loose.solve(quadraticField(A), D.fromStrings(3, 1, FlowFixtures.START), 10);
            double err = DormandPrinceFlow.maxDiff(D.toDoubles(r.theta()), exactQuadratic(A, 10));
            assertTrue(err <= r.errorEstimate(), "true error " + err + " above estimate " + r.errorEstimate());
        }
    }

    @Test
    void gridSamplerCallsBackAtEveryGridTimeWithTheFlowThere() {
        double eta = 0.1;
        int n = 37;
        List<Long> ks = new ArrayList<>();
        double[] worst = {0};
        long[] finished = {-1};
        double[] initEta = {0};
        GridHandler<DMatrixRMaj> check = new GridHandler<>() {
            @Override
            public void init(DMatrixRMaj theta0, double h) {
                initEta[0] = h;
            }

            @Override
            public void handleStep(long k, DMatrixRMaj theta) {
                ks.add(k);
                double[] exact = exactQuadratic(FlowFixtures.INDEFINITE, k * eta);
                worst[0] = Math.max(worst[0], DormandPrinceFlow.maxDiff(D.toDoubles(theta), exact) / Math.max(1, norm(exact)));
            }

            @Override
            public void finish(long k, DMatrixRMaj theta) {
                finished[0] = k;
            }
        };
        DormandPrinceFlow.defaults().withoutErrorEstimate().sample(quadraticField(FlowFixtures.INDEFINITE),
                D.fromStrings(3, 1, FlowFixtures.START), eta, n, check);
        assertEquals(eta, initEta[0]);
        assertEquals(n + 1, ks.size());
        for (int k = 0; k <= n; k++) {
            assertEquals(k, ks.get(k));
        }
        assertEquals(n, finished[0]);
        assertTrue(worst[0] <= QUADRATIC_RELATIVE, "worst relative grid error " + worst[0]);
    }

    @Test
    void balancednessOfDeepLinearNetIsConservedInDouble() {
        DeepLinear<Double, DMatrixRMaj> net = FlowFixtures.net(D);
        List<DMatrixRMaj> states = new ArrayList<>();
        GridHandler<DMatrixRMaj> keep = new GridHandler<>() {
            @Override
            public void handleStep(long k, DMatrixRMaj theta) {
                states.add(theta);
            }
        };
        DormandPrinceFlow.defaults().withoutErrorEstimate().sample(GradientFlow.of(net),
                FlowFixtures.netInit(D), 0.5, 10, keep);
        for (int j = 1; j < net.depth(); j++) {
            double[] c0 = D.toDoubles(TaylorFlowTest.balance(D, net, states.get(0), j));
            for (DMatrixRMaj s : states) {
                double drift = DormandPrinceFlow.maxDiff(D.toDoubles(TaylorFlowTest.balance(D, net, s, j)), c0);
                assertTrue(drift <= CONSERVED_DOUBLE, "layer " + j + " drift " + drift);
            }
        }
    }

    @Test
    void energyIdentityHoldsInDouble() {
        DeepLinear<Double, DMatrixRMaj> net = FlowFixtures.net(D);
        DMatrixRMaj theta0 = FlowFixtures.netInit(D);
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().solve(TestObjectives.energyAugmented(net),
                D.concat(List.of(theta0, D.zeros(1, 1))), 5);
        double decrease = net.value(theta0) - net.value(D.unpack(r.theta(), 0, 17, 1));
        double integral = r.theta().get(17, 0);
        assertTrue(decrease > TaylorFlowTest.MIN_DECREASE_SHARED, "the flow must actually move: " + decrease);
        assertEquals(decrease, integral, ENERGY_DOUBLE);
    }

    @Test
    void apfloatFieldIsSolvedInDoubleAndReturnedInItsArithmetic() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(20);
        VectorField<Apfloat, ApMatrix> field = GradientFlow.of(FlowFixtures.quadratic(a, FlowFixtures.DEFINITE));
        FlowResult<ApMatrix> r = DormandPrinceFlow.defaults().solve(field, a.fromStrings(3, 1, FlowFixtures.START), 2);
        double[] exact = exactQuadratic(FlowFixtures.DEFINITE, 2);
        assertTrue(DormandPrinceFlow.maxDiff(a.toDoubles(r.theta()), exact) <= QUADRATIC_RELATIVE);
    }

    @Test
    void badInputGivesClearErrors() {
        VectorField<Double, DMatrixRMaj> field = quadraticField(FlowFixtures.DEFINITE);
        DMatrixRMaj x0 = D.fromStrings(3, 1, FlowFixtures.START);
        DormandPrinceFlow dop = DormandPrinceFlow.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dop.solve(field, x0, -1));
        assertTrue(e.getMessage().contains("t must be >= 0") && e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dop.sample(field, x0, 0, 3));
        assertTrue(e.getMessage().contains("eta") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dop.sample(field, x0, 0.1, -2));
        assertTrue(e.getMessage().contains("steps must be >= 0, got -2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dop.withTolerances(1e-20, 1e-12));
        assertTrue(e.getMessage().contains("relative tolerance") && e.getMessage().contains("1.0E-20"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dop.solve(field, D.zeros(4, 1), 1));
        assertTrue(e.getMessage().contains("theta0 must be a 3x1 vector, got 4x1"), e.getMessage());
    }

    @Test
    void zeroTimeReturnsTheStartAndSamplesOnce() {
        List<Long> ks = new ArrayList<>();
        GridHandler<DMatrixRMaj> h = new GridHandler<>() {
            @Override
            public void handleStep(long k, DMatrixRMaj theta) {
                ks.add(k);
            }
        };
        DMatrixRMaj x0 = D.fromStrings(3, 1, FlowFixtures.START);
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().sample(quadraticField(FlowFixtures.DEFINITE), x0, 0.1, 0, h);
        assertEquals(List.of(0L), ks);
        assertEquals(0.0, DormandPrinceFlow.maxDiff(D.toDoubles(r.theta()), D.toDoubles(x0)));
    }
}
