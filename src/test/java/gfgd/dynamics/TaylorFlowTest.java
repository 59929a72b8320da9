package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.DeepLinear;
import gfgd.objective.Objective;
import gfgd.objective.Quadratic;
import gfgd.taylor.Traced;
import gfgd.taylor.TracedMatrix;
import gfgd.taylor.TracingArithmetic;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TaylorFlowTest {

    /**
     * The two kernels on the same 30-digit run (the deep linear fixture to t = 5): both round at 40
     * working digits, so after a few hundred thousand operations on an O(1) contracting flow they agree
     * far below the 30 digits asked for.
     */
    private static final double KERNELS_AGREE = 1e-35;

    /** The error estimate is a double formula of the coefficients' magnitudes: equal up to double rounding. */
    private static final double ESTIMATE_RELATIVE = 1e-12;

    /** A one-step solve at 30 digits of a smooth scalar flow: the requested digits. */
    private static final double FALLBACK_RELATIVE = 1e-28;

    /** Taylor in double against DOP853 in double on a quadratic over t = 3: both near 1e-13. */
    private static final double DOUBLE_TAYLOR_VS_DOP853 = 1e-11;

    /** The binary kernel tests' precision: 30 digits, 40 working digits. */
    private static final ApfloatArithmetic KERNEL_ARITHMETIC = ApfloatArithmetic.digits(30);

    /** The requirement: the Taylor integrator matches the closed form to 40 digits at t = 10. */
    private static final double CLOSED_FORM_RELATIVE = 1e-40;

    /** Taylor (apfloat) against DOP853 at rtol = atol = 1e-12 over t = 5: the double solver's accuracy. */
    private static final double AGAINST_DOP853 = 1e-11;

    /** Conserved quantities of deep linear nets in apfloat at 30 digits (issue's bound). */
    private static final double CONSERVED_APFLOAT = 1e-25;

    /** Energy identity at 30 digits: solver estimate ~1e-29 and an O(1) objective. */
    private static final double ENERGY_APFLOAT = 1e-25;

    /** The 45-digit closed form's estimate must still promise 45 digits relative to the solution. */
    private static final double CLOSED_FORM_ESTIMATE_RELATIVE = 1e-45;

    /** theta(10) of the expanding quadratic has norm ~8e12 (growth ~e^30). */
    private static final double EXPANDED_NORM = 1e12;

    /** 15 more digits must shrink the estimate by at least 10 orders of magnitude. */
    private static final double MORE_DIGITS_SHRINK = 1e-10;

    /** x' = x^2, x(0) = 1 gives x(1/2) = 2; at 20 digits the Taylor result is exact to double. */
    private static final double BLOWUP_PRE_TIME = 1e-15;

    /** The deep linear fixture must lose at least this much loss by t = 5 for the energy check to mean anything. */
    private static final double MIN_DECREASE = 0.1;

    /** The same floor for the double solver tests. */
    static final double MIN_DECREASE_SHARED = MIN_DECREASE;

    /** The lower-precision run's estimate must be informative: not more than a few digits above 10^-30. */
    private static final double ESTIMATE_INFORMATIVE_30 = 1e-26;

    private static <S, M> double maxDiff(Arithmetic<S, M> a, M x, Arithmetic<?, ?> b, Object y) {
        double m = 0;
        for (int i = 0; i < a.rows(x); i++) {
            S xi = a.get(x, i, 0);
            @SuppressWarnings("unchecked")
            Arithmetic<Object, Object> bb = (Arithmetic<Object, Object>) b;
            S yi = a.parse(bb.toString(bb.get(y, i, 0)));
            m = Math.max(m, Math.abs(a.toDouble(a.sub(xi, yi))));
        }
        return m;
    }

    private static double normInf(ApfloatArithmetic a, ApMatrix x) {
        double m = 0;
        for (int i = 0; i < a.rows(x); i++) {
            m = Math.max(m, Math.abs(a.toDouble(a.get(x, i, 0))));
        }
        return m;
    }

    private static TaylorFlow<Apfloat, ApMatrix> quadraticTaylor(TracingArithmetic<Apfloat, ApMatrix> tr, String[] A) {
        return TaylorFlow.gradientFlow(tr, FlowFixtures.quadratic(tr, A));
    }

    @Test
    void taylorMatchesClosedFormTo40DigitsAtTimeTenForDefiniteAndIndefiniteA() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(45);
        for (String[] A : List.of(FlowFixtures.DEFINITE, FlowFixtures.INDEFINITE)) {
            TaylorFlow<Apfloat, ApMatrix> taylor = quadraticTaylor(TracingArithmetic.over(a), A);
            ApMatrix theta0 = a.fromStrings(3, 1, FlowFixtures.START);
            FlowResult<ApMatrix> r = taylor.solve(theta0, a.of(10));
            FlowResult<ApMatrix> exact = QuadraticFlow.of(a, a.fromStrings(3, 3, A), a.fromStrings(3, 1, FlowFixtures.LINEAR))
                    .solve(theta0, a.of(10));
            double err = normInf(a, a.minus(r.theta(), exact.theta()));
            double scale = normInf(a, exact.theta());
            assertTrue(err <= CLOSED_FORM_RELATIVE * scale, "relative error " + err / scale);
            assertTrue(err <= r.errorEstimate(), "true error " + err + " above estimate " + r.errorEstimate());
        }
    }

    @Test
    void thirtyAndFortyFiveDigitRunsAgreeWithinTheThirtyDigitEstimate() {
        ApfloatArithmetic a30 = ApfloatArithmetic.digits(30);
        ApfloatArithmetic a45 = ApfloatArithmetic.digits(45);
        TracingArithmetic<Apfloat, ApMatrix> t30 = TracingArithmetic.over(a30);
        TracingArithmetic<Apfloat, ApMatrix> t45 = TracingArithmetic.over(a45);
        FlowResult<ApMatrix> r30 = TaylorFlow.gradientFlow(t30, FlowFixtures.net(t30))
                .solve(FlowFixtures.netInit(a30), a30.of(5));
        FlowResult<ApMatrix> r45 = TaylorFlow.gradientFlow(t45, FlowFixtures.net(t45))
                .solve(FlowFixtures.netInit(a45), a45.of(5));
        double diff = maxDiff(a45, r45.theta(), a30, r30.theta());
        assertTrue(r45.errorEstimate() < r30.errorEstimate() * MORE_DIGITS_SHRINK, "45-digit estimate " + r45.errorEstimate());
        assertTrue(diff <= r30.errorEstimate(), "30 vs 45 digits differ by " + diff + " > estimate " + r30.errorEstimate());
        assertTrue(r30.errorEstimate() <= ESTIMATE_INFORMATIVE_30, "estimate " + r30.errorEstimate());
    }

    @Test
    void errorEstimateIsHonestOnTheIndefiniteQuadratic() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        ApfloatArithmetic ref = ApfloatArithmetic.digits(60);
        TaylorFlow<Apfloat, ApMatrix> taylor = quadraticTaylor(TracingArithmetic.over(a), FlowFixtures.INDEFINITE);
        FlowResult<ApMatrix> r = taylor.solve(a.fromStrings(3, 1, FlowFixtures.START), a.of(10));
        FlowResult<ApMatrix> exact = QuadraticFlow.of(ref, ref.fromStrings(3, 3, FlowFixtures.INDEFINITE),
                ref.fromStrings(3, 1, FlowFixtures.LINEAR)).solve(ref.fromStrings(3, 1, FlowFixtures.START), ref.of(10));
        double err = maxDiff(ref, exact.theta(), a, r.theta());
        assertTrue(err <= r.errorEstimate(), "true error " + err + " above estimate " + r.errorEstimate());
    }

    @Test
    void errorEstimateStaysHonestOnAFlowThatExpandsByE30() {
        String[] a2 = {"-3", "0.5", "0.5", "1"};
        String[] b2 = {"1", "-0.5"};
        String[] x2 = {"0.1", "0.2"};
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        ApfloatArithmetic ref = ApfloatArithmetic.digits(80);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(a);
        FlowResult<ApMatrix> r = TaylorFlow.gradientFlow(tr, Quadratic.of(tr, tr.fromStrings(2, 2, a2), tr.fromStrings(2, 1, b2)))
                .solve(a.fromStrings(2, 1, x2), a.of(10));
        FlowResult<ApMatrix> exact = QuadraticFlow.of(ref, ref.fromStrings(2, 2, a2), ref.fromStrings(2, 1, b2))
                .solve(ref.fromStrings(2, 1, x2), ref.of(10));
        double err = maxDiff(ref, exact.theta(), a, r.theta());
        assertTrue(normInf(ref, exact.theta()) > EXPANDED_NORM, "the flow must expand");
        assertTrue(err <= r.errorEstimate(), "true error " + err + " above estimate " + r.errorEstimate());
    }

    @Test
    void closedFormRoundingEstimateBoundsItsErrorAgainstEightyDigits() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(45);
        ApfloatArithmetic ref = ApfloatArithmetic.digits(80);
        for (String[] m : List.of(FlowFixtures.DEFINITE, FlowFixtures.INDEFINITE)) {
            FlowResult<ApMatrix> r = QuadraticFlow.of(FlowFixtures.quadratic(a, m)).solve(a.fromStrings(3, 1, FlowFixtures.START), a.of(10));
            FlowResult<ApMatrix> exact = QuadraticFlow.of(FlowFixtures.quadratic(ref, m))
                    .solve(ref.fromStrings(3, 1, FlowFixtures.START), ref.of(10));
            double err = maxDiff(ref, exact.theta(), a, r.theta());
            assertTrue(err <= r.errorEstimate(), "closed form error " + err + " above estimate " + r.errorEstimate());
            assertTrue(r.errorEstimate() <= CLOSED_FORM_ESTIMATE_RELATIVE * normInf(ref, exact.theta()),
                    "estimate " + r.errorEstimate());
        }
    }

    @Test
    void taylorAgreesWithDop853OnADeepLinearNet() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(a);
        FlowResult<ApMatrix> taylor = TaylorFlow.gradientFlow(tr, FlowFixtures.net(tr)).solve(FlowFixtures.netInit(a), a.of(5));
        DoubleArithmetic dbl = DoubleArithmetic.INSTANCE;
        FlowResult<DMatrixRMaj> dop = DormandPrinceFlow.defaults().solve(
                GradientFlow.of(FlowFixtures.net(dbl)), FlowFixtures.netInit(dbl), 5);
        double[] x = a.toDoubles(taylor.theta());
        double[] y = dbl.toDoubles(dop.theta());
        assertTrue(DormandPrinceFlow.maxDiff(x, y) <= AGAINST_DOP853, "differ by " + DormandPrinceFlow.maxDiff(x, y));
        assertTrue(dop.errorEstimate() <= AGAINST_DOP853, "DOP853 estimate " + dop.errorEstimate());
    }

    @Test
    void balancednessOfDeepLinearNetIsConservedInApfloat() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(a);
        DeepLinear<Apfloat, ApMatrix> net = FlowFixtures.net(a);
        List<ApMatrix> states = new ArrayList<>();
        GridHandler<ApMatrix> keep = new GridHandler<>() {
            @Override
            public void handleStep(long k, ApMatrix theta) {
                states.add(theta);
            }
        };
        TaylorFlow.gradientFlow(tr, FlowFixtures.net(tr)).sample(FlowFixtures.netInit(a), a.parse("0.5"), 10, keep);
        assertEquals(11, states.size());
        for (int j = 1; j < net.depth(); j++) {
            ApMatrix c0 = balance(a, net, states.get(0), j);
            for (ApMatrix s : states) {
                double drift = 0;
                for (double v : a.toDoubles(a.minus(balance(a, net, s, j), c0))) {
                    drift = Math.max(drift, Math.abs(v));
                }
                assertTrue(drift <= CONSERVED_APFLOAT, "layer " + j + " drift " + drift);
            }
        }
    }

    /** {@code W_{j+1}' W_{j+1} - W_j W_j'}. */
    static <S, M> M balance(Arithmetic<S, M> a, DeepLinear<S, M> net, M theta, int j) {
        M w = net.layer(theta, j);
        M next = net.layer(theta, j + 1);
        return a.minus(a.multTransA(next, next), a.multTransB(w, w));
    }

    @Test
    void energyIdentityHoldsToTheSolverAccuracy() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(a);
        TaylorFlow<Apfloat, ApMatrix> taylor = TaylorFlow.of(tr, TestObjectives.energyAugmented(FlowFixtures.net(tr)));
        ApMatrix theta0 = FlowFixtures.netInit(a);
        ApMatrix state0 = a.concat(List.of(theta0, a.zeros(1, 1)));
        FlowResult<ApMatrix> r = taylor.solve(state0, a.of(5));
        DeepLinear<Apfloat, ApMatrix> f = FlowFixtures.net(a);
        Apfloat decrease = a.sub(f.value(theta0), f.value(a.unpack(r.theta(), 0, 17, 1)));
        Apfloat integral = a.get(r.theta(), 17, 0);
        assertTrue(decrease.doubleValue() > MIN_DECREASE, "the flow must actually move: decrease " + decrease);
        assertTrue(Math.abs(a.toDouble(a.sub(decrease, integral))) <= ENERGY_APFLOAT,
                "decrease " + decrease + " vs integral " + integral);
    }

    @Test
    void gridSamplesEqualSolvesAtTheGridTimes() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        TaylorFlow<Apfloat, ApMatrix> taylor = quadraticTaylor(TracingArithmetic.over(a), FlowFixtures.INDEFINITE);
        QuadraticFlow<Apfloat, ApMatrix> exact = QuadraticFlow.of(a, a.fromStrings(3, 3, FlowFixtures.INDEFINITE),
                a.fromStrings(3, 1, FlowFixtures.LINEAR));
        ApMatrix theta0 = a.fromStrings(3, 1, FlowFixtures.START);
        Apfloat eta = a.parse("0.1");
        List<Long> ks = new ArrayList<>();
        double[] worst = {0};
        GridHandler<ApMatrix> check = new GridHandler<>() {
            @Override
            public void handleStep(long k, ApMatrix theta) {
                ks.add(k);
                ApMatrix ref = exact.solve(theta0, a.mul(a.of(k), eta)).theta();
                worst[0] = Math.max(worst[0], normInf(a, a.minus(theta, ref)));
            }
        };
        FlowResult<ApMatrix> r = taylor.sample(theta0, eta, 25, check);
        assertEquals(26, ks.size());
        assertEquals(25L, ks.get(25));
        assertTrue(worst[0] <= r.errorEstimate(), "grid error " + worst[0] + " above estimate " + r.errorEstimate());
    }

    @Test
    void badInputGivesClearErrors() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(a);
        TaylorFlow<Apfloat, ApMatrix> taylor = quadraticTaylor(tr, FlowFixtures.DEFINITE);
        ApMatrix theta0 = a.fromStrings(3, 1, FlowFixtures.START);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> taylor.solve(theta0, a.of(-1)));
        assertTrue(e.getMessage().contains("t must be >= 0") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> taylor.withDigits(5));
        assertTrue(e.getMessage().contains("digits must be >= 10") && e.getMessage().contains("5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> taylor.withDigits(60));
        assertTrue(e.getMessage().contains("digits 60"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> taylor.solve(a.zeros(2, 1), a.one()));
        assertTrue(e.getMessage().contains("theta0 must be a 3x1 vector, got 2x1"), e.getMessage());
    }

    @Test
    void flowThatBlowsUpInFiniteTimeStopsWithAClearError() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(20);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(a);
        VectorField<Traced, TracedMatrix> square = TestObjectives.field(tr, 1, x -> tr.hadamard(x, x));
        TaylorFlow<Apfloat, ApMatrix> taylor = TaylorFlow.of(tr, square);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> taylor.solve(a.vector(1), a.of(2)));
        assertTrue(e.getMessage().contains("may blow up before t = 2"), e.getMessage());
        FlowResult<ApMatrix> before = taylor.solve(a.vector(1), a.parse("0.5"));
        assertEquals(2.0, a.toDouble(a.get(before.theta(), 0, 0)), BLOWUP_PRE_TIME);
    }

    @Test
    void nonPolynomialObjectiveIsRejected() {
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(ApfloatArithmetic.digits(30));
        Objective<Traced, TracedMatrix> declared = new SoftplusSum<>(tr, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaylorFlow.gradientFlow(tr, declared));
        assertTrue(e.getMessage().contains("not a polynomial vector field") && e.getMessage().contains("SoftplusSum"),
                e.getMessage());
        Objective<Traced, TracedMatrix> lying = new SoftplusSum<>(tr, true);
        e = assertThrows(IllegalArgumentException.class, () -> TaylorFlow.gradientFlow(tr, lying));
        assertTrue(e.getMessage().contains("not a polynomial vector field: exp of a traced value"), e.getMessage());
    }

    /** {@code f = sum log(1 + exp(x_i))}, gradient {@code exp(x)/(1+exp(x))}: not polynomial. */
    private static final class SoftplusSum<S, M> implements Objective<S, M> {
        private final Arithmetic<S, M> a;
        private final boolean claimsPolynomial;

        SoftplusSum(Arithmetic<S, M> a, boolean claimsPolynomial) {
            this.a = a;
            this.claimsPolynomial = claimsPolynomial;
        }

        @Override
        public Arithmetic<S, M> arithmetic() {
            return a;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public S value(M x) {
            S s = a.zero();
            for (int i = 0; i < 2; i++) {
                s = a.add(s, a.log(a.add(a.one(), a.exp(a.get(x, i, 0)))));
            }
            return s;
        }

        @Override
        public M gradient(M x) {
            M g = a.zeros(2, 1);
            for (int i = 0; i < 2; i++) {
                S e = a.exp(a.get(x, i, 0));
                a.set(g, i, 0, a.div(e, a.add(a.one(), e)));
            }
            return g;
        }

        @Override
        public M hessianVectorProduct(M x, M v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isPolynomial() {
            return claimsPolynomial;
        }
    }

    @Test
    void binaryAndApfloatKernelsGiveTheSameFlowToTheWorkingDigits() {
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(KERNEL_ARITHMETIC);
        ApfloatArithmetic a = KERNEL_ARITHMETIC;
        TaylorFlow<Apfloat, ApMatrix> flow = TaylorFlow.gradientFlow(tr, FlowFixtures.net(tr));
        FlowResult<ApMatrix> binary = flow.solve(FlowFixtures.netInit(a), a.of(5));
        FlowResult<ApMatrix> apfloat = flow.withBinaryKernel(false).solve(FlowFixtures.netInit(a), a.of(5));
        assertEquals(apfloat.steps(), binary.steps());
        double diff = 0;
        for (int i = 0; i < a.rows(binary.theta()); i++) {
            diff = Math.max(diff, Math.abs(a.toDouble(a.sub(binary.theta().get(i, 0), apfloat.theta().get(i, 0)))));
        }
        assertTrue(diff <= KERNELS_AGREE, "binary vs apfloat kernel differ by " + diff);
        assertEquals(apfloat.errorEstimate(), binary.errorEstimate(), apfloat.errorEstimate() * ESTIMATE_RELATIVE,
                "error estimates");
    }

    @Test
    void statesBeyondBigDecimalsExponentRangeAreIntegratedInApfloat() {
        ApfloatArithmetic a = KERNEL_ARITHMETIC;
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(a);
        // x' = x^2 - x: x(t) = x0 e^-t / (1 - x0 + x0 e^-t) = x0 e^-t (1 + O(x0)) for tiny x0
        VectorField<Traced, TracedMatrix> logistic = new VectorField<>() {
            @Override
            public gfgd.numeric.Arithmetic<Traced, TracedMatrix> arithmetic() {
                return tr;
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public TracedMatrix derivative(TracedMatrix x) {
                return tr.minus(tr.hadamard(x, x), x);
            }
        };
        Apfloat x0 = a.parse("1e-3000000000");
        ApMatrix start = a.zeros(1, 1);
        a.set(start, 0, 0, x0);
        FlowResult<ApMatrix> r = TaylorFlow.of(tr, logistic).solve(start, a.one());
        Apfloat expected = a.mul(x0, a.exp(a.of(-1)));
        double relative = Math.abs(a.toDouble(a.div(a.sub(r.theta().get(0, 0), expected), expected)));
        assertTrue(relative <= FALLBACK_RELATIVE, "relative error " + relative);
    }

    @Test
    void taylorIntegratorAlsoRunsInDouble() {
        DoubleArithmetic d = DoubleArithmetic.INSTANCE;
        TracingArithmetic<Double, DMatrixRMaj> tr = TracingArithmetic.over(d);
        TaylorFlow<Double, DMatrixRMaj> taylor = TaylorFlow.gradientFlow(tr, FlowFixtures.quadratic(tr, FlowFixtures.INDEFINITE));
        assertEquals(15, taylor.digits());
        DMatrixRMaj x0 = d.fromStrings(3, 1, FlowFixtures.START);
        FlowResult<DMatrixRMaj> r = taylor.solve(x0, 3.0);
        FlowResult<DMatrixRMaj> dop = DormandPrinceFlow.defaults().solve(
                GradientFlow.of(FlowFixtures.quadratic(d, FlowFixtures.INDEFINITE)), x0, 3);
        double diff = DormandPrinceFlow.maxDiff(d.toDoubles(r.theta()), d.toDoubles(dop.theta()));
        assertTrue(diff <= DOUBLE_TAYLOR_VS_DOP853, "differ by " + diff);
    }
}
