package gfgd.prop1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.dynamics.GradientDescent;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.ObjectiveContract;
import java.util.Map;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class FamilyBTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(40);

    /**
     * Polar and Cartesian GD agree to this (absolute, on points of norm ~1): each of at most 400 steps
     * rounds both by a few units of 1e-16, and at m = 4 the radial error grows by at most e^{mt} = e^4.
     */
    private static final double POLAR_VS_CARTESIAN = 1e-11;

    /** Central differences at 60 digits with h = 1e-20 are exact to ~1e-40; 1e-30 relative leaves margin. */
    private static final double DERIVATIVE_TOLERANCE = 1e-30;

    /** The brief's escape distances at m = 8 are printed to three significant digits. */
    private static final double BRIEF_THREE_DIGITS = 6e-3;

    private static final CircleSaddle M4 = CircleSaddle.repelling(4, Prop1Check.C, Prop1Check.PHI0);

    @Test
    void polarStepIsCartesianGradientDescentInDoubleAndInApfloat() {
        double t = 1;
        int k = 400;
        double eta = t / k;
        CircleSaddleObjective<Double, DMatrixRMaj> fd = new CircleSaddleObjective<>(D, "4", "1");
        CircleSaddleObjective<Apfloat, ApMatrix> fa = new CircleSaddleObjective<>(AP, "4", "1");
        DMatrixRMaj pd = D.vector(0, 1);
        ApMatrix pa = AP.fromStrings(2, 1, "0", "1");
        GradientDescent<Double, DMatrixRMaj> gd = GradientDescent.of(fd, eta);
        GradientDescent<Apfloat, ApMatrix> ga = GradientDescent.of(fa, AP.exact(eta));
        CircleSaddle.Polar s = M4.start();
        for (int j = 1; j <= k; j++) {
            s = M4.step(s, eta);
            pd = gd.run(pd, 1).state();
            pa = ga.run(pa, 1).state();
            double[] polar = s.cartesian();
            double[] ap = AP.toDoubles(pa);
            assertEquals(ap[0], pd.get(0), POLAR_VS_CARTESIAN, "double vs apfloat Cartesian, step " + j);
            assertEquals(ap[0], polar[0], POLAR_VS_CARTESIAN, "polar, x, step " + j);
            assertEquals(ap[1], polar[1], POLAR_VS_CARTESIAN, "polar, y, step " + j);
            assertTrue(s.rho() >= 0, "GD stays on or outside the circle");
        }
        // the distance formula is the Euclidean distance to the flow's point
        double psi = M4.flowAngle(t);
        double[] p = s.cartesian();
        assertEquals(Math.hypot(p[0] - Math.cos(psi), p[1] - Math.sin(psi)), CircleSaddle.distance(s, psi), 1e-14);
        assertEquals(CircleSaddle.distance(s, psi), M4.distanceAt(t, k), 0.0);
    }

    @Test
    void objectiveDerivativesMatchCentralDifferences() {
        ApfloatArithmetic ap = ApfloatArithmetic.digits(60);
        CircleSaddleObjective<Apfloat, ApMatrix> f = new CircleSaddleObjective<>(ap, "7", "1.5");
        for (String[] p : new String[][] {{"0.3", "1.1"}, {"-0.9", "0.2"}, {"1.4", "-0.6"}}) {
            ApMatrix theta = ap.fromStrings(2, 1, p);
            ObjectiveContract.assertGradientMatchesCentralDifferences(f, theta, "1e-20", DERIVATIVE_TOLERANCE);
            ObjectiveContract.assertHessianVectorProductMatchesCentralDifferences(f, theta,
                    ap.fromStrings(2, 1, "0.7", "-0.4"), "1e-20", DERIVATIVE_TOLERANCE);
        }
    }

    @Test
    void theFlowStaysOnTheCircleAndSolvesItsEquation() {
        // on the circle grad f = (c sin phi) phi_hat: tangent, so phi' = -c sin phi
        CircleSaddleObjective<Double, DMatrixRMaj> f = new CircleSaddleObjective<>(D, "4", "1");
        for (double t : new double[] {0, 0.3, 1, 2.5}) {
            double phi = M4.flowAngle(t);
            DMatrixRMaj g = f.gradient(D.vector(Math.cos(phi), Math.sin(phi)));
            assertEquals(0, g.get(0) * Math.cos(phi) + g.get(1) * Math.sin(phi), 1e-15, "radial part at t = " + t);
            double h = 1e-5;
            double derivative = (M4.flowAngle(t + h) - M4.flowAngle(t - h)) / (2 * h);
            assertEquals(-Math.sin(phi), derivative, 1e-9, "phi' = -c sin phi at t = " + t);
        }
        assertEquals(Math.PI / 2, M4.flowAngle(0), 1e-15);
    }

    @Test
    void briefsBisectedTableIsReproducedWithinItsTolerance() {
        for (Map.Entry<Integer, Long> e : Prop1Check.BRIEF_B.entrySet()) {
            long k = Prop1Check.familyBPoint(e.getKey(), 1, false).kStar();
            double rel = Math.abs(k - e.getValue()) / (double) e.getValue();
            assertTrue(rel <= Prop1Check.BRIEF_B_RELATIVE, "m = " + e.getKey() + ": k* = " + k + " vs " + e.getValue());
        }
        // exact here: 10845 and 67223 where the brief's 0.05% bisection printed 10848 and 67232
        assertEquals(10845, Prop1Check.familyBPoint(10, 1, false).kStar());
    }

    @Test
    void theThresholdIsTheLeastStepCountWithinEps() {
        for (double[] mt : new double[][] {{1, 1}, {4, 1}, {8, 1}, {4, 2}}) {
            CircleSaddle b = CircleSaddle.repelling(mt[0], Prop1Check.C, Prop1Check.PHI0);
            long k = b.threshold(mt[1], Prop1Check.EPS_B);
            assertTrue(b.distanceAt(mt[1], k) <= Prop1Check.EPS_B, "at k*");
            assertTrue(b.distanceAt(mt[1], k - 1) > Prop1Check.EPS_B, "before k*");
            assertTrue(b.distanceAt(mt[1], k + 1) <= Prop1Check.EPS_B, "after k* (locally monotone)");
        }
    }

    @Test
    void gradientDescentLeavesTheCircleAtLargerSteps() {
        // the brief at m = 8: 0.0999, 0.379, 1.23, 2.43 at eta*, 4, 16, 64 eta*
        CircleSaddle b = CircleSaddle.repelling(8, Prop1Check.C, Prop1Check.PHI0);
        long k = b.threshold(1, Prop1Check.EPS_B);
        assertEquals(1801, k);
        double[] brief = {0.0999, 0.379, 1.23, 2.43};
        for (int i = 0; i < brief.length; i++) {
            int f = Prop1Check.ESCAPE_FACTORS[i];
            double d = b.distanceAt(1, (k + f - 1) / f);
            assertEquals(brief[i], d, brief[i] * BRIEF_THREE_DIGITS, "at " + f + " eta*");
        }
    }

    @Test
    void attractingCircleNeedsNoExponentiallySmallStep() {
        // the convex counterpart at m = 12: a handful of steps suffices (stability needs eta m < 2)
        CircleSaddle b = CircleSaddle.attracting(12, Prop1Check.C, Prop1Check.PHI0);
        assertTrue(b.threshold(1, Prop1Check.EPS_B) <= 12);
        assertEquals(Double.POSITIVE_INFINITY, CircleSaddle.attracting(100, 1, 1).distanceAt(2, 20),
                "eta m = 10: GD diverges");
    }

    @Test
    void badInputsAreNamed() {
        assertEquals("m must be positive and finite, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> CircleSaddle.repelling(-1, 1, 0)).getMessage());
        assertEquals("t must be positive and finite, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> M4.threshold(0, 0.1)).getMessage());
        assertEquals("eps must be positive and finite, got -0.1", assertThrows(IllegalArgumentException.class,
                () -> M4.threshold(1, -0.1)).getMessage());
        assertEquals("k must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> M4.distanceAt(1, 0)).getMessage());
        CircleSaddleObjective<Double, DMatrixRMaj> f = new CircleSaddleObjective<>(D, "4", "1");
        assertEquals("f is singular at the origin, got p = (0, 0)", assertThrows(IllegalArgumentException.class,
                () -> f.gradient(D.vector(0, 0))).getMessage());
    }
}
