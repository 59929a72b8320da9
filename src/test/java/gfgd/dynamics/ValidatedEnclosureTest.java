package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.FullyConnected;
import gfgd.objective.Quadratic;
import gfgd.taylor.Traced;
import gfgd.taylor.TracedMatrix;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/**
 * The validated Taylor integrator on scalar flows with closed forms: {@code x' = x^2} (from {@code x(0) = 1},
 * {@code x(t) = 1 / (1 - t)}, blowing up at {@code t = 1}) and {@code x' = -x} ({@code x(t) = x0 e^{-t}}),
 * and the bookkeeping of its result (grid, steps, a-priori boxes, coarser grids, widths).
 */
class ValidatedEnclosureTest {

    private static final int DIGITS = 30;

    /** At 30 digits over a few steps the boxes of a smooth scalar flow stay this narrow. */
    private static final BigDecimal NARROW = new BigDecimal("1e-20");

    /** The blow-up flow's boxes widen with its growth and with every split of a step. */
    private static final BigDecimal BLOW_UP_NARROW = new BigDecimal("1e-10");

    private final IntervalArithmetic ia = IntervalArithmetic.digits(DIGITS);
    private final TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(ia);

    /** {@code x' = x^2}. */
    private VectorField<Traced, TracedMatrix> square() {
        return scalar(x -> tr.hadamard(x, x));
    }

    /** {@code x' = -x}. */
    private VectorField<Traced, TracedMatrix> decay() {
        return scalar(x -> tr.scale(tr.of(-1), x));
    }

    private VectorField<Traced, TracedMatrix> scalar(java.util.function.UnaryOperator<TracedMatrix> g) {
        return TestObjectives.field(tr, 1, x -> g.apply(x));
    }

    private IntervalMatrix point(String x) {
        return ia.fromStrings(1, 1, x);
    }

    /** Whether the box meets {@code [v - 1e-38, v + 1e-38]}, {@code v} a 40-digit value of the exact solution. */
    private static boolean consistent(Interval box, BigDecimal v) {
        BigDecimal slack = new BigDecimal("1e-38");
        return box.lo().compareTo(v.add(slack)) <= 0 && v.subtract(slack).compareTo(box.hi()) <= 0;
    }

    private static void assertSameBox(IntervalMatrix expected, IntervalMatrix actual) {
        assertEquals(expected.rows(), actual.rows());
        for (int i = 0; i < expected.rows(); i++) {
            assertEquals(expected.get(i, 0), actual.get(i, 0), "component " + i);
        }
    }

    private static BigDecimal blowUp(BigDecimal t) {
        return BigDecimal.ONE.divide(BigDecimal.ONE.subtract(t), MathContext.DECIMAL128);
    }

    @Test
    void orderIsTheLeastKWithTheMaximalStepToTheKBelowTenToTheMinusDigits() {
        // 0.05^39 = 10^-50.7 <= 10^-50 < 10^-49.4 = 0.05^38
        assertEquals(39, ValidatedTaylorFlow.defaultOrder(50, new BigDecimal("0.05")));
        // 0.05^8 = 10^-10.4 <= 10^-10 < 10^-9.1 = 0.05^7
        assertEquals(8, ValidatedTaylorFlow.defaultOrder(10, new BigDecimal("0.05")));
        // 0.1^10 = 10^-10 exactly: 10 terms suffice
        assertEquals(10, ValidatedTaylorFlow.defaultOrder(10, new BigDecimal("0.1")));
        // never below 4: 10 digits at steps of 10^-4 would need only 3
        assertEquals(4, ValidatedTaylorFlow.defaultOrder(10, new BigDecimal("0.0001")));
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, decay());
        assertEquals(ValidatedTaylorFlow.defaultOrder(DIGITS, new BigDecimal("0.05")), flow.order());
        assertEquals(7, flow.withOrder(7).order());
        assertEquals(1, flow.dimension());
        assertTrue(flow.arithmetic() == ia);
    }

    @Test
    void enclosuresOfTheBlowUpFlowContainOneOverOneMinusTAndTheLongStepIsSplit() {
        // x' = x^2 from x: a box [x, y] is an a-priori box for a step h only if x + h y^2 < y, which needs
        // 4 h x < 1; the step of 1/2 from 1 has none, so it is split until the pieces have one, and its
        // samples come from the pieces
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, square()).withMaxStep(new BigDecimal("0.5"));
        BigDecimal eta = new BigDecimal("0.0625");
        ValidatedTaylorFlow.Enclosure e = flow.enclose(point("1"), eta, 8);
        assertEquals(9, e.grid().size());
        for (int j = 0; j <= 8; j++) {
            BigDecimal t = eta.multiply(BigDecimal.valueOf(j));
            Interval box = e.grid().get(j).get(0, 0);
            BigDecimal exact = blowUp(t);
            assertTrue(box.lo().compareTo(exact) <= 0 && exact.compareTo(box.hi()) <= 0,
                    "t = " + t + ": " + box + " must contain " + exact);
            assertTrue(box.width().compareTo(BLOW_UP_NARROW) < 0, "t = " + t + ": width " + box.width());
        }
        assertEquals(1, e.steps().size(), "one step of 8 * eta, sampled at every eta");
        ValidatedTaylorFlow.Step step = e.steps().get(0);
        assertEquals(0, step.t0().compareTo(BigDecimal.ZERO));
        assertEquals(0, step.t1().compareTo(new BigDecimal("0.5")));
        // the hull of the halves' a-priori boxes holds the whole arc x([0, 1/2]) = [1, 2]
        Interval arc = step.apriori().get(0, 0);
        assertTrue(arc.contains(BigDecimal.ONE) && arc.contains(new BigDecimal("2")), arc.toString());
    }

    @Test
    void aStepWithoutAprioriBoxThatCannotBeSplitIsAClearError() {
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, square()).withMaxStep(new BigDecimal("0.5"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> flow.enclose(point("1"), new BigDecimal("0.5"), 1));
        assertEquals("no a-priori enclosure found for a step of 0.5 at t = 0.0 (the field grows too fast there; "
                + "use a smaller eta)", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> flow.arcEnclosure(point("1"), new BigDecimal("0.5")));
        assertEquals("no a-priori enclosure found for a step of 0.5", e.getMessage());
    }

    @Test
    void theArcEnclosureHoldsTheSolutionOnTheWholeStep() {
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, square());
        // 4 h x = 0.8 < 1: the step of 0.2 from 1 has an a-priori box
        Interval arc = flow.arcEnclosure(point("1"), new BigDecimal("0.2")).get(0, 0);
        for (String t : new String[] {"0", "0.1", "0.15", "0.2"}) {
            BigDecimal exact = blowUp(new BigDecimal(t));
            assertTrue(arc.contains(exact), "t = " + t + ": " + arc + " must contain " + exact);
        }
        // and it is an a-priori box in the sense of the test: x + [0, h] F(arc) lies inside it
        Interval[] x = {ia.parse("1")};
        Interval[] wide = {ia.interval(arc.lo().subtract(BigDecimal.ONE), arc.hi().add(BigDecimal.ONE))};
        assertTrue(flow.isAprioriEnclosure(x, wide, new BigDecimal("0.2")));
    }

    @Test
    void aGridFinerThanTheMaximalStepIsSampledInsideEachStep() {
        // eta = 0.01 below the maximal step 0.05: steps of 5 eta, every grid time a sample of x0 e^{-t}
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, decay());
        BigDecimal eta = new BigDecimal("0.01");
        ValidatedTaylorFlow.Enclosure e = flow.enclose(point("2"), eta, 12);
        assertEquals(13, e.grid().size());
        assertEquals(0, e.eta().compareTo(eta));
        ApfloatArithmetic ap = ApfloatArithmetic.digits(40);
        for (int j = 0; j <= 12; j++) {
            Apfloat exact = ap.mul(ap.of(2), ap.exp(ap.negate(ap.parse(eta.multiply(BigDecimal.valueOf(j)).toPlainString()))));
            BigDecimal v = new BigDecimal(exact.toString(true));
            Interval box = e.grid().get(j).get(0, 0);
            assertTrue(consistent(box, v), "t = " + j + " eta: " + box + " vs " + v);
            assertTrue(box.width().compareTo(NARROW) < 0, "width " + box.width());
        }
        // steps [0, .05], [.05, .1], [.1, .12]
        List<ValidatedTaylorFlow.Step> steps = e.steps();
        assertEquals(3, steps.size());
        String[][] bounds = {{"0", "0.05"}, {"0.05", "0.10"}, {"0.10", "0.12"}};
        for (int s = 0; s < 3; s++) {
            assertEquals(0, steps.get(s).t0().compareTo(new BigDecimal(bounds[s][0])), "step " + s);
            assertEquals(0, steps.get(s).t1().compareTo(new BigDecimal(bounds[s][1])), "step " + s);
        }
    }

    @Test
    void aGridCoarserThanTheMaximalStepIsIntegratedFinerAndThinnedToEveryFourthSample() {
        // eta = 0.2 is 4 maximal steps of 0.05: the result keeps every 4th of the fine samples
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, decay());
        ValidatedTaylorFlow.Enclosure coarse = flow.enclose(point("2"), new BigDecimal("0.2"), 3);
        ValidatedTaylorFlow.Enclosure fine = flow.enclose(point("2"), new BigDecimal("0.05"), 12);
        assertEquals(0, coarse.eta().compareTo(new BigDecimal("0.2")));
        assertEquals(4, coarse.grid().size());
        for (int j = 0; j <= 3; j++) {
            assertEquals(fine.grid().get(4 * j).get(0, 0), coarse.grid().get(j).get(0, 0), "sample " + j);
        }
        assertEquals(12, coarse.steps().size());
    }

    @Test
    void everyKeepsEveryRthSampleAndRejectsAnRThatDoesNotDivide() {
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, decay());
        ValidatedTaylorFlow.Enclosure e = flow.enclose(point("2"), new BigDecimal("0.05"), 6);
        ValidatedTaylorFlow.Enclosure third = e.every(3);
        assertEquals(3, third.grid().size());
        assertEquals(0, third.eta().compareTo(new BigDecimal("0.15")));
        for (int j = 0; j < 3; j++) {
            assertSame(e.grid().get(3 * j), third.grid().get(j));
        }
        assertEquals(e.steps(), third.steps());
        assertEquals(e.maxWidth(), third.maxWidth());
        assertEquals(e.grid(), e.every(1).grid());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.every(4));
        assertEquals("r must be >= 1 and divide 6, got 4", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> e.every(0));
        assertEquals("r must be >= 1 and divide 6, got 0", ex.getMessage());
    }

    @Test
    void overHullsTheAprioriBoxesOfTheStepsItTouches() {
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, decay());
        ValidatedTaylorFlow.Enclosure e = flow.enclose(point("2"), new BigDecimal("0.05"), 3);
        assertEquals(3, e.steps().size(), "eta equal to the maximal step: one step per grid point");
        IntervalMatrix first = e.steps().get(0).apriori();
        IntervalMatrix second = e.steps().get(1).apriori();
        IntervalMatrix third = e.steps().get(2).apriori();
        assertSameBox(first, e.over(ia, new BigDecimal("0.01"), new BigDecimal("0.04")));
        // the shared end point 0.05 touches both the first and the second step
        assertSameBox(ia.hull(first, second), e.over(ia, new BigDecimal("0.05"), new BigDecimal("0.05")));
        assertSameBox(ia.hull(ia.hull(first, second), third), e.over(ia, BigDecimal.ZERO, new BigDecimal("0.15")));
        assertSameBox(third, e.over(ia, new BigDecimal("0.11"), new BigDecimal("0.15")));
        // the solution 2 e^{-t} on [0, 0.15] lies in [2 e^{-0.15}, 2] = [1.7214.., 2]
        Interval all = e.over(ia, BigDecimal.ZERO, new BigDecimal("0.15")).get(0, 0);
        assertTrue(all.contains(new BigDecimal("2")) && all.contains(new BigDecimal("1.7215")), all.toString());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> e.over(ia, new BigDecimal("0.2"), new BigDecimal("0.3")));
        assertEquals("[0.2, 0.3] is outside the integrated interval", ex.getMessage());
    }

    @Test
    void maxWidthIsTheWidestBoxOfTheGridStartIncluded() {
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, decay());
        // a start box of width 0.02 (without a QR treatment the boxes of x' = -x widen from it)
        IntervalMatrix start = ia.zeros(1, 1);
        ia.set(start, 0, 0, ia.interval("1.99", "2.01"));
        ValidatedTaylorFlow.Enclosure e = flow.enclose(start, new BigDecimal("0.05"), 4);
        BigDecimal widestBox = BigDecimal.ZERO;
        for (IntervalMatrix m : e.grid()) {
            widestBox = widestBox.max(m.get(0, 0).width());
        }
        assertEquals(0, widestBox.compareTo(e.maxWidth()), e.maxWidth().toString());
        assertTrue(e.maxWidth().compareTo(new BigDecimal("0.02")) >= 0, e.maxWidth().toString());
        // every start in the box: the last box holds 1.99 e^{-0.2} and 2.01 e^{-0.2}
        Interval last = e.grid().get(4).get(0, 0);
        ApfloatArithmetic ap = ApfloatArithmetic.digits(40);
        for (String x0 : new String[] {"1.99", "2.01"}) {
            BigDecimal v = new BigDecimal(ap.mul(ap.parse(x0), ap.exp(ap.parse("-0.2"))).toString(true));
            assertTrue(consistent(last, v), last + " must hold " + v);
        }
        // growing flow x' = x^2: the widest box is the last one
        ValidatedTaylorFlow up = ValidatedTaylorFlow.of(tr, square());
        ValidatedTaylorFlow.Enclosure g = up.enclose(point("1"), new BigDecimal("0.05"), 4);
        BigDecimal widest = BigDecimal.ZERO;
        for (IntervalMatrix m : g.grid()) {
            widest = widest.max(m.get(0, 0).width());
        }
        assertEquals(0, widest.compareTo(g.maxWidth()));
        assertTrue(g.maxWidth().signum() > 0);
    }

    @Test
    void theRemainderIsTheNextCoefficientOverTheAprioriBoxTimesTheStepToThatPower() {
        // x' = -x, order 4: c_5(Z) = -Z / 5!, so from the point 1 the box after s = 0.05 is the (almost point)
        // Taylor polynomial plus an interval of width width(Z) s^5 / 120
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, decay()).withOrder(4);
        BigDecimal s = new BigDecimal("0.05");
        ValidatedTaylorFlow.Enclosure e = flow.enclose(point("1"), s, 1);
        Interval box = e.grid().get(1).get(0, 0);
        BigDecimal z = e.steps().get(0).apriori().get(0, 0).width();
        BigDecimal remainder = z.multiply(s.pow(5)).divide(new BigDecimal(120), MathContext.DECIMAL64);
        assertTrue(z.signum() > 0);
        assertTrue(box.width().compareTo(remainder.multiply(new BigDecimal("1.01"))) <= 0
                && box.width().compareTo(remainder.multiply(new BigDecimal("0.99"))) >= 0,
                "width " + box.width() + " vs width(Z) s^5 / 5! = " + remainder);
        ApfloatArithmetic ap = ApfloatArithmetic.digits(40);
        assertTrue(consistent(box, new BigDecimal(ap.exp(ap.parse("-0.05")).toString(true))), box.toString());
    }

    @Test
    void theEquilibriumIsEnclosedFromAPointStart() {
        // x' = -x at x = 0: every image is the point 0, and only the inflation's floor makes room around it
        ValidatedTaylorFlow.Enclosure e = ValidatedTaylorFlow.of(tr, decay()).enclose(point("0"), new BigDecimal("0.05"), 3);
        for (IntervalMatrix m : e.grid()) {
            assertTrue(m.get(0, 0).contains(BigDecimal.ZERO) && m.get(0, 0).width().compareTo(NARROW) < 0, m.toString());
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheirValues() {
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.of(tr, decay());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flow.enclose(point("1"), BigDecimal.ZERO, 3));
        assertEquals("eta must be > 0, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flow.enclose(point("1"), new BigDecimal("0.01"), -1));
        assertEquals("steps must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> flow.enclose(ia.fromStrings(2, 1, "1", "2"), new BigDecimal("0.01"), 1));
        assertEquals("theta0 must be a 1x1 vector, got 2x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> flow.enclose(ia.fromStrings(1, 2, "1", "2"), new BigDecimal("0.01"), 1));
        assertEquals("theta0 must be a 1x1 vector, got 1x2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flow.withOrder(0));
        assertEquals("order must be >= 1, got 0", e.getMessage());
        assertEquals(1, flow.withOrder(1).order());
        e = assertThrows(IllegalArgumentException.class, () -> flow.withMaxStep(BigDecimal.ZERO));
        assertEquals("maxStep must be > 0, got 0", e.getMessage());
        ValidatedTaylorFlow.Enclosure none = flow.enclose(point("1"), new BigDecimal("0.01"), 0);
        assertEquals(1, none.grid().size());
        assertEquals(0, none.steps().size());
        TracingArithmetic<Apfloat, ApMatrix> apTracer = TracingArithmetic.over(ApfloatArithmetic.digits(20));
        @SuppressWarnings({"unchecked", "rawtypes"})
        TracingArithmetic<Interval, IntervalMatrix> wrongBase = (TracingArithmetic) apTracer;
        e = assertThrows(IllegalArgumentException.class, () -> ValidatedTaylorFlow.of(wrongBase, decay()));
        assertTrue(e.getMessage().startsWith("the tracer's base must be an IntervalArithmetic, got apfloat"), e.getMessage());
        TracingArithmetic<Interval, IntervalMatrix> other = TracingArithmetic.over(ia);
        Quadratic<Traced, TracedMatrix> elsewhere = Quadratic.of(other, other.fromStrings(1, 1, "1"));
        e = assertThrows(IllegalArgumentException.class, () -> ValidatedTaylorFlow.gradientFlow(tr, elsewhere));
        assertTrue(e.getMessage().startsWith("objective must compute in the given tracing arithmetic, got "), e.getMessage());
        FullyConnected<Traced, TracedMatrix> relu = FullyConnected.of(tr, FlowFixtures.DATA, 3, 2, 1)
                .withActivation(FullyConnected.Activation.relu());
        e = assertThrows(IllegalArgumentException.class, () -> ValidatedTaylorFlow.gradientFlow(tr, relu));
        assertEquals("not a polynomial vector field: objective FullyConnected is not polynomial (isPolynomial() is false)",
                e.getMessage());
    }
}
