package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.Dataset;
import gfgd.objective.DeepLinear;
import gfgd.objective.TiltedDoubleWell;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

class ValidatedTaylorFlowTest {

    /** The precision for validated enclosures. */
    private static final int DIGITS = 50;
    /** At 50 digits over t <= 2 the boxes must stay far narrower than anything a check resolves. */
    private static final BigDecimal NARROW = new BigDecimal("1e-35");
    /** A small deep linear net: widths 3-1-1 on the brief's explicit data (4 parameters). */
    private static final int[] NET_WIDTHS = {3, 1, 1};
    private static final Dataset DATA = Dataset.ofText("brief", 5, 3, 1, FlowFixtures.X, FlowFixtures.Y);
    private static final String[] NET_START = {"0.3", "-0.2", "0.4", "0.5"};

    private final IntervalArithmetic ia = IntervalArithmetic.digits(DIGITS);

    private static BigDecimal decimal(Apfloat x) {
        return new BigDecimal(x.toString(true));
    }

    /**
     * Whether the box is consistent with a reference value {@code v} known to within {@code r}: both contain
     * the exact value, so the box must meet {@code [v - r, v + r]}.
     */
    private static boolean consistent(Interval box, BigDecimal v, BigDecimal r) {
        return box.lo().compareTo(v.add(r)) <= 0 && v.subtract(r).compareTo(box.hi()) <= 0;
    }

    @Test
    void enclosuresContainTheQuadraticsClosedForm() {
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(ia);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, FlowFixtures.quadratic(tr, FlowFixtures.INDEFINITE));
        ValidatedTaylorFlow.Enclosure e = flow.enclose(ia.fromStrings(3, 1, FlowFixtures.START), new BigDecimal("0.1"), 20);
        assertEquals(21, e.grid().size());
        ApfloatArithmetic ap = ApfloatArithmetic.digits(80);
        QuadraticFlow<Apfloat, ApMatrix> exact = QuadraticFlow.of(FlowFixtures.quadratic(ap, FlowFixtures.INDEFINITE));
        for (int j : new int[] {1, 7, 20}) {
            FlowResult<ApMatrix> r = exact.solve(ap.fromStrings(3, 1, FlowFixtures.START), ap.parse(new BigDecimal("0.1").multiply(BigDecimal.valueOf(j)).toPlainString()));
            BigDecimal err = new BigDecimal(r.errorEstimate()).max(new BigDecimal("1e-70"));
            for (int i = 0; i < 3; i++) {
                Interval box = e.grid().get(j).get(i, 0);
                assertTrue(consistent(box, decimal(r.theta().get(i, 0)), err), "t = " + j + "/10, component " + i + ": " + box);
            }
        }
        assertTrue(e.maxWidth().compareTo(NARROW) < 0, "max width " + e.maxWidth());
    }

    @Test
    void enclosuresContainTheFortyDigitTaylorFlowOfADeepLinearNet() {
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(ia);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, DeepLinear.of(tr, DATA, NET_WIDTHS));
        ValidatedTaylorFlow.Enclosure e = flow.enclose(ia.fromStrings(4, 1, NET_START), new BigDecimal("0.25"), 4);
        ApfloatArithmetic ap = ApfloatArithmetic.digits(40);
        TracingArithmetic<Apfloat, ApMatrix> at = TracingArithmetic.over(ap);
        FlowResult<ApMatrix> r = TaylorFlow.gradientFlow(at, DeepLinear.of(at, DATA, NET_WIDTHS))
                .solve(ap.fromStrings(4, 1, NET_START), ap.of(1));
        BigDecimal err = new BigDecimal(r.errorEstimate()).add(new BigDecimal("1e-40"));
        for (int i = 0; i < 4; i++) {
            Interval box = e.grid().get(4).get(i, 0);
            assertTrue(consistent(box, decimal(r.theta().get(i, 0)), err), "component " + i + ": " + ia.toString(box) + " vs " + decimal(r.theta().get(i, 0)) + " +- " + err);
        }
        assertTrue(e.maxWidth().compareTo(NARROW) < 0, "max width " + e.maxWidth());
    }

    @Test
    void aTooSmallBoxFailsTheAprioriTestAndTheFoundOnePasses() {
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(ia);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, TiltedDoubleWell.of(tr));
        Interval[] x = {ia.parse("0.05"), ia.parse("0")};
        BigDecimal h = new BigDecimal("0.05");
        assertFalse(flow.isAprioriEnclosure(x, x, h), "the start point alone cannot contain the moving solution");
        Interval[] z = flow.apriori(x, h);
        assertTrue(z != null);
        Interval[] y = {z[0].hull(ia.interval("0.0", "0.1")), z[1].hull(ia.interval("-0.05", "0.05"))};
        assertTrue(flow.isAprioriEnclosure(x, y, h));
    }

    @Test
    void withoutTheRemainderTheEnclosureMissesTheExactSolution() {
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(ia);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, FlowFixtures.quadratic(tr, FlowFixtures.INDEFINITE))
                .withOrder(6);
        IntervalMatrix start = ia.fromStrings(3, 1, FlowFixtures.START);
        ApfloatArithmetic ap = ApfloatArithmetic.digits(80);
        ApMatrix exact = QuadraticFlow.of(FlowFixtures.quadratic(ap, FlowFixtures.INDEFINITE))
                .solve(ap.fromStrings(3, 1, FlowFixtures.START), ap.one()).theta();
        BigDecimal x0 = decimal(exact.get(0, 0));
        Interval rigorous = flow.enclose(start, new BigDecimal("0.05"), 20).grid().get(20).get(0, 0);
        Interval truncated = flow.withoutRemainder().enclose(start, new BigDecimal("0.05"), 20).grid().get(20).get(0, 0);
        assertTrue(rigorous.contains(x0), rigorous + " must contain " + x0);
        assertFalse(truncated.contains(x0), "without the remainder " + truncated + " misses " + x0);
    }

    @Test
    void nonPolynomialFieldsAndBadArgumentsAreRejected() {
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(ia);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, TiltedDoubleWell.of(tr));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flow.enclose(ia.fromStrings(2, 1, "0", "0"), new BigDecimal("-0.1"), 3));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> flow.enclose(ia.fromStrings(3, 1, "0", "0", "0"), BigDecimal.ONE, 1));
    }
}
