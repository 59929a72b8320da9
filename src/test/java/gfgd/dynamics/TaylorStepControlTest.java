package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.taylor.Traced;
import gfgd.taylor.TracedMatrix;
import gfgd.taylor.TracingArithmetic;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/**
 * The Taylor integrator's documented order, step and error estimate (class comment of {@link TaylorFlow}),
 * checked on the scalar flows {@code x' = -x} and {@code x' = x}, whose Taylor coefficients at {@code x} are
 * {@code x (-1)^j / j!} and {@code x / j!}: with {@code eps = 10^-digits} and {@code tol = eps max(1, |x|)},
 * the order is {@code K = ceil(-ln(eps) / 2) + 1}, the step {@code h = min_{j in {K, K+1}} (tol j! / |x|)^(1/j)}, a
 * step's error {@code 2 |c_{K+1}| h^(K+1) + (K+2) u sum_{j<=K} |c_j| h^j}, and the run's estimate
 * {@code E_{n+1} = E_n exp(h max(0, mu)) + local_n} with {@code mu = -1} and {@code +1} here.
 */
class TaylorStepControlTest {

    private static final int DIGITS = 30;

    /** The estimate is a double formula of the coefficients' magnitudes: equal up to double rounding. */
    private static final double FORMULA_RELATIVE = 1e-9;

    /** A Taylor solve at 30 digits of a scalar linear flow: the requested digits. */
    private static final double THIRTY_DIGITS = 1e-29;

    private final ApfloatArithmetic ap = ApfloatArithmetic.digits(DIGITS);
    private final TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(ap);

    private TaylorFlow<Apfloat, ApMatrix> linear(int sign) {
        VectorField<Traced, TracedMatrix> field = TestObjectives.field(tr, 1, x -> sign > 0 ? x : tr.scale(tr.of(-1), x));
        return TaylorFlow.of(tr, field);
    }

    private static double factorial(int j) {
        double f = 1;
        for (int i = 2; i <= j; i++) {
            f *= i;
        }
        return f;
    }

    /** The documented step from a state of magnitude {@code x}. */
    private static double step(int order, double x) {
        double tol = Math.pow(10, -DIGITS) * Math.max(1, x);
        return Math.min(Math.pow(tol * factorial(order) / x, 1.0 / order),
                Math.pow(tol * factorial(order + 1) / x, 1.0 / (order + 1)));
    }

    /** The documented error of a step of length {@code h} from a state of magnitude {@code x}. */
    private double local(int order, double x, double h) {
        double sum = 0;
        for (int j = 0; j <= order; j++) {
            sum += x / factorial(j) * Math.pow(h, j);
        }
        return 2 * x / factorial(order + 1) * Math.pow(h, order + 1) + (order + 2) * ap.epsilon() * sum;
    }

    private ApMatrix start(String x) {
        return ap.fromStrings(1, 1, x);
    }

    @Test
    void orderAndDigitsFollowTheRequestedPrecision() {
        TaylorFlow<Apfloat, ApMatrix> flow = linear(-1);
        // K = ceil(30 ln 10 / 2) + 1 = ceil(34.54) + 1
        assertEquals(DIGITS, flow.digits());
        assertEquals(36, flow.order());
        TaylorFlow<Apfloat, ApMatrix> twenty = flow.withDigits(20);
        assertEquals(20, twenty.digits());
        assertEquals(25, twenty.order(), "ceil(20 ln 10 / 2) + 1 = ceil(23.03) + 1");
        assertEquals(10, flow.withDigits(10).digits());
        assertEquals("Taylor(order=36, digits=30, " + ap.name() + ")", flow.name());
        assertEquals("Taylor(order=25, digits=20, " + ap.name() + ")", twenty.name());
        assertEquals(1, flow.dimension());
        assertTrue(flow.arithmetic() == ap);
        assertEquals(0, linear(1).products(), "x' = x records no product");
        VectorField<Traced, TracedMatrix> square = TestObjectives.field(tr, 1, x -> tr.hadamard(x, x));
        TaylorFlow<Apfloat, ApMatrix> squared = TaylorFlow.of(tr, square);
        assertEquals(1, squared.products(), "x' = x^2 records one product of traced values");
        assertEquals(2, squared.programSize(), "the input and the product");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> flow.withDigits(9));
        assertEquals("digits must be >= 10, got 9", e.getMessage());
        // 40 working digits resolve 10^-39 (the unit roundoff), not 10^-40
        assertEquals(39, flow.withDigits(39).digits());
        e = assertThrows(IllegalArgumentException.class, () -> flow.withDigits(40));
        assertEquals("digits 40 exceed what arithmetic " + ap.name() + " resolves (about 39)", e.getMessage());
        // a base arithmetic other than apfloat: the digits it resolves, at most 15
        TracingArithmetic<gfgd.numeric.Interval, gfgd.numeric.IntervalMatrix> twelve =
                TracingArithmetic.over(gfgd.numeric.IntervalArithmetic.digits(12));
        assertEquals(11, TaylorFlow.of(twelve, identity(twelve)).digits(), "12-digit intervals resolve 10^-11");
        TracingArithmetic<gfgd.numeric.Interval, gfgd.numeric.IntervalMatrix> forty =
                TracingArithmetic.over(gfgd.numeric.IntervalArithmetic.digits(40));
        assertEquals(15, TaylorFlow.of(forty, identity(forty)).digits());
    }

    private static <S, M> VectorField<Traced, TracedMatrix> identity(TracingArithmetic<S, M> t) {
        return TestObjectives.field(t, 1, x -> x);
    }

    @Test
    void aOneStepSolveReportsTheDocumentedLocalError() {
        // from 0.5 the step is about 2.1 (step(K, 0.5) below), so t = 1 is one step of length 1
        TaylorFlow<Apfloat, ApMatrix> flow = linear(-1);
        int k = flow.order();
        assertTrue(step(k, 0.5) > 1, "step " + step(k, 0.5));
        FlowResult<ApMatrix> r = flow.solve(start("0.5"), ap.one());
        assertEquals(1, r.steps());
        assertEquals(1.0, r.time());
        assertEquals(0, r.crossings());
        double expected = local(k, 0.5, 1);
        assertEquals(expected, r.errorEstimate(), expected * FORMULA_RELATIVE);
        Apfloat exact = ap.mul(ap.parse("0.5"), ap.exp(ap.of(-1)));
        double err = Math.abs(ap.toDouble(ap.sub(exact, ap.get(r.theta(), 0, 0))));
        assertTrue(err <= THIRTY_DIGITS && err <= r.errorEstimate(), "error " + err + ", estimate " + r.errorEstimate());
    }

    @Test
    void theToleranceIsRelativeOnlyForStatesAboveOne() {
        // tol = eps max(1, |x|): from 1e-6 the step is (1e-30 K! / 1e-6)^(1/K) > 3, from 1 and from 1e6 it is
        // (1e-30 K!)^(1/K) < 3, so t = 3 takes one step from 1e-6 and two from 1 and from 1e6
        TaylorFlow<Apfloat, ApMatrix> flow = linear(-1);
        int k = flow.order();
        assertTrue(step(k, 1e-6) > 3 && step(k, 1) < 3 && step(k, 1e6) == step(k, 1),
                step(k, 1e-6) + " " + step(k, 1) + " " + step(k, 1e6));
        assertEquals(1, flow.solve(start("1e-6"), ap.of(3)).steps());
        assertEquals(2, flow.solve(start("1"), ap.of(3)).steps());
        assertEquals(2, flow.solve(start("1e6"), ap.of(3)).steps());
    }

    @Test
    void aContractingFlowAddsTheStepsErrorsWithoutGrowth() {
        // x' = -x: mu = -1, so exp(h max(0, mu)) = 1 and the estimate is the sum of the two local errors
        TaylorFlow<Apfloat, ApMatrix> flow = linear(-1);
        int k = flow.order();
        double h1 = step(k, 1);
        FlowResult<ApMatrix> r = flow.solve(start("1"), ap.of(3));
        assertEquals(2, r.steps());
        double expected = local(k, 1, h1) + local(k, Math.exp(-h1), 3 - h1);
        assertEquals(expected, r.errorEstimate(), expected * FORMULA_RELATIVE);
    }

    @Test
    void anExpandingFlowCarriesTheFirstStepsErrorThroughTheGrowthOfTheSecond() {
        // x' = x: mu = 1, E = local_1 e^{h_2} + local_2
        TaylorFlow<Apfloat, ApMatrix> flow = linear(1);
        int k = flow.order();
        double h1 = step(k, 1);
        double h2 = 3 - h1;
        FlowResult<ApMatrix> r = flow.solve(start("1"), ap.of(3));
        assertEquals(2, r.steps());
        double expected = local(k, 1, h1) * Math.exp(h2) + local(k, Math.exp(h1), h2);
        assertEquals(expected, r.errorEstimate(), expected * FORMULA_RELATIVE);
        Apfloat exact = ap.exp(ap.of(3));
        double err = Math.abs(ap.toDouble(ap.sub(exact, ap.get(r.theta(), 0, 0))));
        assertTrue(err <= r.errorEstimate(), "error " + err + ", estimate " + r.errorEstimate());
    }

    @Test
    void atTimeZeroTheStartIsReturnedWithoutAStep() {
        FlowResult<ApMatrix> r = linear(-1).solve(start("0.75"), ap.zero());
        assertEquals(0, ap.compare(ap.parse("0.75"), ap.get(r.theta(), 0, 0)));
        assertEquals(0, r.steps());
        assertEquals(0.0, r.errorEstimate());
    }

    @Test
    void handlersSeeInitEveryGridPointAndFinish() {
        TaylorFlow<Apfloat, ApMatrix> flow = linear(-1);
        List<String> events = new ArrayList<>();
        List<ApMatrix> states = new ArrayList<>();
        GridHandler<ApMatrix> h = new GridHandler<>() {
            @Override
            public void init(ApMatrix theta0, double eta) {
                events.add("init " + eta + " " + ap.toDouble(ap.get(theta0, 0, 0)));
            }

            @Override
            public void handleStep(long k, ApMatrix theta) {
                events.add("step " + k);
                states.add(theta);
            }

            @Override
            public void finish(long k, ApMatrix theta) {
                events.add("finish " + k);
                states.add(theta);
            }
        };
        // eta = 1.5 with steps of about 2.1: grid points fall inside steps and past the first step's end
        FlowResult<ApMatrix> r = flow.sample(start("1"), ap.parse("1.5"), 3, h);
        assertEquals(List.of("init 1.5 1.0", "step 0", "step 1", "step 2", "step 3", "finish 3"), events);
        for (int j = 0; j <= 3; j++) {
            Apfloat exact = ap.exp(ap.negate(ap.mul(ap.of(j), ap.parse("1.5"))));
            double err = Math.abs(ap.toDouble(ap.sub(exact, ap.get(states.get(j), 0, 0))));
            assertTrue(err <= THIRTY_DIGITS, "grid point " + j + ": error " + err);
        }
        assertEquals(0, ap.compare(ap.get(r.theta(), 0, 0), ap.get(states.get(4), 0, 0)), "finish gets the result");
        assertEquals(4.5, r.time());
        events.clear();
        states.clear();
        FlowResult<ApMatrix> none = flow.sample(start("1"), ap.parse("1.5"), 0, h);
        assertEquals(List.of("init 1.5 1.0", "step 0", "finish 0"), events);
        assertEquals(0, none.steps());
    }

    @Test
    void badSamplingArgumentsAreRejectedWithTheirValues() {
        TaylorFlow<Apfloat, ApMatrix> flow = linear(-1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flow.sample(start("1"), ap.zero(), 3));
        assertEquals("eta must be > 0, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flow.sample(start("1"), ap.parse("0.1"), -1));
        assertEquals("steps must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flow.solve(ap.zeros(1, 2), ap.one()));
        assertEquals("theta0 must be a 1x1 vector, got 1x2", e.getMessage());
    }
}
