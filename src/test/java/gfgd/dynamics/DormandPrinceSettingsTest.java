package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.DoubleArithmetic;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.exception.MathIllegalStateException;
import org.junit.jupiter.api.Test;

/**
 * {@link DormandPrinceFlow}'s settings and its piecewise integration on toy fields with closed forms:
 * slides along a kink that end on either side, a dip of a switching function that only frequent enough
 * checks see, and the documented error estimate.
 */
class DormandPrinceSettingsTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** Fields linear in time on each piece and a smooth sliding field: DOP853 at 1e-12 is this close. */
    private static final double CLOSED_FORM = 1e-9;

    /** A located event time: the event accuracy 1e-13 plus the integration error. */
    private static final double EVENT_TIME = 1e-9;

    private abstract static class Toy implements PiecewiseSmoothField<Double, DMatrixRMaj> {
        @Override
        public Arithmetic<Double, DMatrixRMaj> arithmetic() {
            return D;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public int switchingCount() {
            return 1;
        }

        @Override
        public double[] switching(DMatrixRMaj s, boolean[] positive) {
            return new double[] {s.get(0, 0)};
        }

        @Override
        public double[] switchingRates(DMatrixRMaj s, boolean[] positive, DMatrixRMaj v) {
            return new double[] {v.get(0, 0)};
        }
    }

    /**
     * State {@code (x, y, tau)}, {@code tau' = 1}, switching function {@code x}. Above the kink
     * {@code x' = -1, y' = 1}; below it {@code x' = 1/2 - tau, y' = 0}. From {@code (0.1, 0, 0)} the state
     * reaches the kink at {@code t = 0.1}, where both sides push onto it: it slides with
     * {@code lambda = (1/2 - tau) / (3/2 - tau)} ({@code y' = lambda}) until the lower field stops pushing at
     * {@code t = 1/2}, and leaves downwards: {@code x(1) = -1/8}, {@code y(1) = 1/2 - ln(1.4)}.
     */
    private static final class SlideEndingBelow extends Toy {
        @Override
        public DMatrixRMaj derivative(DMatrixRMaj s, boolean[] positive) {
            double tau = s.get(2, 0);
            return positive[0] ? D.vector(-1, 1, 1) : D.vector(0.5 - tau, 0, 1);
        }
    }

    /**
     * The mirror image: below the kink {@code x' = 1, y' = 0}, above it {@code x' = tau - 1/2, y' = 1}. From
     * {@code (-0.1, 0, 0)} the slide from {@code t = 0.1} has {@code lambda = 1 / (3/2 - tau)} and ends at
     * {@code t = 1/2}, upwards: {@code x(1) = 1/8}, {@code y(1) = ln(1.4) + 1/2}.
     */
    private static final class SlideEndingAbove extends Toy {
        @Override
        public DMatrixRMaj derivative(DMatrixRMaj s, boolean[] positive) {
            double tau = s.get(2, 0);
            return positive[0] ? D.vector(tau - 0.5, 1, 1) : D.vector(1, 0, 1);
        }
    }

    /**
     * {@code x' = 1} and {@code y' = 1} only while the switching function {@code (x - 1/2)^2 - 10^-4} is
     * negative: from {@code x = 0} it dips below zero for 0.02 time units, so {@code y(1) = 0.02} when the
     * dip is seen and {@code 0} when it falls between two checks.
     */
    private static final class Dip extends Toy {
        @Override
        public DMatrixRMaj derivative(DMatrixRMaj s, boolean[] positive) {
            return D.vector(1, positive[0] ? 0 : 1, 1);
        }

        @Override
        public double[] switching(DMatrixRMaj s, boolean[] positive) {
            double x = s.get(0, 0);
            return new double[] {(x - 0.5) * (x - 0.5) - 1e-4};
        }

        @Override
        public double[] switchingRates(DMatrixRMaj s, boolean[] positive, DMatrixRMaj v) {
            return new double[] {2 * (s.get(0, 0) - 0.5) * v.get(0, 0)};
        }
    }

    private static List<double[]> listen(DormandPrinceFlow dop, PiecewiseSmoothField<Double, DMatrixRMaj> f,
                                         DMatrixRMaj x0, double t, FlowResult<DMatrixRMaj>[] result) {
        List<double[]> events = new ArrayList<>();
        result[0] = dop.withCrossingListener((time, index, state, value) -> events.add(new double[] {time, index, value}))
                .solve(f, x0, t);
        return events;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSlideThatEndsBelowTheKinkLeavesItDownwards() {
        FlowResult<DMatrixRMaj>[] r = new FlowResult[1];
        List<double[]> events = listen(DormandPrinceFlow.defaults(), new SlideEndingBelow(), D.vector(0.1, 0, 0), 1, r);
        assertEquals(2, r[0].crossings(), "the slide's start and end");
        assertEquals(2, events.size());
        assertEquals(0.1, events.get(0)[0], EVENT_TIME);
        assertEquals(0.5, events.get(1)[0], EVENT_TIME);
        assertEquals(0, events.get(1)[1]);
        assertEquals(0, events.get(1)[2], EVENT_TIME);
        assertEquals(-0.125, r[0].theta().get(0, 0), CLOSED_FORM);
        assertEquals(0.5 - Math.log(1.4), r[0].theta().get(1, 0), CLOSED_FORM);
        assertEquals(1, r[0].theta().get(2, 0), CLOSED_FORM);
    }

    @Test
    void aZeroSwitchingValueCountsAsNotPositive() {
        SlideEndingBelow f = new SlideEndingBelow();
        DMatrixRMaj onTheKink = D.vector(0, 0, 0.25);
        assertEquals(1, f.pattern(onTheKink).length);
        assertTrue(!f.pattern(onTheKink)[0]);
        assertTrue(f.pattern(D.vector(1e-300, 0, 0))[0]);
        // the field on the kink is the one below it
        assertEquals(0.25, f.derivative(onTheKink).get(0, 0), 0.0);
        assertEquals(0.0, f.derivative(onTheKink).get(1, 0), 0.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSlideThatEndsAboveTheKinkLeavesItUpwards() {
        FlowResult<DMatrixRMaj>[] r = new FlowResult[1];
        List<double[]> events = listen(DormandPrinceFlow.defaults(), new SlideEndingAbove(), D.vector(-0.1, 0, 0), 1, r);
        assertEquals(2, r[0].crossings());
        assertEquals(2, events.size());
        assertEquals(0.1, events.get(0)[0], EVENT_TIME);
        assertEquals(0.5, events.get(1)[0], EVENT_TIME);
        assertEquals(0.125, r[0].theta().get(0, 0), CLOSED_FORM);
        assertEquals(Math.log(1.4) + 0.5, r[0].theta().get(1, 0), CLOSED_FORM);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDipLongerThanTheCheckIntervalIsSeenAndOneShorterIsMissed() {
        FlowResult<DMatrixRMaj>[] r = new FlowResult[1];
        List<double[]> events = listen(DormandPrinceFlow.defaults(), new Dip(), D.vector(0, 0, 0), 1, r);
        assertEquals(2, r[0].crossings());
        assertEquals(0.49, events.get(0)[0], EVENT_TIME);
        assertEquals(0.51, events.get(1)[0], EVENT_TIME);
        assertEquals(0.02, r[0].theta().get(1, 0), CLOSED_FORM);
        FlowResult<DMatrixRMaj> blind = DormandPrinceFlow.defaults().withMaxCheck(1).solve(new Dip(), D.vector(0, 0, 0), 1);
        assertEquals(0, blind.crossings(), "checks a whole step apart step over the dip");
        assertEquals(0, blind.theta().get(1, 0), CLOSED_FORM);
    }

    @Test
    void theErrorEstimateIsTwiceTheDistanceToTheHundredTimesTighterRun() {
        VectorField<Double, DMatrixRMaj> field = GradientFlow.of(FlowFixtures.quadratic(D, FlowFixtures.INDEFINITE));
        DMatrixRMaj x0 = D.fromStrings(3, 1, FlowFixtures.START);
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().withTolerances(1e-8, 1e-9).solve(field, x0, 2);
        FlowResult<DMatrixRMaj> tight = DormandPrinceFlow.defaults().withTolerances(1e-8 / 100, 1e-9 / 100).withoutErrorEstimate()
                .solve(field, x0, 2);
        double diff = 0;
        for (int i = 0; i < 3; i++) {
            diff = Math.max(diff, Math.abs(r.theta().get(i, 0) - tight.theta().get(i, 0)));
        }
        assertTrue(diff > 0);
        assertEquals(diff, DormandPrinceFlow.maxDiff(D.toDoubles(r.theta()), D.toDoubles(tight.theta())));
        assertEquals(diff, DormandPrinceFlow.maxDiff(D.toDoubles(tight.theta()), D.toDoubles(r.theta())));
        assertEquals(2 * diff, r.errorEstimate(), 0.0);
        assertTrue(Double.isNaN(tight.errorEstimate()));
        assertTrue(r.steps() > 0 && r.steps() < tight.steps(), r.steps() + " vs " + tight.steps());
        assertEquals(2.0, r.time());
    }

    @Test
    void atTheFinestToleranceTheCompanionRunCannotTightenAndTheEstimateIsZero() {
        // 1e-16 / 100 is below what the integrator accepts: the companion run keeps 1e-16 and repeats the run
        VectorField<Double, DMatrixRMaj> field = GradientFlow.of(FlowFixtures.quadratic(D, FlowFixtures.DEFINITE));
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().withTolerances(1e-16, 1e-16)
                .solve(field, D.fromStrings(3, 1, FlowFixtures.START), 0.5);
        assertEquals(0.0, r.errorEstimate());
        assertTrue(r.steps() > 0);
    }

    @Test
    void atTimeZeroTheStartIsReturnedAndASampleOfNoStepsFinishesAtTheStart() {
        VectorField<Double, DMatrixRMaj> field = GradientFlow.of(FlowFixtures.quadratic(D, FlowFixtures.DEFINITE));
        DMatrixRMaj x0 = D.fromStrings(3, 1, FlowFixtures.START);
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().solve(field, x0, 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(x0.get(i, 0), r.theta().get(i, 0), 0.0);
        }
        assertEquals(0, r.steps());
        assertEquals(0.0, r.errorEstimate());
        List<String> seen = new ArrayList<>();
        GridHandler<DMatrixRMaj> h = new GridHandler<>() {
            @Override
            public void handleStep(long k, DMatrixRMaj theta) {
                seen.add("step " + k + " " + theta.get(0, 0));
            }

            @Override
            public void finish(long k, DMatrixRMaj theta) {
                seen.add("finish " + k + " " + theta.get(0, 0));
            }
        };
        DormandPrinceFlow.defaults().sample(field, x0, 0.25, 0, h);
        assertEquals(List.of("step 0 0.1", "finish 0 0.1"), seen);
    }

    @Test
    void settingsAreKeptAndBadOnesAreRejectedWithTheirValues() {
        DormandPrinceFlow dop = DormandPrinceFlow.defaults().withTolerances(1e-16, 0.5);
        assertEquals(1e-16, dop.relativeTolerance());
        assertEquals(0.5, dop.absoluteTolerance());
        assertEquals("DOP853(rtol=1.0E-16, atol=0.5)", dop.name());
        assertEquals("DOP853(rtol=1.0E-12, atol=1.0E-12)", DormandPrinceFlow.defaults().name());
        assertEquals(dop.name(), dop.withoutErrorEstimate().withMaxCheck(0.5).withMaxEvaluations(7).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dop.withTolerances(1e-12, 1));
        assertEquals("absolute tolerance must be in [1.0E-16, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dop.withTolerances(Double.NaN, 1e-12));
        assertEquals("relative tolerance must be in [1.0E-16, 1), got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dop.withMaxEvaluations(0));
        assertEquals("maxEvaluations must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dop.withMaxCheck(0));
        assertEquals("maxCheck must be positive and finite, got 0.0", e.getMessage());
        VectorField<Double, DMatrixRMaj> field = GradientFlow.of(FlowFixtures.quadratic(D, FlowFixtures.DEFINITE));
        DMatrixRMaj x0 = D.fromStrings(3, 1, FlowFixtures.START);
        for (double t : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            e = assertThrows(IllegalArgumentException.class, () -> DormandPrinceFlow.defaults().solve(field, x0, t));
            assertEquals("t must be >= 0 and finite, got " + t, e.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> DormandPrinceFlow.defaults().solve(field, D.zeros(3, 2), 1));
        assertEquals("theta0 must be a 3x1 vector, got 3x2", e.getMessage());
    }

    @Test
    void aRunNeedingMoreFieldEvaluationsThanAllowedStops() {
        VectorField<Double, DMatrixRMaj> field = GradientFlow.of(FlowFixtures.quadratic(D, FlowFixtures.DEFINITE));
        DMatrixRMaj x0 = D.fromStrings(3, 1, FlowFixtures.START);
        MathIllegalStateException e = assertThrows(MathIllegalStateException.class,
                () -> DormandPrinceFlow.defaults().withMaxEvaluations(50).solve(field, x0, 10));
        assertTrue(e.getMessage().contains("50"), e.getMessage());
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().withMaxEvaluations(100_000).solve(field, x0, 10);
        assertTrue(r.steps() > 0);
    }

    @Test
    void aKinkCrossedBackAndForthWithinTheSlidingWindowStopsTheRunAsChattering() {
        // x' = -1 above the kink and +1 below it, with rates that hide the push from both sides (0), so the
        // flow is not recognised as sliding: from x = 0.1 it crosses at t = 0.1 and at once crosses back
        Toy hidden = new Toy() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public DMatrixRMaj derivative(DMatrixRMaj s, boolean[] positive) {
                return D.vector(positive[0] ? -1 : 1);
            }

            @Override
            public double[] switchingRates(DMatrixRMaj s, boolean[] positive, DMatrixRMaj v) {
                return new double[] {0};
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DormandPrinceFlow.defaults().solve(hidden, D.vector(0.1), 1));
        assertTrue(e.getMessage().startsWith("chattering at t = 0.1000000000")
                && e.getMessage().endsWith(": switching function 0 changed sign 4 times, each within 1.0E-8 time units "
                + "of the last"), e.getMessage());
    }

    @Test
    void slidingOnTheFirstKinkAndThenOnASecondIsAClearError() {
        // x' = -sign(x), z' = -sign(z): from (0.1, 0.2) the state slides along x = 0 from t = 0.1 (switching
        // function 0), and z reaches its attracting kink at t = 0.2 while the slide goes on
        PiecewiseSmoothField<Double, DMatrixRMaj> twoKinks = new PiecewiseSmoothField<>() {
            @Override
            public Arithmetic<Double, DMatrixRMaj> arithmetic() {
                return D;
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public int switchingCount() {
                return 2;
            }

            @Override
            public double[] switching(DMatrixRMaj s, boolean[] positive) {
                return new double[] {s.get(0, 0), s.get(1, 0)};
            }

            @Override
            public double[] switchingRates(DMatrixRMaj s, boolean[] positive, DMatrixRMaj v) {
                return new double[] {v.get(0, 0), v.get(1, 0)};
            }

            @Override
            public DMatrixRMaj derivative(DMatrixRMaj s, boolean[] positive) {
                return D.vector(positive[0] ? -1 : 1, positive[1] ? -1 : 1);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DormandPrinceFlow.defaults().solve(twoKinks, D.vector(0.1, 0.2), 1));
        assertTrue(e.getMessage().startsWith("sliding mode on two kinks at t = 0.")
                && e.getMessage().endsWith(": switching functions 0 and 1 (only one sliding constraint at a time is followed)"),
                e.getMessage());
        double at = Double.parseDouble(e.getMessage().substring("sliding mode on two kinks at t = ".length(),
                e.getMessage().indexOf(':')));
        assertEquals(0.2, at, EVENT_TIME);
    }

    @Test
    void aFieldWhoseSwitchingFunctionsDisagreeWithItsCountIsAClearError() {
        Toy wrong = new Toy() {
            @Override
            public DMatrixRMaj derivative(DMatrixRMaj s, boolean[] positive) {
                return D.vector(-1, 0, 1);
            }

            @Override
            public int switchingCount() {
                return 2;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DormandPrinceFlow.defaults().solve(wrong, D.vector(1, 0, 0), 1));
        assertEquals("switching() returned 1 values, switchingCount() is 2", e.getMessage());
    }
}
