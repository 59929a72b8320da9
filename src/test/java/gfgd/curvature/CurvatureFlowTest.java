package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.dynamics.DormandPrinceFlow;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Quadratic;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** CurvatureFlow's rescaled field at hand-computed states, its state layout, and when its run stops. */
class CurvatureFlowTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    private static Quadratic<Double, DMatrixRMaj> diagonal(double a, double b) {
        return Quadratic.of(D, D.fromDoubles(2, 2, a, 0, 0, b));
    }

    /** f = 1/2 theta' 0 theta - (3, 4)' theta: the gradient is -(3, 4) everywhere, of norm exactly 5. */
    private static Quadratic<Double, DMatrixRMaj> tilt() {
        return Quadratic.of(D, D.zeros(2, 2), D.vector(3, 4));
    }

    @Test
    void theFieldAtAHandComputedState() {
        // diag(-1, 2) at theta = (1, 1): grad = (-1, 2), r = sqrt 5 / sqrt 2 + 2 + 1e-12, lambda_min = -1
        CurvatureFlow c = CurvatureFlow.of(diagonal(-1, 2));
        DMatrixRMaj u = D.vector(1, 1, 7, -3);
        double r = Math.sqrt(5) / Math.sqrt(2) + 2 + CurvatureFlow.RATE_FLOOR;
        assertArrayEquals(new double[] {1 / r, -2 / r, 1 / r, -1 / r}, c.derivative(u).data, 1e-15);
        assertEquals(4, c.dimension());
        assertSame(DoubleArithmetic.INSTANCE, c.arithmetic());
        assertArrayEquals(new double[] {1, 1}, c.theta(u).data, 0.0);
        assertEquals(7, c.time(u), 0.0);
        assertEquals(-3, c.integral(u), 0.0);
    }

    @Test
    void aNegativeDefiniteFieldAtTheOriginRunsAtTheRateFloor() {
        // diag(-1, -2) at 0: no gradient, lambda_max < 0, so r = RATE_FLOOR: dt/ds = 1e12, dz/ds = -2 / 1e-12
        CurvatureFlow c = CurvatureFlow.of(diagonal(-1, -2));
        DMatrixRMaj out = c.derivative(D.vector(0, 0, 0, 0));
        assertArrayEquals(new double[] {0, 0, 1e12, -2e12}, out.data, 1e-3);
    }

    @Test
    void theStartStateCarriesThetaAndZeroClockAndIntegral() {
        CurvatureFlow c = CurvatureFlow.of(diagonal(-1, 2));
        assertArrayEquals(new double[] {0.5, -2, 0, 0}, c.start(D.vector(0.5, -2)).data, 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.start(D.vector(1, 2, 3)));
        assertEquals("theta must be a 2x1 vector, got 3x1", e.getMessage());
    }

    @Test
    void aRunStopsAtTheFirstChunkWhoseGradientIsAtMostTheStop() {
        // the gradient norm is 5 everywhere: a stop of exactly 5 ends the run after one chunk of 2 x 0.5
        CurvatureFlow c = CurvatureFlow.of(tilt());
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.of(tilt());
        CurvatureFlow.Run run = c.run(DormandPrinceFlow.defaults(), D.vector(1, 0), 0.5, 2, 5.0, 100, p);
        assertTrue(run.converged());
        assertEquals(1.0, run.clock(), 0.0);
        assertEquals(3, p.size(), "samples k = 0, 1, 2 of the single chunk");
        assertEquals(0.0, run.integral(), 0.0, "lambda_- = 0 for H = 0");
    }

    @Test
    void aRunStopsWhenTheClockReachesItsLimitExactly() {
        // never converged (||grad|| = 5 > 1): the clock reaches maxClock = 1 after one chunk of 2 x 0.5; each
        // later chunk's first sample repeats the previous chunk's last and is recorded once
        CurvatureFlow c = CurvatureFlow.of(tilt());
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.of(tilt());
        CurvatureFlow.Run one = c.run(DormandPrinceFlow.defaults(), D.vector(1, 0), 0.5, 2, 1.0, 1.0, p);
        assertFalse(one.converged());
        assertEquals(1.0, one.clock(), 0.0);
        assertEquals(3, p.size());
        CurvatureProfile<Double, DMatrixRMaj> q = CurvatureProfile.of(tilt());
        CurvatureFlow.Run three = c.run(DormandPrinceFlow.defaults(), D.vector(1, 0), 0.5, 2, 1.0, 2.5, q);
        assertFalse(three.converged());
        assertEquals(3.0, three.clock(), 0.0);
        assertEquals(7, q.size());
        // theta' = (3, 4) in t: the time and the parameters agree with the straight line
        assertEquals(three.time(), (three.theta().data[1]) / 4, 1e-9);
        assertEquals(1 + 3 * three.time(), three.theta().data[0], 1e-9);
        assertTrue(three.time() > 0);
        CurvatureFlow.Run quiet = c.run(DormandPrinceFlow.defaults(), D.vector(1, 0), 0.5, 2, 1.0, 1.0, null);
        assertEquals(one.time(), quiet.time(), 0.0, "no profile, the same run");
    }

    @Test
    void badRunArgumentsAreRejectedNamingThem() {
        CurvatureFlow c = CurvatureFlow.of(tilt());
        DormandPrinceFlow s = DormandPrinceFlow.defaults();
        DMatrixRMaj t = D.vector(1, 0);
        assertEquals("ds must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> c.run(s, t, 0, 2, 1, 1, null)).getMessage());
        assertEquals("chunk must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> c.run(s, t, 1, 0, 1, 1, null)).getMessage());
        assertEquals("gradientStop must be positive and finite, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> c.run(s, t, 1, 2, -1, 1, null)).getMessage());
        assertEquals("maxClock must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> c.run(s, t, 1, 2, 1, 0, null)).getMessage());
    }
}
