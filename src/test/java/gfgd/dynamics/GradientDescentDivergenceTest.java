package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Quadratic;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Gradient descent's divergence limit {@code divergenceFactor * max(|f(theta_0)|, 1)} on the scalar
 * quadratic {@code f = x^2 / 2 - b x}, where a step of {@code eta = 3} maps the distance to the minimiser
 * {@code e = x - b} to {@code -2 e} exactly, so every loss {@code e^2 / 2 - b^2 / 2} along the run is known
 * in closed form.
 */
class GradientDescentDivergenceTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    private static Quadratic<Double, DMatrixRMaj> scalar(double b) {
        return Quadratic.of(D, D.fromDoubles(1, 1, 1), D.vector(b));
    }

    @Test
    void aLossEqualToTheLimitIsNotYetDivergence() {
        // b = 0, x0 = 1: losses 1/2, 2, 8, 32; the limit 8 max(1/2, 1) = 8 is reached at step 2, exceeded at 3
        GradientDescent.Result<Double, DMatrixRMaj> r = GradientDescent.of(scalar(0), 3.0).withDivergenceFactor(8)
                .run(D.vector(1), 100);
        assertEquals(GradientDescent.Status.DIVERGED, r.status());
        assertFalse(r.completed());
        assertEquals(3, r.steps());
        assertEquals("diverged at step 3: loss = 32.0 exceeds 8.0 (divergenceFactor 8.0 x max(|initial loss 0.5|, 1))",
                r.reason());
        assertEquals(0.5, r.initialLoss());
        assertEquals(32.0, r.finalLoss());
        assertEquals(-8.0, r.state().get(0, 0));
    }

    @Test
    void theLimitScalesWithTheMagnitudeOfANegativeInitialLoss() {
        // b = 4, x0 = 4.5: e = 1/2, -1, 2, -4, 8, -16; losses e^2/2 - 8 = -7.875, -7.5, -6, 0, 24, 120;
        // the limit 4 |-7.875| = 31.5 is first exceeded at step 5
        GradientDescent.Result<Double, DMatrixRMaj> r = GradientDescent.of(scalar(4), 3.0).withDivergenceFactor(4)
                .run(D.vector(4.5), 100);
        assertEquals(5, r.steps());
        assertEquals("diverged at step 5: loss = 120.0 exceeds 31.5 (divergenceFactor 4.0 x max(|initial loss -7.875|, 1))",
                r.reason());
        assertEquals(-7.875, r.initialLoss());
    }

    @Test
    void aLossBeyondDoubleRangeIsDivergenceEvenWithoutALimit() {
        // apfloat never overflows: x is multiplied by 1 - eta, which rounds to -(10^100) at 30 working digits,
        // and the loss x^2 / 2 leaves the double range at step 2 (5e399)
        ApfloatArithmetic ap = ApfloatArithmetic.digits(20);
        Quadratic<Apfloat, ApMatrix> f = Quadratic.of(ap, ap.fromStrings(1, 1, "1"));
        Apfloat eta = ap.parse("1e100");
        GradientDescent.Result<Apfloat, ApMatrix> r = GradientDescent.of(f, eta)
                .withDivergenceFactor(Double.POSITIVE_INFINITY).run(ap.fromStrings(1, 1, "1"), 10);
        assertEquals(GradientDescent.Status.DIVERGED, r.status());
        assertEquals(2, r.steps());
        assertTrue(r.reason().startsWith("diverged at step 2: loss = 5") && r.reason().endsWith("e399 is not finite as a double"),
                r.reason());
    }

    @Test
    void aNonFiniteStateIsNamedWithItsEntryAndTheFinalLossIsItsLoss() {
        // x -> (1 - 1e200) x overflows at step 2; the loss, checked every 3 steps, was last evaluated at the start
        GradientDescent.Result<Double, DMatrixRMaj> r = GradientDescent.of(scalar(0), 1e200).withCheckEvery(3)
                .withDivergenceFactor(Double.POSITIVE_INFINITY).run(D.vector(1), 10);
        assertEquals(2, r.steps());
        assertEquals("diverged at step 2: state entry [0] = Infinity", r.reason());
        // the loss of that state, not the last checked one: x^2 / 2 - 0 x is Infinity - NaN there
        assertTrue(Double.isNaN(r.finalLoss()), "final loss " + r.finalLoss());
        assertEquals(0.5, r.initialLoss());
    }

    @Test
    void sparseChecksStillCheckTheLastStep() {
        // checks every 4 steps and at the last (10): the final loss is the loss at step 10
        Quadratic<Double, DMatrixRMaj> f = scalar(0);
        GradientDescent.Result<Double, DMatrixRMaj> r = GradientDescent.of(f, 0.5).withCheckEvery(4).run(D.vector(1), 10);
        assertTrue(r.completed());
        assertEquals("completed 10 steps", r.reason());
        assertEquals(Math.pow(0.5, 10), r.state().get(0, 0), 0.0);
        assertEquals(Math.pow(0.25, 10) / 2, r.finalLoss(), 0.0);
    }

    @Test
    void aStartWithANonFiniteLossIsRejected() {
        Quadratic<Double, DMatrixRMaj> huge = Quadratic.of(D, D.fromDoubles(1, 1, 1e300), D.vector(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.of(huge, 0.1).run(D.vector(1e10), 3));
        assertEquals("f(theta0) must be finite, got Infinity", e.getMessage());
    }

    @Test
    void progressAndHandlersSeeTheRun() {
        Quadratic<Double, DMatrixRMaj> f = scalar(0);
        List<String> seen = new ArrayList<>();
        GridHandler<DMatrixRMaj> h = new GridHandler<>() {
            @Override
            public void init(DMatrixRMaj theta0, double eta) {
                seen.add("init " + theta0.get(0, 0) + " " + eta);
            }

            @Override
            public void handleStep(long k, DMatrixRMaj theta) {
                seen.add(k + ": " + theta.get(0, 0));
            }
        };
        GradientDescent.of(f, 0.5).withProgress(2, (k, total) -> seen.add("progress " + k + "/" + total)).run(D.vector(1), 5, h);
        assertEquals(List.of("init 1.0 0.5", "0: 1.0", "1: 0.5", "2: 0.25", "progress 2/5", "3: 0.125", "4: 0.0625",
                "progress 4/5", "5: 0.03125"), seen);
    }

    /** {@code f = |x|^2 / 2} on R^2 that, unlike the objectives of gfgd.objective, computes on any shape. */
    private static final class Lax implements gfgd.objective.Objective<Double, DMatrixRMaj> {
        @Override
        public gfgd.numeric.Arithmetic<Double, DMatrixRMaj> arithmetic() {
            return D;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public Double value(DMatrixRMaj x) {
            return D.dot(x, x) / 2;
        }

        @Override
        public DMatrixRMaj gradient(DMatrixRMaj x) {
            return D.copy(x);
        }

        @Override
        public DMatrixRMaj hessianVectorProduct(DMatrixRMaj x, DMatrixRMaj v) {
            return D.copy(v);
        }
    }

    @Test
    void theMethodsCheckTheStateShapeThemselvesEvenForAnObjectiveThatDoesNot() {
        GradientDescent<Double, DMatrixRMaj> gd = GradientDescent.of(new Lax(), 0.5);
        assertEquals(0.5, gd.step(D.vector(1, 0)).get(0, 0), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gd.step(D.vector(1, 2, 3)));
        assertEquals("theta must be a 2x1 vector, got 3x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gd.run(D.vector(1, 2, 3), 2));
        assertEquals("theta must be a 2x1 vector, got 3x1", e.getMessage());
        Euler<Double, DMatrixRMaj> euler = gd.asEuler();
        e = assertThrows(IllegalArgumentException.class, () -> euler.step(D.vector(1, 2, 3)));
        assertEquals("theta must be a 2x1 vector, got 3x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> euler.iterate(D.vector(1, 2, 3), 2));
        assertEquals("theta must be a 2x1 vector, got 3x1", e.getMessage());
        // zero steps: the start itself, as a new vector
        DMatrixRMaj x0 = D.vector(1, 2);
        DMatrixRMaj same = euler.iterate(x0, 0);
        assertTrue(same != x0);
        assertEquals(2.0, same.get(1, 0), 0.0);
        assertEquals(0.25, euler.iterate(x0, 2).get(0, 0), 0.0);
    }

    @Test
    void accessorsAndConstructionChecks() {
        Quadratic<Double, DMatrixRMaj> f = scalar(0);
        GradientDescent<Double, DMatrixRMaj> gd = GradientDescent.of(f, 0.25).withSampleEvery(3).withCheckEvery(7)
                .withDivergenceFactor(50);
        assertSame(f, gd.objective());
        assertEquals(0.25, gd.eta());
        assertEquals(3, gd.sampleEvery());
        assertEquals(7, gd.checkEvery());
        assertEquals(50, gd.divergenceFactor());
        assertEquals(GradientDescent.DEFAULT_DIVERGENCE_FACTOR, GradientDescent.of(f, 0.25).divergenceFactor());
        assertEquals("GradientDescent(eta=0.25, " + f + ")", gd.toString());
        Euler<Double, DMatrixRMaj> euler = gd.asEuler();
        assertEquals(0.25, euler.stepSize());
        assertSame(f, ((GradientFlow<Double, DMatrixRMaj>) euler.field()).objective());
        assertEquals(0.75, euler.step(D.vector(1)).get(0, 0), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.of(null, 0.1));
        assertEquals("objective must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.of(f, null));
        assertEquals("eta must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Euler.of(null, 0.1));
        assertEquals("field must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientFlow.of(null));
        assertEquals("objective must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gd.withProgress(1, null));
        assertEquals("progress must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> euler.step(D.vector(1, 2)));
        assertEquals("theta must be a 1x1 vector, got 2x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> euler.iterate(D.fromDoubles(1, 2, 1, 2), 1));
        assertEquals("theta must be a 1x1 vector, got 1x2", e.getMessage());
        DMatrixRMaj nan = D.vector(1, 2);
        nan.set(1, 0, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.of(Quadratic.of(D, D.fromDoubles(2, 2, 1, 0, 0, 1)), 0.1)
                .run(nan, 1));
        assertEquals("theta0 must be finite, got [1] = NaN", e.getMessage());
        GradientFlow<Double, DMatrixRMaj> g = GradientFlow.of(f);
        assertSame(D, g.arithmetic());
        assertEquals("GradientFlow(" + f + ")", g.toString());
    }
}
