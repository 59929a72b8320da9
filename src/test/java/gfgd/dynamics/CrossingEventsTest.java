package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.DoubleArithmetic;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CrossingEventsTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** The toy field is linear on each side of the kink, so DOP853 is exact there up to roundoff. */
    private static final double EXACT_UP_TO_ROUNDOFF = 1e-12;

    /** Locating the kink must beat stepping over it by at least this factor (measured: ~1e5). */
    private static final double LOCATING_GAIN = 10;

    /** Floor for the located error, which can be exactly 0. */
    private static final double ROUNDOFF_FLOOR = 1e-16;

    /** The crossing time is located to the event accuracy (1e-13) plus roundoff. */
    private static final double LOCATION = 1e-12;

    /**
     * {@code x' = -1, y' = (x > 0 ? 1 : -slope)}: x crosses 0 at {@code t* = x0}, then
     * {@code y(T) = y0 + x0 - slope (T - x0)}; switching function x.
     */
    private record Kinked(double slope) implements PiecewiseSmoothField<Double, DMatrixRMaj> {
        @Override
        public Arithmetic<Double, DMatrixRMaj> arithmetic() {
            return D;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public DMatrixRMaj derivative(DMatrixRMaj s, boolean[] positive) {
            return D.vector(-1, positive[0] ? 1 : -slope);
        }

        @Override
        public double[] switchingRates(DMatrixRMaj s, boolean[] positive, DMatrixRMaj v) {
            return new double[] {v.get(0, 0)};
        }

        @Override
        public int switchingCount() {
            return 1;
        }

        @Override
        public double[] switching(DMatrixRMaj s, boolean[] positive) {
            return new double[] {s.get(0, 0)};
        }
    }

    @Test
    void kinkIsCrossedAtTheLocatedTimeAndTheFlowStaysExact() {
        double x0 = 0.3;
        double t = 1;
        double slope = 2.5;
        List<double[]> events = new ArrayList<>();
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults()
                .withCrossingListener((time, index, state, value) -> events.add(new double[] {time, index, value}))
                .solve(new Kinked(slope), D.vector(x0, 0), t);
        assertEquals(1, r.crossings());
        assertEquals(1, events.size());
        assertEquals(x0, events.get(0)[0], LOCATION);
        assertEquals(0, events.get(0)[1]);
        assertEquals(0, events.get(0)[2], LOCATION);
        assertEquals(x0 - t, r.theta().get(0, 0), EXACT_UP_TO_ROUNDOFF);
        assertEquals(x0 - slope * (t - x0), r.theta().get(1, 0), EXACT_UP_TO_ROUNDOFF);
        assertTrue(r.errorEstimate() <= EXACT_UP_TO_ROUNDOFF, "estimate " + r.errorEstimate());
    }

    @Test
    void noCrossingIsReportedWhenThePatternDoesNotChange() {
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().solve(new Kinked(2), D.vector(3, 0), 1);
        assertEquals(0, r.crossings());
        assertEquals(1, r.theta().get(1, 0), EXACT_UP_TO_ROUNDOFF);
    }

    @Test
    void steppingOverTheKinkBlindlyIsLessAccurateThanLocatingIt() {
        double x0 = 0.3;
        double slope = 2.5;
        Kinked kinked = new Kinked(slope);
        VectorField<Double, DMatrixRMaj> blind = TestObjectives.field(D, 2, theta -> kinked.derivative(theta));
        double exact = x0 - slope * (1 - x0);
        double located = Math.abs(DormandPrinceFlow.defaults().solve(kinked, D.vector(x0, 0), 1).theta().get(1, 0) - exact);
        double stepped = Math.abs(DormandPrinceFlow.defaults().solve(blind, D.vector(x0, 0), 1).theta().get(1, 0) - exact);
        assertTrue(stepped > LOCATING_GAIN * Math.max(located, ROUNDOFF_FLOOR), "blind " + stepped + " vs located " + located);
    }

    /**
     * {@code x' = (x > 0 ? -1 : 1), y' = (x > 0 ? 1 : 3)}: both sides push onto {@code x = 0}, where the
     * Filippov field is {@code (0, 2)} (lambda = 1/2); from {@code (x0, 0)}, {@code y(T) = x0 + 2 (T - x0)}.
     */
    private record Attracting() implements PiecewiseSmoothField<Double, DMatrixRMaj> {
        @Override
        public Arithmetic<Double, DMatrixRMaj> arithmetic() {
            return D;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public DMatrixRMaj derivative(DMatrixRMaj s, boolean[] positive) {
            return positive[0] ? D.vector(-1, 1) : D.vector(1, 3);
        }

        @Override
        public double[] switchingRates(DMatrixRMaj s, boolean[] positive, DMatrixRMaj v) {
            return new double[] {v.get(0, 0)};
        }

        @Override
        public int switchingCount() {
            return 1;
        }

        @Override
        public double[] switching(DMatrixRMaj s, boolean[] positive) {
            return new double[] {s.get(0, 0)};
        }
    }

    @Test
    void slidingModeFollowsTheFilippovField() {
        double x0 = 0.3;
        double t = 1;
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().solve(new Attracting(), D.vector(x0, 0), t);
        assertEquals(1, r.crossings());
        assertEquals(0, r.theta().get(0, 0), EXACT_UP_TO_ROUNDOFF);
        assertEquals(x0 + 2 * (t - x0), r.theta().get(1, 0), EXACT_UP_TO_ROUNDOFF);
    }
}
