package gfgd.thm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.Settings;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class Thm2ClaimTest {

    private static final Settings QUICK = Settings.quick();

    @Test
    void closedFormOfTheBalancedScalarNetIsReproducedToOneInAMillion() {
        for (int n = 2; n <= 4; n++) {
            double[] start = {0.01, 0.01, 0.01, 0.01};
            var t = CurvatureAlongFlow.trajectory(CurvatureAlongFlow.scalarNet(n), 0.01, java.util.Arrays.copyOf(start, n), true);
            assertEquals(CurvatureAlongFlow.closedFormIntegral(n, 0.01), t.integral(), Thm2Check.CLOSED_FORM_TOLERANCE, "N = " + n);
        }
        // the brief's values for N = 3
        assertEquals(-3.484485, CurvatureAlongFlow.closedFormIntegral(3, 0.1), 1e-6);
        assertEquals(-8.088655, CurvatureAlongFlow.closedFormIntegral(3, 0.01), 1e-6);
        assertEquals(-12.693824, CurvatureAlongFlow.closedFormIntegral(3, 0.001), 1e-6);
    }

    @Test
    void explicitFamiliesReachMinusAMillionAtTheirExactValues() {
        Thm2Check.AcrossSpace a = Thm2Check.acrossSpace(QUICK);
        assertTrue(a.mostNegative() <= Thm2Check.ACROSS_SPACE_TARGET, a.toString());
        assertTrue(a.maxExactGap() <= Thm2Check.EXACT_VALUE_TOLERANCE, a.toString());
        assertEquals(Thm2Check.BRIEF_NORM_B, CurvatureAlongFlow.normB(Datasets.briefExample()), Thm2Check.BRIEF_NORM_B_TOLERANCE);
    }

    @Test
    void pointwiseBoundHoldsAtRandomPointsAndIsNearlyAttained() {
        double r = Thm2Check.maxBoundRatioAtRandomPoints(Datasets.briefExample(), 50, 3);
        assertTrue(r <= Thm2Check.BOUND_RATIO_LIMIT, "ratio " + r);
        assertTrue(r > 0.9, "N = 2 attains the bound up to rounding, ratio " + r);
    }

    @Test
    void pointwiseSmallnessIsRefutedAlongTheFlow() {
        // brief 3c.1: min_t lambda_min is about -||b|| for N = 2 at every alpha, not -delta(alpha) -> 0
        DeepLinear<Double, DMatrixRMaj> f = Thm2Check.net(Thm2Check.WIDTHS[0]);
        double[] g = Thm2Check.direction(QUICK, f.dimension(), 2, 0);
        var t = CurvatureAlongFlow.trajectory(f, 0.001, Thm2Check.scaled(g, 0.001), false);
        assertFalse(Thm2Check.pointwiseSmall(t));
        assertEquals(-CurvatureAlongFlow.normB(Datasets.briefExample()), t.minLambdaMin(), 0.02);
        assertTrue(t.maxBoundRatio() <= Thm2Check.BOUND_RATIO_LIMIT);
    }

    @Test
    void gradientPowerBoundHoldsNearBalanceAndFailsOnUnbalancedInit() {
        DeepLinear<Double, DMatrixRMaj> f = Thm2Check.net(Thm2Check.WIDTHS[1]);
        double[] g = Thm2Check.direction(QUICK, f.dimension(), 3, 0);
        List<CurvatureAlongFlow.Trajectory> balanced = new ArrayList<>();
        for (double alpha : Thm2Check.alphas(QUICK)) {
            balanced.add(CurvatureAlongFlow.trajectory(f, alpha, Thm2Check.scaled(g, alpha), false));
        }
        double[] near = Thm2Check.gradientPower(balanced);
        assertTrue(Thm2Check.gradientPowerHolds(near), near[0] + ", growth " + near[1]);
        double[] unbalanced = Thm2Check.gradientPower(Thm2Check.unbalancedFamily(QUICK));
        assertFalse(Thm2Check.gradientPowerHolds(unbalanced));
        assertTrue(unbalanced[1] > 5, "F1 grows like alpha^-1/2: about 10x over two decades, got " + unbalanced[1]);
    }

    @Test
    void slopeAndBandOfAFamilyWithExactlyLogarithmicIntegralAreExact() {
        // synthetic trajectories int = -(N-1) ln(1/alpha) + c_k: slope N-1, band 0
        List<List<CurvatureAlongFlow.Trajectory>> perDepth = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            List<CurvatureAlongFlow.Trajectory> dir = new ArrayList<>();
            for (double alpha : new double[] {0.1, 0.01, 0.001}) {
                dir.add(new CurvatureAlongFlow.Trajectory(3, alpha, -2 * Math.log(1 / alpha) + k, 0, 0, 0, null));
            }
            perDepth.add(dir);
        }
        assertEquals(2.0, Thm2Check.pooledSlope(perDepth), 1e-12);
        assertEquals(0.0, Thm2Check.bandWidth(perDepth), 1e-12);
    }
}
