package gfgd.dln;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.dynamics.DormandPrinceFlow;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.Datasets;
import gfgd.objective.LeastSquares;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DlnTest {

    /** The brief quotes its data's constants to 6-7 digits. */
    private static final double BRIEF_DIGITS = 5e-6;

    @Test
    void leastSquaresOnTheBriefDataMatchesTheBrief() {
        LeastSquares ls = LeastSquares.of(Datasets.briefExample());
        assertEquals(0.060989, ls.fStar(), BRIEF_DIGITS);
        assertArrayEquals(new double[] {0.820072, -0.211045, -0.080601}, ls.w(), BRIEF_DIGITS);
        assertEquals(1.235014, ls.bNorm(), BRIEF_DIGITS);
        assertEquals(1.4777, ls.sxxMax(), 1e-4);
        assertTrue(ls.sxxMinPositive() > 0 && ls.sxxMinPositive() <= ls.sxxMax());
    }

    @Test
    void underdeterminedDataInterpolate() {
        Dataset two = Dataset.of("two samples in 3-d", 2, 3, 1, new double[] {1, 0, 2, 0, 1, -1}, new double[] {3, -2});
        LeastSquares ls = LeastSquares.of(two);
        assertEquals(0, ls.fStar(), 1e-28);
        var e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.of(
                Datasets.gaussianRegression(4, 2, 2, 0.1, 1)));
        assertTrue(e.getMessage().contains("got 2 outputs"), e.getMessage());
    }

    @Test
    void theBudgetScalesLikeAlphaToTheMinusNMinusTwoAndLikeLogForDepthTwo() {
        double b = 1.5;
        assertEquals(100, Budget.escapeTime(3, 1e-3, b) / Budget.escapeTime(3, 1e-1, b), 1e-9);
        assertEquals(1e4, Budget.escapeTime(4, 1e-3, b) / Budget.escapeTime(4, 1e-1, b), 1e-6);
        assertEquals(Math.log(10) / b, Budget.escapeTime(2, 1e-3, b) - Budget.escapeTime(2, 1e-2, b), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> Budget.escapeTime(3, 0.1, 0));
        assertTrue(e.getMessage().endsWith("got 0.0"), e.getMessage());
    }

    @Test
    void pooledFitsRecoverExactLaws() {
        List<Scaling.Point> power = new ArrayList<>();
        List<Scaling.Point> log = new ArrayList<>();
        for (long g = 1; g <= 3; g++) {
            for (double a : new double[] {0.1, 0.01, 0.001}) {
                power.add(new Scaling.Point(g, a, 7 * g * Math.pow(a, -2)));
                log.add(new Scaling.Point(g, a, 100 * g + 16.7 * Math.log(1 / a)));
            }
        }
        assertEquals(2, Scaling.pooledExponent(power), 1e-12);
        assertEquals(16.7 * Math.log(10), Scaling.incrementPerDecade(log), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Scaling.pooledExponent(List.of(new Scaling.Point(1, 0.1, 5))));
    }

    @Test
    void twoZeroLayersAreACriticalPointAndTheSignBalancedStartStaysBalanced() {
        Problem zero = DegenerateStarts.twoZeroLayers(Datasets.briefExample(), BriefSweep.widths(4), 0.1, 7);
        DMatrixRMaj g = zero.objective().gradient(zero.theta0());
        assertEquals(0, DoubleArithmetic.INSTANCE.toDouble(DoubleArithmetic.INSTANCE.dot(g, g)));
        Convergence.Run stuck = Convergence.descent(zero, 0.05, 1e-4, 1000);
        assertFalse(stuck.reached());
        assertEquals(1.0, stuck.gapRatio(), "GD does not move");
        Problem balanced = DegenerateStarts.signBalancedScalar(3, 0.1);
        Convergence.Run run = Convergence.descent(balanced, 0.05, 1e-4, 2000);
        double[] end = run.end().data;
        assertEquals(end[0], end[1]);
        assertEquals(-end[0], end[2], "the symmetry is exact in IEEE arithmetic");
        assertTrue(run.gapRatio() > 0.9, "heads for the saddle 0 where f = 1/2 = f(0) - f* nearly");
    }

    @Test
    void descentAndFlowReachTheGapAndAgreeOnTheTimeScale() {
        Problem p = Problem.of(Datasets.briefExample(), BriefSweep.widths(3),
                new NearZeroStart(NearZeroStart.Distribution.GAUSSIAN, 0.1, 3));
        double eta = 0.01;
        Convergence.Run gd = Convergence.descent(p, eta, 1e-4, 100_000);
        Convergence.Run gf = Convergence.flow(p, DormandPrinceFlow.defaults().withoutErrorEstimate(), 1e-4,
                Budget.time(p, 1e-4));
        assertTrue(gd.reached() && gf.reached(), gd + " / " + gf);
        assertTrue(gd.gapRatio() <= 1e-4 && gf.gapRatio() <= 1e-4);
        assertEquals(gf.hit(), gd.hit() * eta, 0.05 * gf.hit(), "GD at a small step follows GF in time k eta");
    }

    @Test
    void badArgumentsAreNamed() {
        Problem p = DegenerateStarts.signBalancedScalar(2, 0.1);
        assertEquals("eps must be in (0, 1), got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Convergence.descent(p, 0.1, 1.5, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NearZeroStart(NearZeroStart.Distribution.UNIFORM, -1, 0));
        var wide = assertThrows(IllegalArgumentException.class, () -> DegenerateStarts.twoZeroLayers(
                Datasets.briefExample(), new int[] {3, 2, 1}, 0.1, 0));
        assertTrue(wide.getMessage().contains("depth >= 3"), wide.getMessage());
    }

    @Test
    void uniformAndGaussianStartsHaveTheSameScale() {
        int[] widths = {8, 8, 8, 1};
        double a = 0.01;
        double[] g = new NearZeroStart(NearZeroStart.Distribution.GAUSSIAN, a, 5).point(widths).values();
        double[] u = new NearZeroStart(NearZeroStart.Distribution.UNIFORM, a, 5).point(widths).values();
        assertEquals(a, rms(g), 0.15 * a);
        assertEquals(a, rms(u), 0.15 * a);
    }

    private static double rms(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }
}
