package gfgd.fig2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.Outcome;
import gfgd.claims.Plot;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Mnist;
import gfgd.objective.Quadratic;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class Fig2ClaimTest {

    private static final DoubleArithmetic A = DoubleArithmetic.INSTANCE;
    private static final int[] RATIOS = {2, 5, 10, 20};

    /** GD on a diagonal quadratic against its closed form, both in double over at most 2000 steps. */
    private static final double CLOSED_FORM_TOLERANCE = 1e-11;

    /** f = 1/2 x' diag(1, 0.5, 2) x, the start (1, 1, 1). */
    private static final double[] CURVATURES = {1, 0.5, 2};

    private static Quadratic<Double, DMatrixRMaj> quadratic() {
        DMatrixRMaj m = A.zeros(3, 3);
        for (int i = 0; i < 3; i++) {
            A.set(m, i, i, CURVATURES[i]);
        }
        return Quadratic.of(A, m, A.zeros(3, 1));
    }

    private static DMatrixRMaj start() {
        return A.vector(new double[] {1, 1, 1});
    }

    private static StepRefinement.Comparison quadraticComparison(double eta, int steps, int samples) {
        Quadratic<Double, DMatrixRMaj> q = quadratic();
        StepRefinement.Trajectory reference = StepRefinement.sample(q, start(), eta, steps, samples, 1, null);
        List<StepRefinement.Trajectory> refined = new ArrayList<>();
        for (int r : RATIOS) {
            refined.add(StepRefinement.sample(q, start(), eta / r, (long) r * steps, samples, 1, null));
        }
        return StepRefinement.compare(reference, refined, RATIOS);
    }

    /** ||x_eta(k) - x_{eta/r}(r k)|| / ||x_eta(k) - x_0|| by the closed form (1 - eta lambda)^k per coordinate. */
    private static double closedFormRatio(double eta, int r, int k) {
        double gap = 0;
        double travelled = 0;
        for (double lambda : CURVATURES) {
            double coarse = Math.pow(1 - eta * lambda, k);
            double fine = Math.pow(1 - eta / r * lambda, (double) r * k);
            gap += (coarse - fine) * (coarse - fine);
            travelled += (coarse - 1) * (coarse - 1);
        }
        return Math.sqrt(gap / travelled);
    }

    @Test
    void ratiosOnAQuadraticEqualTheClosedFormAndFollowTheFirstOrderLaw() {
        double eta = 0.01;
        StepRefinement.Comparison c = quadraticComparison(eta, 100, 10);
        assertEquals(11, c.times().length);
        assertEquals(1.0, c.times()[10], 1e-15);
        for (int i = 0; i < RATIOS.length; i++) {
            double expected = 0;
            for (int k = 10; k <= 100; k += 10) {
                expected = Math.max(expected, closedFormRatio(eta, RATIOS[i], k));
            }
            assertEquals(expected, c.maxRelDistance()[i], CLOSED_FORM_TOLERANCE * expected, "r = " + RATIOS[i]);
            assertTrue(c.maxRelDistance()[i] > 0 && c.maxRelDistance()[i] <= Fig2Check.THRESHOLD);
        }
        // eta lambda_max = 0.02: the second-order spread is O(eta lambda), far below the tolerance and not zero
        assertTrue(c.firstOrderFit() > 0 && c.firstOrderFit() < Fig2Check.FIT_TOLERANCE, "fit " + c.firstOrderFit());
        assertTrue(StepRefinement.holds(c, Fig2Check.THRESHOLD, Fig2Check.FIT_TOLERANCE));
        // the fit shrinks with the step, like eta (halving it halves the spread, to within 10%)
        double half = quadraticComparison(eta / 2, 200, 10).firstOrderFit();
        assertEquals(0.5, half / c.firstOrderFit(), 0.05);
    }

    @Test
    void firstOrderFitIsTheRelativeSpreadOfRatioOverOneMinusInverseR() {
        assertEquals(0.0, StepRefinement.firstOrderFit(RATIOS, new double[] {0.05, 0.08, 0.09, 0.095}), 1e-15);
        assertEquals(0.2, StepRefinement.firstOrderFit(RATIOS, new double[] {0.05, 0.08, 0.09, 0.095 * 0.8}), 1e-12);
        assertEquals(0.0, StepRefinement.firstOrderFit(RATIOS, new double[] {0, 0, 0, 0}));
        var e = assertThrows(IllegalArgumentException.class,
                () -> StepRefinement.firstOrderFit(new int[] {1, 2}, new double[] {0.1, 0.1}));
        assertEquals("ratios[0] must be >= 2, got 1", e.getMessage());
    }

    @Test
    void mismatchedRunsAreRejectedWithTheirValues() {
        Quadratic<Double, DMatrixRMaj> q = quadratic();
        StepRefinement.Trajectory reference = StepRefinement.sample(q, start(), 0.01, 10, 5, 1, null);
        StepRefinement.Trajectory wrongStep = StepRefinement.sample(q, start(), 0.004, 20, 5, 1, null);
        var e = assertThrows(IllegalArgumentException.class,
                () -> StepRefinement.compare(reference, List.of(wrongStep), new int[] {2}));
        assertTrue(e.getMessage().contains("eta/2 = 0.005") && e.getMessage().contains("0.004"), e.getMessage());
        StepRefinement.Trajectory elsewhere = StepRefinement.sample(q, A.vector(new double[] {1, 1, 2}), 0.005, 20, 5,
                1, null);
        e = assertThrows(IllegalArgumentException.class,
                () -> StepRefinement.compare(reference, List.of(elsewhere), new int[] {2}));
        assertEquals("refined run 0 starts elsewhere than the reference run", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StepRefinement.sample(q, start(), 0.01, 15, 10, 1, null));
        assertEquals("steps must be a positive multiple of samples = 10, got 15", e.getMessage());
    }

    @Test
    void aDivergingRunStopsItsTrajectoryAndIsComparedOverTheCommonSamples() {
        // eta lambda_max = 3: the third coordinate grows like 2^k, the loss passes 1e12 times its start
        Quadratic<Double, DMatrixRMaj> q = quadratic();
        StepRefinement.Trajectory reference = StepRefinement.sample(q, start(), 1.5, 100, 100, 1, null);
        assertFalse(reference.completed());
        assertTrue(reference.status().startsWith("diverged at step"), reference.status());
        assertTrue(reference.size() > 2 && reference.size() < 101, "samples " + reference.size());
        StepRefinement.Trajectory fine = StepRefinement.sample(q, start(), 0.75, 200, 100, 1, null);
        StepRefinement.Comparison c = StepRefinement.compare(reference, List.of(fine), new int[] {2});
        assertEquals(reference.size(), c.times().length);
        assertTrue(c.maxRelDistance()[0] > Fig2Check.THRESHOLD);
    }

    @Test
    void reducedQuickCheckPassesAndItsEdgeOfStabilityControlFails() {
        Fig2Check.Setup setup = Fig2Check.Setup.quick().withSteps(50, 50, 50);
        Verdict check = Fig2Check.run(setup, Settings.quick(), false, 2, line -> { });
        assertEquals(Outcome.PASS, check.outcome(), check.reason());
        Verdict control = Fig2Check.run(setup, Settings.quick(), true, 2, line -> { });
        assertEquals(Outcome.FAIL, control.outcome());
        for (Fig2Check.Variant v : Fig2Check.VARIANTS) {
            assertEquals(1.9, control.figures().get("etaTimesLambdaMax0_" + v.name()), 1e-12);
            for (int r : Fig2Check.RATIOS) {
                double ratio = control.figures().get("maxRelDistance_r" + r + "_" + v.name());
                assertTrue(ratio > Fig2Check.THRESHOLD, v.name() + " r = " + r + ": control ratio " + ratio);
                assertTrue(check.figures().get("maxRelDistance_r" + r + "_" + v.name()) < ratio);
            }
        }
        assertTrue(control.reason().startsWith("maxRelDistance_r2 = "), control.reason());
        assertEquals(List.of("digits-1000-linear-loss", "digits-1000-linear-distance", "digits-1000-linear-ratio",
                "digits-1000-relu-loss", "digits-1000-relu-distance", "digits-1000-relu-ratio"),
                check.plots().stream().map(Plot::name).toList());
        assertEquals(check.plots().stream().map(Plot::name).toList(), control.plots().stream().map(Plot::name).toList());
    }

    @Test
    void figuresDoNotDependOnTheThreadCount() {
        Fig2Check.Setup setup = Fig2Check.Setup.quick().withSteps(4, 2, 4);
        Verdict one = Fig2Check.run(setup, Settings.quick(), false, 1, line -> { });
        Verdict two = Fig2Check.run(setup, Settings.quick(), false, 2, line -> { });
        assertEquals(one.figures(), two.figures());
        assertEquals(one.plots(), two.plots());
        Verdict otherSeed = Fig2Check.run(setup, Settings.quick().withSeed(7), false, 2, line -> { });
        assertFalse(one.figures().get("lossInitial_relu").equals(otherSeed.figures().get("lossInitial_relu")),
                "the seed draws the start");
    }

    @Test
    void thoroughPathRunsOnTheBundledMnistWithTinyIterationCounts() {
        Fig2Check.Setup setup = Fig2Check.Setup.thorough().withSteps(2, 2, 2);
        List<String> progress = new ArrayList<>();
        Verdict v = Fig2Check.run(setup, Settings.thorough(), false, 2, progress::add);
        assertEquals(Mnist.SAMPLES, v.figures().get("dataSamples"));
        assertEquals(784 * 50 + 50 * 50 + 50 * 10, v.figures().get("parameters"));
        assertEquals(1e-3, v.figures().get("eta0"));
        assertEquals(2e-3, v.figures().get("tFinal_relu"), 1e-18);
        assertTrue(v.figures().get("lambdaMax0_linear") > v.figures().get("lambdaMax0_relu"));
        assertTrue(v.plots().stream().allMatch(p -> p.name().startsWith("mnist-1000-")));
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("fig2: mnist-1000 relu eta/20: step 40 of 40")),
                String.join("\n", progress));
        assertEquals(Outcome.PASS, v.outcome(), v.reason());
    }
}
