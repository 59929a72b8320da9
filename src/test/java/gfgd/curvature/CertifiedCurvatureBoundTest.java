package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.dynamics.ValidatedTaylorFlow;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.Quadratic;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * CertifiedCurvatureBound against closed forms: the Rayleigh-quotient bound on small interval matrices, and the
 * profile along the flow of f = theta' diag(-1, 2) theta / 2 from (1, 1/10), where theta(t) = (e^t, e^-2t / 10),
 * lambda_- = -1, ||H grad f|| = ||(e^t, 0.4 e^-2t)|| and ||grad f|| = ||(e^t, 0.2 e^-2t)||, so
 * B(t) = 1/2 int_0^t e^(t - s) ||H grad f||(s) ds.
 */
class CertifiedCurvatureBoundTest {

    private static final IntervalArithmetic A = IntervalArithmetic.digits(30);
    private static final BigDecimal TAU = new BigDecimal("0.01");

    private static double hgNorm(double s) {
        return Math.hypot(Math.exp(s), 0.4 * Math.exp(-2 * s));
    }

    /** B(t) by Simpson's rule on 2000 intervals (error far below 1e-10 for t <= 1). */
    private static double curvatureBound(double t) {
        int m = 2000;
        double h = t / m;
        double sum = 0;
        for (int k = 0; k <= m; k++) {
            double s = k * h;
            double w = k == 0 || k == m ? 1 : k % 2 == 1 ? 4 : 2;
            sum += w * Math.exp(t - s) * hgNorm(s);
        }
        return 0.5 * sum * h / 3;
    }

    private static ValidatedTaylorFlow flow() {
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(A);
        return ValidatedTaylorFlow.gradientFlow(tr, Quadratic.of(tr, tr.fromStrings(2, 2, "-1", "0", "0", "2")));
    }

    private static Quadratic<Interval, IntervalMatrix> objective() {
        return Quadratic.of(A, A.fromStrings(2, 2, "-1", "0", "0", "2"));
    }

    @Test
    void theProfileEnclosesTheClosedFormAtEveryGridTime() {
        ValidatedTaylorFlow flow = flow();
        int r = 4;
        int n = 6;
        ValidatedTaylorFlow.Enclosure fine = flow.enclose(A.fromStrings(2, 1, "1", "0.1"), TAU, (long) n * r);
        CertifiedCurvatureBound.Profile p = CertifiedCurvatureBound.along(A, objective(), flow, fine, r);
        assertEquals(n + 1, p.bLo().size());
        assertEquals(n + 1, p.bHi().size());
        assertEquals(n + 1, p.lambda().size());
        assertEquals(n + 1, p.gradient().size());
        assertEquals(n + 1, p.hessian().size());
        assertEquals(0.0, p.bLo().get(0).doubleValue(), 0.0);
        assertEquals(0.0, p.bHi().get(0).doubleValue(), 0.0);
        for (int j = 0; j <= n; j++) {
            double t = 0.04 * j;
            double b = curvatureBound(t);
            double lo = p.bLo().get(j).doubleValue();
            double hi = p.bHi().get(j).doubleValue();
            assertTrue(lo <= b && b <= hi, "j = " + j + ": B = " + b + " not in [" + lo + ", " + hi + "]");
            assertTrue(hi - lo <= 0.05 * b, "j = " + j + ": [" + lo + ", " + hi + "] is wider than first order in tau");
            // -int_0^t lambda_- = t, bounded above
            double lambda = p.lambda().get(j).doubleValue();
            assertTrue(lambda >= t && lambda <= t + 1e-9, "j = " + j + ": lambda " + lambda);
            // ||H||_2 = 2 everywhere
            double h = p.hessian().get(j).doubleValue();
            assertTrue(h >= 2 && h <= 2 + 1e-9, "j = " + j + ": ||H|| " + h);
            // ||grad f|| grows: its max up to t_j and over the piece after t_j is at t_(j+1) (the last entry repeats)
            double tEnd = 0.04 * Math.min(j + 1, n);
            double g = Math.hypot(Math.exp(tEnd), 0.2 * Math.exp(-2 * tEnd));
            double gj = p.gradient().get(j).doubleValue();
            assertTrue(gj >= g && gj <= g * 1.005, "j = " + j + ": max ||grad f|| " + gj + " vs " + g);
        }
    }

    @Test
    void onePiecePerStepAndTheDivisibilityOfTheGrid() {
        ValidatedTaylorFlow flow = flow();
        ValidatedTaylorFlow.Enclosure fine = flow.enclose(A.fromStrings(2, 1, "1", "0.1"), TAU, 4);
        CertifiedCurvatureBound.Profile p = CertifiedCurvatureBound.along(A, objective(), flow, fine, 1);
        assertEquals(5, p.lambda().size());
        double lambda = p.lambda().get(4).doubleValue();
        assertTrue(lambda >= 0.04 && lambda <= 0.04 + 1e-9, "lambda " + lambda);
        for (int r : new int[] {0, 3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CertifiedCurvatureBound.along(A, objective(), flow, fine, r));
            assertEquals("pieces per step must be >= 1 and divide the grid, got " + r, e.getMessage());
        }
    }

    @Test
    void theRayleighQuotientOfAPointMatrixIsItsLeastEigenvalueFromAbove() {
        // [[2, 1], [1, 2]]: lambda_min = 1, eigenvector (1, -1) / sqrt 2 in double
        BigDecimal u = CertifiedCurvatureBound.upperBoundOfMin(A, A.fromStrings(2, 2, "2", "1", "1", "2"));
        assertTrue(u.compareTo(BigDecimal.ONE) >= 0 && u.doubleValue() - 1 < 1e-14, "bound " + u);
    }

    @Test
    void theLeastEigenvectorIsChosenWhereverItStands() {
        String[][] diagonals = {{"3", "-1", "2"}, {"-1", "3", "2"}, {"2", "3", "-1"}};
        for (String[] g : diagonals) {
            IntervalMatrix h = A.zeros(3, 3);
            for (int i = 0; i < 3; i++) {
                A.set(h, i, i, A.parse(g[i]));
            }
            BigDecimal u = CertifiedCurvatureBound.upperBoundOfMin(A, h);
            assertTrue(u.compareTo(BigDecimal.ONE.negate()) >= 0 && u.doubleValue() + 1 < 1e-14, String.join(",", g) + ": bound " + u);
        }
    }

    @Test
    void aNonSymmetricIntervalMatrixIsBoundedOverTheHullOfItsTwoTriangles() {
        // h_01 = 1.5 and h_10 = 0.5: the members [[2, x], [x, 2]], x in [0.5, 1.5], have lambda_min = 2 - x up to 1.5;
        // the midpoint's eigenvector is (1, -1) / sqrt 2, whose quotient over the hull reaches 2 - 0.5 = 1.5
        for (String[] entries : new String[][] {{"2", "1.5", "0.5", "2"}, {"2", "0.5", "1.5", "2"}}) {
            BigDecimal u = CertifiedCurvatureBound.upperBoundOfMin(A, A.fromStrings(2, 2, entries));
            assertTrue(u.compareTo(new BigDecimal("1.5")) >= 0 && u.doubleValue() - 1.5 < 1e-14, "bound " + u);
        }
    }
}
