package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.dynamics.ValidatedTaylorFlow;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.Quadratic;
import gfgd.objective.TiltedDoubleWell;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CertifiedComparison against hand computations: on a hand-made grid (every quantity a short decimal) and on
 * the validated flow of a diagonal quadratic, where GF, GD and the discrete bound all have closed forms.
 */
class CertifiedComparisonTest {

    private static final IntervalArithmetic A = IntervalArithmetic.digits(30);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static boolean near(BigDecimal x, String expected) {
        return x.subtract(d(expected)).abs().compareTo(d("1e-25")) < 0;
    }

    private static IntervalMatrix column(Interval... xs) {
        IntervalMatrix m = A.zeros(xs.length, 1);
        for (int i = 0; i < xs.length; i++) {
            A.set(m, i, 0, xs[i]);
        }
        return m;
    }

    private static IntervalMatrix point(String x) {
        return column(A.interval(x, x));
    }

    @Test
    void decideComparesTheEnclosuresEnds() {
        Interval zero = A.interval("0", "0");
        assertEquals(CertifiedComparison.Decision.CERTIFIED, CertifiedComparison.decide(zero, zero), "0 <= 0 is proved");
        assertEquals(CertifiedComparison.Decision.CERTIFIED,
                CertifiedComparison.decide(A.interval("0.1", "0.2"), A.interval("0.2", "0.3")), "hi(lhs) = lo(rhs)");
        assertEquals(CertifiedComparison.Decision.UNDECIDED,
                CertifiedComparison.decide(A.interval("0.1", "0.25"), A.interval("0.2", "0.3")));
        assertEquals(CertifiedComparison.Decision.UNDECIDED,
                CertifiedComparison.decide(A.interval("0.3", "0.4"), A.interval("0.2", "0.3")), "lo(lhs) = hi(rhs) is no violation");
        assertEquals(CertifiedComparison.Decision.REFUTED,
                CertifiedComparison.decide(A.interval("0.31", "0.4"), A.interval("0.2", "0.3")));
    }

    @Test
    void sixRoundsToSixSignificantDigitsHalfEven() {
        assertEquals("1.23457", CertifiedComparison.six(d("1.234565001")));
        assertEquals("1.23456", CertifiedComparison.six(d("1.234565")));
        assertEquals("0.000123457", CertifiedComparison.six(d("0.0001234567")));
    }

    /**
     * f = theta^2 / 2, eta = 1/2 (GD halves theta: 1, 1/2, 1/4, 1/8, 1/16) on a hand-made grid whose a-priori boxes are
     * the points 1, 2, 1/2, -3, so ||H grad f|| over step k is |box_k| and C_j = eta (t_j / 2) max over the steps that
     * start before t_j: C = 0, 1/8, 1/2, 3/4, 3/2.
     */
    @Test
    void theConvexControlCountsEachDecisionAndNamesTheFirstRefutation() {
        Quadratic<Interval, IntervalMatrix> f = Quadratic.of(A, A.fromStrings(1, 1, "1"));
        List<IntervalMatrix> grid = List.of(point("1"), point("0.7"), column(A.interval("0.6", "0.9")), point("0.225"),
                point("2.0625"));
        List<ValidatedTaylorFlow.Step> steps = List.of(
                new ValidatedTaylorFlow.Step(d("0"), d("0.5"), point("1")),
                new ValidatedTaylorFlow.Step(d("0.5"), d("1"), point("2")),
                new ValidatedTaylorFlow.Step(d("1"), d("1.5"), point("0.5")),
                new ValidatedTaylorFlow.Step(d("1.5"), d("2"), point("-3")));
        ValidatedTaylorFlow.Enclosure enc = new ValidatedTaylorFlow.Enclosure(d("0.5"), grid, steps, BigDecimal.ZERO);
        CertifiedComparison.Result r = CertifiedComparison.run(A, f, enc, true);
        // err_j = |GD_j - x_j| = 0, 0.2, [0.35, 0.65], 0.1, 2 against C_j = 0, 0.125, 0.5, 0.75, 1.5
        assertEquals(2, r.certified(), "j = 0 (0 <= 0) and j = 3");
        assertEquals(1, r.undecided(), "j = 2: [0.35, 0.65] straddles 0.5");
        assertEquals(2, r.refuted(), "j = 1 and j = 4");
        CertifiedComparison.Refutation first = r.firstRefutation();
        assertEquals(1, first.step());
        assertEquals(0, first.time().compareTo(d("0.5")));
        assertTrue(near(first.lhs().lo(), "0.2") && near(first.lhs().hi(), "0.2"), first.lhs().toString());
        assertTrue(near(first.rhs().lo(), "0.125") && near(first.rhs().hi(), "0.125"), first.rhs().toString());
        String[] c = {"0", "0.125", "0.5", "0.75", "1.5"};
        assertEquals(5, r.bounds().size());
        for (int j = 0; j < c.length; j++) {
            assertTrue(near(r.bounds().get(j), c[j]), "C_" + j + " = " + r.bounds().get(j));
        }
        assertTrue(near(r.finalErr().lo(), "2") && near(r.finalErr().hi(), "2"), r.finalErr().toString());
        assertTrue(near(r.finalBound().lo(), "1.5") && near(r.finalBound().hi(), "1.5"), r.finalBound().toString());
        assertTrue(near(A.get(r.gdT(), 0, 0).lo(), "0.0625") && near(A.get(r.gdT(), 0, 0).hi(), "0.0625"));
        assertSame(grid.get(4), r.thetaT());
        assertSame(grid, r.flowGrid());
        // margins (C_j - hi(err_j)) / C_j for j >= 2: (0.5 - 0.65) / 0.5, (0.75 - 0.1) / 0.75, (1.5 - 2) / 1.5
        assertEquals(-1.0 / 3, r.minMargin(), 1e-15);
        assertEquals(0.3, r.maxWidth(), 1e-15, "the width of err_2 = |1/4 - [0.6, 0.9]|");
    }

    @Test
    void aRunWithoutPositiveBoundsAfterTheSecondStepHasMarginZero() {
        Quadratic<Interval, IntervalMatrix> f = Quadratic.of(A, A.fromStrings(1, 1, "1"));
        // a flow standing still at 0 and GD from 0: every err_j and every C_j is 0, so every step is certified
        List<IntervalMatrix> grid = List.of(point("0"), point("0"), point("0"));
        List<ValidatedTaylorFlow.Step> steps = List.of(new ValidatedTaylorFlow.Step(d("0"), d("1"), point("0")));
        CertifiedComparison.Result r = CertifiedComparison.run(A, f,
                new ValidatedTaylorFlow.Enclosure(d("0.5"), grid, steps, d("0.001")), true);
        assertEquals(3, r.certified());
        assertEquals(0, r.undecided() + r.refuted());
        assertNull(r.firstRefutation());
        assertEquals(0.0, r.minMargin(), 0.0);
        assertEquals(0.001, r.maxWidth(), 0.0, "the enclosure's own width when nothing is wider");
    }

    /**
     * f = theta' diag(1, 3) theta / 2 from (1, 1), eta = 1/10: theta(t) = (e^-t, e^-3t), GD_j = (0.9^j, 0.7^j) exactly;
     * the Hessian is constant, so L = max(1 - eta, 3 eta - 1) = 0.9 and E_{j+1} = 0.9 E_j + delta_j with
     * delta_j = ||theta(j eta) (1 - eta a) - theta((j+1) eta)|| componentwise in closed form.
     */
    @Test
    void theDiscreteBoundOfADiagonalQuadraticIsItsClosedForm() {
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(A);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, Quadratic.of(tr, tr.fromStrings(2, 2, "1", "0", "0", "3")));
        Quadratic<Interval, IntervalMatrix> f = Quadratic.of(A, A.fromStrings(2, 2, "1", "0", "0", "3"));
        int n = 8;
        double eta = 0.1;
        double[] a = {1, 3};
        CertifiedComparison.Result r = CertifiedComparison.run(A, f, flow, A.fromStrings(2, 1, "1", "1"), d("0.1"), n, false);
        double e = 0;
        double minMargin = Double.POSITIVE_INFINITY;
        for (int j = 0; j <= n; j++) {
            double err = 0;
            double delta = 0;
            for (int i = 0; i < 2; i++) {
                double gf = Math.exp(-a[i] * eta * j);
                err += Math.pow(Math.pow(1 - eta * a[i], j) - gf, 2);
                delta += Math.pow(gf * (1 - eta * a[i] - Math.exp(-a[i] * eta)), 2);
            }
            err = Math.sqrt(err);
            assertEquals(e, r.bounds().get(j).doubleValue(), 1e-9 * e + 1e-25, "E_" + j);
            if (j >= 2) {
                minMargin = Math.min(minMargin, (e - err) / e);
            }
            if (j == n) {
                assertEquals(err, A.toDouble(r.finalErr()), 1e-15);
            }
            e = 0.9 * e + Math.sqrt(delta);
        }
        assertEquals(n + 1, r.certified(), "the bound is strict from j = 2 on and E_0 = err_0 = 0, E_1 = err_1 exactly");
        assertEquals(minMargin, r.minMargin(), 1e-9);
        assertTrue(minMargin > 0.01, "margin " + minMargin);
        assertTrue(A.get(r.gdT(), 0, 0).contains(d("0.9").pow(n)) && A.get(r.gdT(), 1, 0).contains(d("0.7").pow(n)));
        assertTrue(Math.abs(A.toDouble(A.get(r.thetaT(), 1, 0)) - Math.exp(-3 * eta * n)) < 1e-15);
        assertEquals(n + 1, r.flowGrid().size());
        assertTrue(r.maxWidth() < 1e-20 && r.maxWidth() >= A.maxWidth(r.gdT()).doubleValue(), "max width " + r.maxWidth());
    }

    /**
     * f = theta' diag(-1, 2) theta / 2 from (1, 1/10): ||H grad f|| = ||(e^t, 0.4 e^-2t)|| grows, so the control
     * C_j = eta (t_j / 2) max ||H grad f|| takes its max over the step that ends at t_j: at least
     * ||H grad f(theta(t_j))|| and at most that times the a-priori box's slack (well below the 5% growth over the
     * next step of 1/20, which a box of the step starting at t_j would add).
     */
    @Test
    void theConvexControlTakesTheMaxOverTheStepsBeforeEachGridTime() {
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(A);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, Quadratic.of(tr, tr.fromStrings(2, 2, "-1", "0", "0", "2")));
        Quadratic<Interval, IntervalMatrix> f = Quadratic.of(A, A.fromStrings(2, 2, "-1", "0", "0", "2"));
        int n = 6;
        double eta = 0.1;
        CertifiedComparison.Result r = CertifiedComparison.run(A, f, flow, A.fromStrings(2, 1, "1", "0.1"), d("0.1"), n, true);
        assertEquals(0.0, r.bounds().get(0).doubleValue(), 0.0);
        for (int j = 1; j <= n; j++) {
            double t = eta * j;
            double hg = Math.hypot(Math.exp(t), 0.4 * Math.exp(-2 * t));
            double c = r.bounds().get(j).doubleValue() / (eta * t / 2);
            assertTrue(c >= hg && c <= hg * 1.03, "j = " + j + ": max ||H grad f|| " + c + " vs " + hg);
        }
        assertEquals(0, r.refuted());
    }

    /** lambda_min (sign -1) or lambda_max (+1) of [[a, -1/2], [-1/2, 1]]. */
    private static double tiltedEigenvalue(double a, int sign) {
        return (a + 1) / 2 + sign * Math.hypot((a - 1) / 2, 0.5);
    }

    /**
     * The tilted double well, H = [[3x^2 - 3/4, -1/2], [-1/2, 1]], on a hand-made grid with eta = 1/10: the Hessian
     * is bounded over the box theta_j +- E_j, where 3x^2 - 3/4 spans [3 (x - E)^2 - 3/4, 3 (x + E)^2 - 3/4]; the
     * certified bounds are the midpoint's eigenvalues moved out by that half-width (Weyl), so
     * L_j = max(1 - eta lo_j, eta hi_j - 1) and E_{j+1} = L_j E_j + delta_j follow by hand.
     */
    @Test
    void theDiscreteBoundUsesTheHessianOverTheBallOfRadiusE() {
        TiltedDoubleWell<Interval, IntervalMatrix> f = TiltedDoubleWell.of(A);
        double[][] xs = {{0.5, 0.2}, {0.45, 0.25}, {0.4, 0.3}, {0.35, 0.3}};
        List<IntervalMatrix> grid = new java.util.ArrayList<>();
        for (double[] x : xs) {
            grid.add(column(A.exact(x[0]), A.exact(x[1])));
        }
        ValidatedTaylorFlow.Enclosure enc = new ValidatedTaylorFlow.Enclosure(d("0.1"), grid, List.of(), BigDecimal.ZERO);
        CertifiedComparison.Result r = CertifiedComparison.run(A, f, enc, false);
        double eta = 0.1;
        double e = 0;
        for (int j = 0; j < xs.length; j++) {
            assertEquals(e, r.bounds().get(j).doubleValue(), 1e-9 * e, "E_" + j);
            if (j + 1 == xs.length) {
                break;
            }
            double x = xs[j][0];
            double y = xs[j][1];
            double gx = x * x * x - x - (y - x / 2) / 2;
            double gy = y - x / 2;
            double delta = Math.hypot(x - eta * gx - xs[j + 1][0], y - eta * gy - xs[j + 1][1]);
            double h11Lo = 3 * (x - e) * (x - e) - 0.75;
            double h11Hi = 3 * (x + e) * (x + e) - 0.75;
            double mid = (h11Lo + h11Hi) / 2;
            double radius = (h11Hi - h11Lo) / 2;
            double lo = tiltedEigenvalue(mid, -1) - radius;
            double hi = tiltedEigenvalue(mid, 1) + radius;
            e = Math.max(1 - eta * lo, eta * hi - 1) * e + delta;
        }
        assertTrue(e > 0.05, "the boxes grow to radius " + e + ", so the Hessian's spread matters");
    }
}
