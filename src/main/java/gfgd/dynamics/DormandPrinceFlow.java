package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Gradient flow (any {@link VectorField}) in double by Hipparchus's {@link DormandPrince853Integrator}
 * (adaptive Runge-Kutta of order 8 with a 7th-order dense output), sampled on the grid
 * {@code t = k * eta} through the integrator's interpolator, so every sample is at the exact grid time.
 *
 * <p>The field is evaluated in its own arithmetic; states cross to double and back at each evaluation
 * (for a double field this is a copy). The error estimate of a run is
 * {@code 2 ||theta_tol(T) - theta_{tol/100}(T)||_inf}: the same flow solved again with both tolerances a
 * hundred times tighter. The returned state is the one at the configured tolerances; if the tighter
 * run's error is at most half of it, {@code err <= diff + err/2}, so {@code err <= 2 diff}. (The factor
 * matters: DOP853's global error shrinks by only about 10x, not 100x, when the tolerances shrink 100x,
 * so the plain difference can fall short of the true error.)
 *
 * <p>For a {@link PiecewiseSmoothField} (ReLU and leaky-ReLU nets) the integration goes piece by piece:
 * between crossings the solver integrates the smooth field of the current piece
 * ({@link PiecewiseSmoothField#derivative(Object, boolean[])}), so no Runge-Kutta stage evaluates the
 * field across a kink; every departure of a switching function from the current piece is an event located
 * by Hipparchus's event machinery (Brent's method on the dense output, to {@link #EVENT_TIME_ACCURACY} in
 * time, each function checked at least every {@link #DEFAULT_MAX_CHECK} time units), where the integration
 * stops and restarts on the next piece. When the fields on both sides of a kink push the state onto it,
 * the flow slides along the kink with the Filippov field {@code g- + lambda (g+ - g-)}; sliding along two kinks
 * at once is not followed (an {@link IllegalStateException} names the time and functions). The number of
 * located events is reported in the result; a {@link CrossingListener} sees each one.
 *
 * <p>Immutable; configuration methods return new instances.
 */
public final class DormandPrinceFlow {

    /** Default relative and absolute tolerance: about 100 units of double roundoff per unit state. */
    public static final double DEFAULT_TOLERANCE = 1e-12;

    /** Factor by which the companion run for the error estimate tightens both tolerances. */
    public static final double ESTIMATE_TIGHTENING = 100;

    /** The estimate is this times the difference to the companion run (see the class comment). */
    public static final double ESTIMATE_FACTOR = 2;

    /** Time accuracy to which a crossing of a switching function is located. */
    public static final double EVENT_TIME_ACCURACY = 1e-13;

    /** Longest time between two checks of the switching functions' signs (a pattern change and change
     * back inside one check interval would go unseen). */
    public static final double DEFAULT_MAX_CHECK = 0.01;

    /**
     * A switching function that changes sign {@link #SLIDING_CROSSINGS} times, each within this time of the
     * previous one, chatters (a situation the sliding-mode logic did not resolve): the run stops with an
     * {@link IllegalStateException} naming the time and function instead of looping.
     */
    public static final double SLIDING_WINDOW = 1e-8;

    /** See {@link #SLIDING_WINDOW}. */
    public static final int SLIDING_CROSSINGS = 4;

    /** Iterations Brent's method may take to locate one crossing. */
    private static final int EVENT_MAX_ITERATIONS = 200;

    /** Hipparchus rejects tolerances that are not representable relative to double roundoff. */
    private static final double MIN_TOLERANCE = 1e-16;

    private final double relative;
    private final double absolute;
    private final boolean estimate;
    private final int maxEvaluations;
    private final double maxCheck;
    private final CrossingListener listener;

    private DormandPrinceFlow(double relative, double absolute, boolean estimate, int maxEvaluations,
                              double maxCheck, CrossingListener listener) {
        this.relative = relative;
        this.absolute = absolute;
        this.estimate = estimate;
        this.maxEvaluations = maxEvaluations;
        this.maxCheck = maxCheck;
        this.listener = listener;
    }

    /** Tolerances {@link #DEFAULT_TOLERANCE}, with the error estimate, at most 10^8 field evaluations. */
    public static DormandPrinceFlow defaults() {
        return new DormandPrinceFlow(DEFAULT_TOLERANCE, DEFAULT_TOLERANCE, true, 100_000_000, DEFAULT_MAX_CHECK, null);
    }

    /** This solver with other tolerances. @throws IllegalArgumentException unless both are in [1e-16, 1) */
    public DormandPrinceFlow withTolerances(double relative, double absolute) {
        checkTolerance("relative tolerance", relative);
        checkTolerance("absolute tolerance", absolute);
        return new DormandPrinceFlow(relative, absolute, estimate, maxEvaluations, maxCheck, listener);
    }

    /** This solver without the companion run (the result's error estimate is {@code NaN}); about half the cost. */
    public DormandPrinceFlow withoutErrorEstimate() {
        return new DormandPrinceFlow(relative, absolute, false, maxEvaluations, maxCheck, listener);
    }

    /** This solver with another limit on field evaluations. */
    public DormandPrinceFlow withMaxEvaluations(int n) {
        Checks.dimension("maxEvaluations", n);
        return new DormandPrinceFlow(relative, absolute, estimate, n, maxCheck, listener);
    }

    /** This solver checking switching functions at least every {@code interval} time units. */
    public DormandPrinceFlow withMaxCheck(double interval) {
        Checks.positive("maxCheck", interval);
        return new DormandPrinceFlow(relative, absolute, estimate, maxEvaluations, interval, listener);
    }

    /** This solver telling {@code l} of every crossing located in the returned run (not the estimate's companion run). */
    public DormandPrinceFlow withCrossingListener(CrossingListener l) {
        return new DormandPrinceFlow(relative, absolute, estimate, maxEvaluations, maxCheck, l);
    }

    public double relativeTolerance() {
        return relative;
    }

    public double absoluteTolerance() {
        return absolute;
    }

    /** {@code "DOP853(rtol=.., atol=..)"}. */
    public String name() {
        return "DOP853(rtol=" + relative + ", atol=" + absolute + ")";
    }

    /**
     * {@code theta(t)} for {@code theta' = field(theta)}, {@code theta(0) = theta0}. Does not modify {@code theta0}.
     *
     * @throws IllegalArgumentException if {@code t < 0} or not finite, or {@code theta0} has the wrong shape
     */
    public <S, M> FlowResult<M> solve(VectorField<S, M> field, M theta0, double t) {
        checkTime(t);
        return run(field, theta0, t, 0, 0, List.of());
    }

    /**
     * Solves to {@code T = steps * eta} and calls every handler at {@code t = k * eta},
     * {@code k = 0..steps}: {@code init(theta0, eta)}, {@code handleStep(k, theta(k*eta))} for every k
     * (including 0 and {@code steps}), then {@code finish(steps, theta(T))}.
     *
     * @throws IllegalArgumentException if {@code eta <= 0} or {@code steps < 0}
     */
    @SafeVarargs
    public final <S, M> FlowResult<M> sample(VectorField<S, M> field, M theta0, double eta, long steps,
                                             GridHandler<M>... handlers) {
        Checks.positive("eta", eta);
        Checks.atLeast("steps", steps, 0);
        return run(field, theta0, steps * eta, eta, steps, List.of(handlers));
    }

    private <S, M> FlowResult<M> run(VectorField<S, M> field, M theta0, double t, double eta, long n,
                                     List<GridHandler<M>> handlers) {
        Arithmetic<S, M> a = field.arithmetic();
        requireState(field, theta0);
        double[] y0 = a.toDoubles(theta0);
        long[] stepCount = {0, 0};
        double[] y = integrate(field, y0, t, relative, absolute, new GridSampler<>(a, eta, n, handlers), stepCount,
                listener);
        double err = Double.NaN;
        if (estimate) {
            double[] fine = integrate(field, y0, t, Math.max(MIN_TOLERANCE, relative / ESTIMATE_TIGHTENING),
                    Math.max(MIN_TOLERANCE, absolute / ESTIMATE_TIGHTENING), null, new long[2], null);
            err = ESTIMATE_FACTOR * maxDiff(y, fine);
        }
        return new FlowResult<>(a.fromDoubles(y.length, 1, y), t, err, stepCount[0], stepCount[1], name());
    }

    private <S, M> double[] integrate(VectorField<S, M> field, double[] y0, double t, double rtol, double atol,
                                      GridSampler<S, M> sampler, long[] counts, CrossingListener crossings) {
        if (t == 0) {
            if (sampler != null) {
                sampler.start(y0);
                sampler.end(y0);
            }
            return y0.clone();
        }
        if (sampler != null) {
            sampler.start(y0);
        }
        ODEStepHandler steps = interpolator -> {
            counts[0]++;
            if (sampler != null) {
                sampler.step(interpolator);
            }
        };
        double[] y;
        if (field instanceof PiecewiseSmoothField<S, M> pw) {
            y = piecewise(pw, y0, t, rtol, atol, steps, counts, crossings);
        } else {
            ODEIntegrator integrator = integrator(rtol, atol, steps);
            y = integrator.integrate(ode(field), new ODEState(0, y0), t).getPrimaryState();
        }
        if (sampler != null) {
            sampler.end(y);
        }
        return y;
    }

    private ODEIntegrator integrator(double rtol, double atol, ODEStepHandler steps) {
        ODEIntegrator integrator = new DormandPrince853Integrator(0, Double.POSITIVE_INFINITY, atol, rtol);
        integrator.setMaxEvaluations(maxEvaluations);
        integrator.addStepHandler(steps);
        return integrator;
    }

    /**
     * Integrates a piecewise-smooth field piece by piece: each piece's smooth field until the first
     * located departure from the piece (the integration stops there), then a fresh integration from that
     * point. Every detector's function is signed so that it is positive on the current piece, plus an
     * offset just large enough to make it positive at the restart point (where the function just crossed
     * is zero up to roundoff): only a departure is an event.
     *
     * <p>At a departure of switching function {@code j}, with {@code a} and {@code b} the rates of
     * {@code z_j} along the fields of the pieces {@code z_j < 0} and {@code z_j > 0}: if {@code a > 0 > b}
     * both fields push the state onto the kink and the flow slides along it (Filippov): the sliding field
     * {@code g- + lambda (g+ - g-)}, {@code lambda = a / (a - b)}, keeps {@code z_j} at 0 until {@code a}
     * or {@code -b} reaches 0, where the flow leaves the kink to that side. Otherwise the pattern switches.
     */
    <S, M> double[] piecewise(PiecewiseSmoothField<S, M> field, double[] y0, double t, double rtol,
                                      double atol, ODEStepHandler steps, long[] counts, CrossingListener listener) {
        Arithmetic<S, M> a = field.arithmetic();
        int d = field.dimension();
        boolean[] pattern = field.pattern(a.fromDoubles(y0.length, 1, y0));
        double[] lastCrossing = new double[pattern.length];
        int[] rapid = new int[pattern.length];
        Arrays.fill(lastCrossing, Double.NEGATIVE_INFINITY);
        int slide = -1;
        double t0 = 0;
        double[] y = y0.clone();
        while (true) {
            ODEIntegrator integrator = integrator(rtol, atol, steps);
            boolean[] piece = pattern.clone();
            Switching<S, M> sw = new Switching<>(field, piece);
            int[] fired = {Integer.MIN_VALUE};
            for (int j = 0; j < pattern.length; j++) {
                if (j == slide) {
                    continue;
                }
                double sign = pattern[j] ? 1 : -1;
                int k = j;
                addStop(integrator, x -> sign * sw.value(x, k), j, y, fired);
            }
            OrdinaryDifferentialEquation ode;
            if (slide >= 0) {
                Sliding<S, M> sl = new Sliding<>(field, piece, slide);
                ode = sl.ode();
                addStop(integrator, x -> sl.rates(x)[0], EXIT_NEGATIVE, y, fired);
                addStop(integrator, x -> -sl.rates(x)[1], EXIT_POSITIVE, y, fired);
            } else {
                ode = frozen(field, piece);
            }
            ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(t0, y), t);
            y = end.getPrimaryState();
            t0 = end.getTime();
            if (fired[0] == Integer.MIN_VALUE || t0 >= t) {
                return y;
            }
            counts[1]++;
            if (fired[0] == EXIT_NEGATIVE || fired[0] == EXIT_POSITIVE) {
                pattern[slide] = fired[0] == EXIT_POSITIVE;
                if (listener != null) {
                    listener.crossed(t0, slide, y.clone(), sw.value(y, slide));
                }
                slide = -1;
                continue;
            }
            int j = fired[0];
            if (t0 - lastCrossing[j] <= SLIDING_WINDOW) {
                if (++rapid[j] >= SLIDING_CROSSINGS) {
                    throw new IllegalStateException("chattering at t = " + t0 + ": switching function " + j
                            + " changed sign " + rapid[j] + " times, each within " + SLIDING_WINDOW
                            + " time units of the last");
                }
            } else {
                rapid[j] = 1;
            }
            lastCrossing[j] = t0;
            double value = sw.value(y, j);
            double[] ab = new Sliding<>(field, pattern.clone(), j).rates(y);
            if (ab[0] > 0 && ab[1] < 0) {
                if (slide >= 0) {
                    throw new IllegalStateException("sliding mode on two kinks at t = " + t0 + ": switching functions "
                            + slide + " and " + j + " (only one sliding constraint at a time is followed)");
                }
                slide = j;
                pattern[j] = false;
            } else {
                pattern[j] = !pattern[j];
            }
            if (listener != null) {
                listener.crossed(t0, j, y.clone(), value);
            }
        }
    }

    /** Event ids of the two ways out of a sliding mode. */
    private static final int EXIT_NEGATIVE = -2;
    private static final int EXIT_POSITIVE = -3;

    /** Adds a detector stopping the integration where {@code f + offset} reaches 0 ({@code f(y0) + offset > 0}). */
    private void addStop(ODEIntegrator integrator, java.util.function.ToDoubleFunction<double[]> f, int id,
                         double[] y0, int[] fired) {
        double g0 = f.applyAsDouble(y0);
        double offset = g0 > 0 ? 0 : -g0 + Math.max(Double.MIN_NORMAL, Math.ulp(Math.abs(g0)));
        integrator.addEventDetector(new Crossing(f, id, offset, maxCheck, fired));
    }

    /**
     * The Filippov field of a slide along the kink of switching function {@code j}:
     * {@code g = g- + lambda (g+ - g-)}, {@code lambda = a / (a - b)}, where {@code g-, g+} are the fields of
     * the pieces on either side and {@code a, b} the rates of {@code z_j} along them.
     */
    private static final class Sliding<S, M> {
        private final PiecewiseSmoothField<S, M> field;
        private final boolean[] minus;
        private final boolean[] plus;
        private final int j;

        Sliding(PiecewiseSmoothField<S, M> field, boolean[] piece, int j) {
            this.field = field;
            this.j = j;
            this.minus = piece.clone();
            this.plus = piece.clone();
            minus[j] = false;
            plus[j] = true;
        }

        /** {@code {a, b}} at state {@code y}. */
        double[] rates(double[] y) {
            M theta = field.arithmetic().fromDoubles(y.length, 1, y);
            return new double[] {rate(theta, minus, field.derivative(theta, minus)),
                rate(theta, plus, field.derivative(theta, plus))};
        }

        /** The rate of {@code z_j} along {@code g}, the field of {@code piece} at {@code theta}. */
        private double rate(M theta, boolean[] piece, M g) {
            return field.switchingRates(theta, piece, g)[j];
        }

        OrdinaryDifferentialEquation ode() {
            Arithmetic<S, M> a = field.arithmetic();
            int d = field.dimension();
            return autonomous(d, y -> {
                M theta = a.fromDoubles(d, 1, y);
                M gm = field.derivative(theta, minus);
                M gp = field.derivative(theta, plus);
                double ra = rate(theta, minus, gm);
                double rb = rate(theta, plus, gp);
                double lambda = ra - rb > 0 ? Math.min(1, Math.max(0, ra / (ra - rb))) : 0.5;
                double[] x = a.toDoubles(gm);
                double[] z = a.toDoubles(gp);
                for (int i = 0; i < d; i++) {
                    x[i] += lambda * (z[i] - x[i]);
                }
                return x;
            });
        }
    }

    /** {@code field} as a Hipparchus ODE in double. */
    static <S, M> OrdinaryDifferentialEquation ode(VectorField<S, M> field) {
        Arithmetic<S, M> a = field.arithmetic();
        int d = field.dimension();
        return autonomous(d, y -> a.toDoubles(field.derivative(a.fromDoubles(d, 1, y))));
    }

    /** The smooth field of the piece {@code pattern} (which the crossing handlers update in place). */
    private static <S, M> OrdinaryDifferentialEquation frozen(PiecewiseSmoothField<S, M> field, boolean[] pattern) {
        Arithmetic<S, M> a = field.arithmetic();
        int d = field.dimension();
        return autonomous(d, y -> a.toDoubles(field.derivative(a.fromDoubles(d, 1, y), pattern)));
    }

    /** The autonomous Hipparchus ODE {@code y' = rhs(y)} of dimension {@code d}. */
    private static OrdinaryDifferentialEquation autonomous(int d, UnaryOperator<double[]> rhs) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return d;
            }

            @Override
            public double[] computeDerivatives(double time, double[] y) {
                return rhs.apply(y);
            }
        };
    }

    static <S, M> void requireState(VectorField<S, M> field, M theta0) {
        Arithmetic<S, M> a = field.arithmetic();
        if (a.rows(theta0) != field.dimension() || a.cols(theta0) != 1) {
            throw new IllegalArgumentException("theta0 must be a " + field.dimension() + "x1 vector, got "
                    + a.rows(theta0) + "x" + a.cols(theta0));
        }
    }

    static void checkTime(double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("t must be >= 0 and finite, got " + t);
        }
    }

    private static void checkTolerance(String field, double tol) {
        if (!(tol >= MIN_TOLERANCE && tol < 1)) {
            throw new IllegalArgumentException(field + " must be in [" + MIN_TOLERANCE + ", 1), got " + tol);
        }
    }

    static double maxDiff(double[] x, double[] y) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    /**
     * The switching functions of a field on one fixed piece (smooth in the state), evaluated once per state
     * however many detectors ask.
     */
    private static final class Switching<S, M> {
        private final PiecewiseSmoothField<S, M> field;
        private final boolean[] piece;
        private double[] lastState;
        private double[] lastValues;

        Switching(PiecewiseSmoothField<S, M> field, boolean[] piece) {
            this.field = field;
            this.piece = piece;
        }

        double value(double[] state, int j) {
            if (lastState == null || !Arrays.equals(lastState, state)) {
                Arithmetic<S, M> a = field.arithmetic();
                lastValues = field.switching(a.fromDoubles(state.length, 1, state), piece);
                if (lastValues.length != field.switchingCount()) {
                    throw new IllegalStateException("switching() returned " + lastValues.length
                            + " values, switchingCount() is " + field.switchingCount());
                }
                lastState = state.clone();
            }
            return lastValues[j];
        }
    }

    /** Stops the integration where {@code f + offset} reaches 0 and records its id (the first one only). */
    private static final class Crossing implements ODEEventDetector {
        private final java.util.function.ToDoubleFunction<double[]> f;
        private final double offset;
        private final AdaptableInterval check;
        private final BracketedUnivariateSolver<UnivariateFunction> solver =
                new BracketingNthOrderBrentSolver(0, EVENT_TIME_ACCURACY, 0, 5);
        private final ODEEventHandler handler;

        Crossing(java.util.function.ToDoubleFunction<double[]> f, int id, double offset, double maxCheck, int[] fired) {
            this.f = f;
            this.offset = offset;
            this.check = AdaptableInterval.of(maxCheck);
            this.handler = (state, detector, increasing) -> {
                if (fired[0] == Integer.MIN_VALUE) {
                    fired[0] = id;
                }
                return Action.STOP;
            };
        }

        @Override
        public AdaptableInterval getMaxCheckInterval() {
            return check;
        }

        @Override
        public int getMaxIterationCount() {
            return EVENT_MAX_ITERATIONS;
        }

        @Override
        public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
            return solver;
        }

        @Override
        public ODEEventHandler getHandler() {
            return handler;
        }

        @Override
        public double g(ODEStateAndDerivative state) {
            return f.applyAsDouble(state.getPrimaryState()) + offset;
        }
    }

    /** Calls grid handlers at {@code t = k * eta} from a run's dense output. */
    static final class GridSampler<S, M> {
        private final Arithmetic<S, M> a;
        private final double eta;
        private final long n;
        private final List<GridHandler<M>> handlers;
        private long next;

        GridSampler(Arithmetic<S, M> a, double eta, long n, List<GridHandler<M>> handlers) {
            this.a = a;
            this.eta = eta;
            this.n = n;
            this.handlers = handlers;
        }

        void start(double[] y0) {
            if (handlers.isEmpty()) {
                return;
            }
            M theta0 = state(y0);
            for (GridHandler<M> h : handlers) {
                h.init(theta0, eta);
            }
            emit(0, y0);
            next = 1;
        }

        /** Samples every grid point strictly inside the step or at its end, except the final one. */
        void step(ODEStateInterpolator interpolator) {
            if (handlers.isEmpty()) {
                return;
            }
            double tEnd = interpolator.getCurrentState().getTime();
            while (next < n && next * eta <= tEnd) {
                emit(next, interpolator.getInterpolatedState(next * eta).getPrimaryState());
                next++;
            }
        }

        /** The final grid point comes from the integrator's final state (exactly at {@code T}). */
        void end(double[] yEnd) {
            if (handlers.isEmpty()) {
                return;
            }
            while (next < n) {
                // grid points that rounding put past the last step's end: only possible within roundoff of T
                emit(next++, yEnd);
            }
            if (n > 0) {
                emit(n, yEnd);
            }
            M last = state(yEnd);
            for (GridHandler<M> h : handlers) {
                h.finish(n, last);
            }
        }

        private void emit(long k, double[] y) {
            M theta = state(y);
            for (GridHandler<M> h : handlers) {
                h.handleStep(k, theta);
            }
        }

        private M state(double[] y) {
            return a.fromDoubles(y.length, 1, y);
        }
    }
}
