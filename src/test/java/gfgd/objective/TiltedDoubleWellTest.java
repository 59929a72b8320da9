package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.curvature.DenseSpectrum;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import java.util.Random;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TiltedDoubleWellTest {

    /** Central differences with h = 1e-20 at 60 digits: truncation ~1e-40, rounding ~1e-40, far below this. */
    private static final double CENTRAL_DIFFERENCE_TOLERANCE = 1e-25;

    private static final String CENTRAL_DIFFERENCE_STEP = "1e-20";

    /** Double and apfloat evaluate the same few-term formulas: a few ulps of 2^-53. */
    private static final double CROSS_ARITHMETIC_TOLERANCE = 1e-13;

    /** The analytic Hessian is exact in apfloat (only dyadic constants and one product). */
    private static final double EXACT = 1e-50;

    /** Sampled Lipschitz ratios may touch the bound only up to rounding of the double computation. */
    private static final double LIPSCHITZ_ROUNDING = 1e-12;

    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(60);
    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    private static final double[][] POINTS = {{0.05, 0}, {-1.3, 0.7}, {0.9, -0.45}, {2.25, 1.5}};
    private static final double[] DIRECTION = {0.6, -1.7};

    @Test
    void satisfiesTheObjectiveContractAtSeveralPoints() {
        TiltedDoubleWell<Apfloat, ApMatrix> f = TiltedDoubleWell.of(AP);
        for (double[] p : POINTS) {
            ApMatrix x = AP.vector(p);
            ObjectiveContract.assertGradientMatchesCentralDifferences(f, x, CENTRAL_DIFFERENCE_STEP,
                    CENTRAL_DIFFERENCE_TOLERANCE);
            ObjectiveContract.assertHessianVectorProductMatchesCentralDifferences(f, x, AP.vector(DIRECTION),
                    CENTRAL_DIFFERENCE_STEP, CENTRAL_DIFFERENCE_TOLERANCE);
            ObjectiveContract.assertHessianMatchesCentralDifferences(f, x, CENTRAL_DIFFERENCE_STEP,
                    CENTRAL_DIFFERENCE_TOLERANCE);
            ObjectiveContract.assertHessianSymmetricAndConsistent(f, x, AP.vector(DIRECTION),
                    CENTRAL_DIFFERENCE_TOLERANCE);
            ObjectiveContract.assertArithmeticsAgree(TiltedDoubleWell.of(D), f, p, DIRECTION,
                    CROSS_ARITHMETIC_TOLERANCE);
        }
    }

    @Test
    void hessianIsTheClosedForm() {
        TiltedDoubleWell<Apfloat, ApMatrix> f = TiltedDoubleWell.of(AP);
        for (double[] p : POINTS) {
            double x = p[0];
            ApMatrix expected = AP.fromStrings(2, 2, AP.toString(AP.sub(AP.mul(AP.of(3), AP.mul(AP.exact(x),
                    AP.exact(x))), AP.ratio(3, 4))), "-0.5", "-0.5", "1");
            assertTrue(ObjectiveContract.relativeError(AP, expected, f.hessian(AP.vector(p))) <= EXACT,
                    () -> "Hessian at (" + p[0] + ", " + p[1] + ")");
        }
    }

    @Test
    void valueAndGradientAreTheFormulas() {
        TiltedDoubleWell<Double, DMatrixRMaj> f = TiltedDoubleWell.of(D);
        DMatrixRMaj z = D.vector(2, 3);
        // f(2, 3) = (4 - 1)^2 / 4 + (3 - 1)^2 / 2 = 9/4 + 2; grad = (8 - 2 - 1, 2)
        assertEquals(4.25, f.value(z), 0);
        assertEquals(5, D.get(f.gradient(z), 0, 0), 0);
        assertEquals(2, D.get(f.gradient(z), 1, 0), 0);
        assertTrue(f.isPolynomial());
        assertEquals(2, f.dimension());
    }

    @Test
    void minimaAreStationaryAndTheOriginIsASaddle() {
        TiltedDoubleWell<Double, DMatrixRMaj> f = TiltedDoubleWell.of(D);
        assertEquals(0, D.norm(f.gradient(D.vector(1, 0.5))), 0);
        assertEquals(0, D.norm(f.gradient(D.vector(-1, -0.5))), 0);
        assertTrue(DenseSpectrum.ofHessian(f, D.vector(0, 0)).min() < -0.8);
        assertTrue(DenseSpectrum.ofHessian(f, D.vector(1, 0.5)).min() > 0);
    }

    @Test
    void hessianLipschitzBoundHoldsOnSampledPairsInTheBall() {
        TiltedDoubleWell<Double, DMatrixRMaj> f = TiltedDoubleWell.of(D);
        Random r = new Random(7);
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            double[] c = {4 * r.nextGaussian(), 4 * r.nextGaussian()};
            double rad = 3 * r.nextDouble();
            double lip = TiltedDoubleWell.hessianLipschitzOnBall(c, rad);
            double[] z = pointInBall(r, c, rad);
            double[] w = pointInBall(r, c, rad);
            double dist = Math.hypot(z[0] - w[0], z[1] - w[1]);
            DMatrixRMaj diff = D.minus(f.hessian(D.vector(z)), f.hessian(D.vector(w)));
            double[] eig = DenseSpectrum.of(diff).values();
            double op = Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1]));
            worst = Math.max(worst, op / (lip * dist));
        }
        assertTrue(worst <= 1 + LIPSCHITZ_ROUNDING, "worst sampled ratio " + worst);
        // the constant is attained: x = c_x + r and x' -> c_x + r along the x axis
        double[] c = {0.5, 0};
        double lip = TiltedDoubleWell.hessianLipschitzOnBall(c, 1);
        double h = 1e-6;
        double ratio = (3 * 1.5 * 1.5 - 3 * (1.5 - h) * (1.5 - h)) / h / lip;
        assertTrue(ratio > 0.999, "the bound is sharp at the ball's edge: " + ratio);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TiltedDoubleWell.hessianLipschitzOnBall(new double[] {0, 0}, -1));
        assertTrue(e.getMessage().contains("-1"));
        e = assertThrows(IllegalArgumentException.class,
                () -> TiltedDoubleWell.hessianLipschitzOnBall(new double[] {Double.NaN, 0}, 1));
        assertTrue(e.getMessage().contains("NaN"));
        e = assertThrows(IllegalArgumentException.class,
                () -> TiltedDoubleWell.of(D).gradient(D.vector(1, 2, 3)));
        assertTrue(e.getMessage().contains("3x1"));
    }

    private static double[] pointInBall(Random r, double[] c, double rad) {
        double angle = 2 * Math.PI * r.nextDouble();
        double rho = rad * Math.sqrt(r.nextDouble());
        return new double[] {c[0] + rho * Math.cos(angle), c[1] + rho * Math.sin(angle)};
    }

    @Test
    void parametersOfAnotherShapeAreRefusedByEveryEvaluation() {
        TiltedDoubleWell<Double, DMatrixRMaj> f = TiltedDoubleWell.of(D);
        DMatrixRMaj three = D.vector(1, 2, 3);
        String expected = "theta must be a 2x1 vector, got 3x1";
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> f.value(three)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> f.hessianVectorProduct(three, D.vector(1, 0))).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> f.hessian(three)).getMessage());
        assertEquals("TiltedDoubleWell(double)", f.toString());
    }

    @Test
    void theLipschitzBoundAcceptsAZeroRadiusAndRefusesANonFiniteCentre() {
        // 6 (|c_x| + r) = 6 at c = (1, 5), r = 0: rounded up by a few ulps
        double l = TiltedDoubleWell.hessianLipschitzOnBall(new double[] {1, 5}, 0);
        assertTrue(l >= 6 && l <= 6 * (1 + 1e-15), "L = " + l);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TiltedDoubleWell.hessianLipschitzOnBall(new double[] {1, Double.NaN}, 1));
        assertEquals("centre must be finite, got (1.0, NaN)", e.getMessage());
        assertEquals("centre must have 2 entries, got null", assertThrows(IllegalArgumentException.class,
                () -> TiltedDoubleWell.hessianLipschitzOnBall(null, 1)).getMessage());
        assertEquals("centre must have 2 entries, got 3", assertThrows(IllegalArgumentException.class,
                () -> TiltedDoubleWell.hessianLipschitzOnBall(new double[3], 1)).getMessage());
    }
}
