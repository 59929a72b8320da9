package gfgd.dynamics;

import gfgd.numeric.Checks;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.Objective;
import gfgd.taylor.TaylorProgram;
import gfgd.taylor.Traced;
import gfgd.taylor.TracedMatrix;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated (interval) Taylor integrator for polynomial vector fields {@code x' = F(x)}: it returns
 * boxes that provably contain the exact solution at the grid times {@code t = j * eta}, for every start
 * in the initial box. Each step of length {@code h = m * eta} from the box {@code X}:
 * <ol>
 *   <li>a-priori enclosure: a box {@code Z} with {@code X + [0, h] F(Y) ⊆ Z ⊆ int Y} for some box
 *       {@code Y} (found by iteration with inflation); by Picard's theorem every solution from {@code X}
 *       stays in {@code Y}, and hence in {@code Z}, on {@code [0, h]};</li>
 *   <li>the Taylor coefficients {@code c_0..c_K} of the solution at {@code X}, computed by the recorded
 *       program ({@link TaylorProgram}) in {@link IntervalArithmetic};</li>
 *   <li>the Lagrange remainder {@code c_{K+1}(Z) s^{K+1}}: the program's coefficient {@code K+1} over the
 *       a-priori box encloses {@code x^{(K+1)}(xi) / (K+1)!} for every intermediate time {@code xi}.</li>
 * </ol>
 * The state after {@code s <= h} is enclosed by {@code sum_{k<=K} c_k(X) s^k + c_{K+1}(Z) s^{K+1}} (grid
 * samples inside a step use the same formula). No QR (Lohner) treatment of the wrapping effect: at 50
 * digits and horizons of a few time units the boxes' widths stay far below what the checks resolve, and
 * they are reported ({@link Enclosure#maxWidth}). Immutable; thread-safe.
 */
public final class ValidatedTaylorFlow {

    /** Iterations of the a-priori enclosure per step size. */
    private static final int APRIORI_ITERATIONS = 12;
    /** Relative inflation of the trial box per a-priori iteration. */
    private static final BigDecimal INFLATION = new BigDecimal("0.25");

    private final IntervalArithmetic a;
    private final TaylorProgram<Interval, IntervalMatrix> program;
    private final int order;
    private final BigDecimal maxStep;
    private final boolean remainder;

    private ValidatedTaylorFlow(TaylorProgram<Interval, IntervalMatrix> program, int order, BigDecimal maxStep,
                                boolean remainder) {
        this.a = (IntervalArithmetic) program.arithmetic();
        this.program = program;
        this.order = order;
        this.maxStep = maxStep;
        this.remainder = remainder;
    }

    /**
     * The validated integrator of {@code theta' = -grad f(theta)}, recorded with {@code tracer} (whose base
     * is an {@link IntervalArithmetic}), with default order and maximal step {@code 1/20}.
     *
     * @throws IllegalArgumentException if {@code f} is not polynomial or computes in another arithmetic
     */
    public static ValidatedTaylorFlow gradientFlow(TracingArithmetic<Interval, IntervalMatrix> tracer,
                                                   Objective<Traced, TracedMatrix> f) {
        if (!f.isPolynomial()) {
            throw new IllegalArgumentException("not a polynomial vector field: objective "
                    + f.getClass().getSimpleName() + " is not polynomial (isPolynomial() is false)");
        }
        if (f.arithmetic() != tracer) {
            throw new IllegalArgumentException("objective must compute in the given tracing arithmetic, got "
                    + f.arithmetic().name());
        }
        return of(tracer, GradientFlow.of(f));
    }

    /** The validated integrator of {@code field} (recorded with {@code tracer}). */
    public static ValidatedTaylorFlow of(TracingArithmetic<Interval, IntervalMatrix> tracer,
                                         VectorField<Traced, TracedMatrix> field) {
        if (!(tracer.base() instanceof IntervalArithmetic ia)) {
            throw new IllegalArgumentException("the tracer's base must be an IntervalArithmetic, got " + tracer.base().name());
        }
        TaylorProgram<Interval, IntervalMatrix> p = TaylorProgram.record(tracer, field.dimension(), field::derivative);
        BigDecimal maxStep = new BigDecimal("0.05");
        return new ValidatedTaylorFlow(p, defaultOrder(ia.digitCount(), maxStep), maxStep, true);
    }

    /**
     * Order {@code K} with {@code h^K <= 10^-digits}: the remainder is below the working precision when
     * the series' radius of convergence is at least 1 (as on the instances here), and is enclosed
     * rigorously otherwise (a wider box, never a wrong one).
     */
    static int defaultOrder(int digits, BigDecimal maxStep) {
        double q = -Math.log10(maxStep.doubleValue());
        return Math.max(4, (int) Math.ceil(digits / q));
    }

    /** This integrator with series order {@code order} (terms {@code 0..order}, remainder of order {@code order+1}). */
    public ValidatedTaylorFlow withOrder(int order) {
        Checks.atLeast("order", order, 1);
        return new ValidatedTaylorFlow(program, order, maxStep, remainder);
    }

    /** This integrator with steps of at most {@code maxStep} (a positive decimal). */
    public ValidatedTaylorFlow withMaxStep(BigDecimal maxStep) {
        if (maxStep.signum() <= 0) {
            throw new IllegalArgumentException("maxStep must be > 0, got " + maxStep);
        }
        return new ValidatedTaylorFlow(program, order, maxStep, remainder);
    }

    /** This integrator with the Lagrange remainder dropped: NOT rigorous; exists to show the remainder matters. */
    ValidatedTaylorFlow withoutRemainder() {
        return new ValidatedTaylorFlow(program, order, maxStep, false);
    }

    public int order() {
        return order;
    }

    public IntervalArithmetic arithmetic() {
        return a;
    }

    public int dimension() {
        return program.dimension();
    }

    /** One step of the integration: from {@code t0} to {@code t1} with a-priori box {@code apriori}. */
    public record Step(BigDecimal t0, BigDecimal t1, IntervalMatrix apriori) {
    }

    /**
     * The result: {@code grid.get(j)} encloses {@code theta(j * eta)}, {@code steps} lists the integration
     * steps with their a-priori boxes (which enclose the solution on the whole step).
     */
    public record Enclosure(BigDecimal eta, List<IntervalMatrix> grid, List<Step> steps, BigDecimal maxWidth) {

        /** This enclosure on the coarser grid of step {@code r * eta}: every {@code r}-th sample. */
        public Enclosure every(int r) {
            if (r < 1 || (grid.size() - 1) % r != 0) {
                throw new IllegalArgumentException("r must be >= 1 and divide " + (grid.size() - 1) + ", got " + r);
            }
            List<IntervalMatrix> coarse = new ArrayList<>();
            for (int j = 0; j < grid.size(); j += r) {
                coarse.add(grid.get(j));
            }
            return new Enclosure(eta.multiply(BigDecimal.valueOf(r)), List.copyOf(coarse), steps, maxWidth);
        }

        /** The a-priori box of the step containing {@code [t, t']} hulled over the steps it touches. */
        public IntervalMatrix over(IntervalArithmetic a, BigDecimal t, BigDecimal tEnd) {
            IntervalMatrix box = null;
            for (Step s : steps) {
                if (s.t1().compareTo(t) >= 0 && s.t0().compareTo(tEnd) <= 0) {
                    box = box == null ? s.apriori() : a.hull(box, s.apriori());
                }
            }
            if (box == null) {
                throw new IllegalArgumentException("[" + t + ", " + tEnd + "] is outside the integrated interval");
            }
            return box;
        }
    }

    /**
     * Encloses {@code theta(j * eta)} for {@code j = 0..n} from every start in {@code theta0}.
     *
     * @throws IllegalArgumentException if {@code eta <= 0}, {@code n < 0} or {@code theta0} has the wrong shape
     * @throws IllegalStateException    if no a-priori enclosure is found for a step of one grid interval
     *                                  {@code eta} (a step over several grid points is first split in halves,
     *                                  down to one interval; the message names the step and the time and asks
     *                                  for a smaller eta)
     */
    public Enclosure enclose(IntervalMatrix theta0, BigDecimal eta, long n) {
        int d = program.dimension();
        if (a.rows(theta0) != d || a.cols(theta0) != 1) {
            throw new IllegalArgumentException("theta0 must be a " + d + "x1 vector, got "
                    + a.rows(theta0) + "x" + a.cols(theta0));
        }
        if (eta.signum() <= 0) {
            throw new IllegalArgumentException("eta must be > 0, got " + eta);
        }
        Checks.atLeast("steps", n, 0);
        if (eta.compareTo(maxStep) > 0) {
            // grid finer than the step bound by halving (exact in decimal), then every 2^p-th sample
            int p = 0;
            BigDecimal fine = eta;
            while (fine.compareTo(maxStep) > 0) {
                fine = fine.divide(BigDecimal.valueOf(2));
                p++;
            }
            return enclose(theta0, fine, Math.multiplyExact(n, 1L << p)).every(1 << p);
        }
        long perStep = Math.max(1, maxStep.divide(eta, java.math.MathContext.DECIMAL64).longValue());
        List<IntervalMatrix> grid = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Interval[] x = column(theta0);
        grid.add(theta0);
        BigDecimal width = a.maxWidth(theta0);
        long j = 0;
        while (j < n) {
            long m = Math.min(perStep, n - j);
            BigDecimal t0 = eta.multiply(BigDecimal.valueOf(j));
            BigDecimal h = eta.multiply(BigDecimal.valueOf(m));
            StepResult r = step(x, h, t0, eta, m);
            for (Interval[] sample : r.samples) {
                IntervalMatrix v = vector(sample);
                width = width.max(a.maxWidth(v));
                grid.add(v);
            }
            steps.add(new Step(t0, t0.add(h), vector(r.apriori)));
            x = r.samples.get(r.samples.size() - 1);
            j += m;
        }
        return new Enclosure(eta, List.copyOf(grid), List.copyOf(steps), width);
    }

    private record StepResult(List<Interval[]> samples, Interval[] apriori) {
    }

    /** A step of length {@code h = m * eta} from {@code x}, sampled at {@code eta, 2 eta, .., m eta} (sub-steps if the a-priori box is not found). */
    private StepResult step(Interval[] x, BigDecimal h, BigDecimal t0, BigDecimal eta, long m) {
        Interval[] box = apriori(x, h);
        if (box == null) {
            if (m > 1) {
                long first = m / 2;
                StepResult r1 = step(x, eta.multiply(BigDecimal.valueOf(first)), t0, eta, first);
                StepResult r2 = step(r1.samples.get(r1.samples.size() - 1), eta.multiply(BigDecimal.valueOf(m - first)),
                        t0.add(eta.multiply(BigDecimal.valueOf(first))), eta, m - first);
                List<Interval[]> all = new ArrayList<>(r1.samples);
                all.addAll(r2.samples);
                Interval[] hull = new Interval[x.length];
                for (int i = 0; i < x.length; i++) {
                    hull[i] = r1.apriori[i].hull(r2.apriori[i]);
                }
                return new StepResult(all, hull);
            }
            throw new IllegalStateException("no a-priori enclosure found for a step of " + h + " at t = " + t0
                    + " (the field grows too fast there; use a smaller eta)");
        }
        TaylorProgram<Interval, IntervalMatrix>.SeriesKernel atX = program.seriesKernel(order, x);
        atX.coefficients();
        TaylorProgram<Interval, IntervalMatrix>.SeriesKernel atBox = null;
        if (remainder) {
            atBox = program.seriesKernel(order, box);
            atBox.coefficients();
        }
        List<Interval[]> samples = new ArrayList<>();
        for (long k = 1; k <= m; k++) {
            Interval s = a.enclose(eta.multiply(BigDecimal.valueOf(k)));
            Object[] raw = atX.evaluate(s);
            Interval[] y = new Interval[raw.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = (Interval) raw[i];
            }
            if (remainder) {
                Interval sPow = power(s, order + 1);
                for (int i = 0; i < y.length; i++) {
                    y[i] = a.add(y[i], a.mul(atBox.coefficient(i, order + 1), sPow));
                }
            }
            samples.add(y);
        }
        return new StepResult(samples, box);
    }

    private Interval power(Interval s, int k) {
        Interval r = a.one();
        for (int i = 0; i < k; i++) {
            r = a.mul(r, s);
        }
        return r;
    }

    /**
     * A box {@code Z} containing every solution from {@code x} on {@code [0, h]}, or null if the iteration
     * finds none: the trial box is the inflated image of the previous one, {@code Y <- inflate(x + [0, h] F(Y))},
     * until the image lies in the interior of the trial box; that image is returned.
     */
    Interval[] apriori(Interval[] x, BigDecimal h) {
        Interval[] y = image(x, x, h);
        for (int it = 0; it < APRIORI_ITERATIONS; it++) {
            y = inflate(y);
            Interval[] z = image(x, y, h);
            if (isInterior(z, y)) {
                return z;
            }
            y = z;
        }
        return null;
    }

    /**
     * A box containing every solution from the box {@code x} on {@code [0, h]} (the a-priori enclosure).
     *
     * @throws IllegalStateException if none is found (the step is too long for the field there)
     */
    public IntervalMatrix arcEnclosure(IntervalMatrix x, BigDecimal h) {
        Interval[] z = apriori(column(x), h);
        if (z == null) {
            throw new IllegalStateException("no a-priori enclosure found for a step of " + h);
        }
        return vector(z);
    }

    /**
     * Whether {@code x + [0, h] F(y)} lies in the interior of {@code y} (the a-priori test: if it does, the
     * solutions from {@code x} stay in {@code y} for {@code [0, h]}).
     */
    public boolean isAprioriEnclosure(Interval[] x, Interval[] y, BigDecimal h) {
        return isInterior(image(x, y, h), y);
    }

    /** {@code x + [0, h] F(y)}. */
    private Interval[] image(Interval[] x, Interval[] y, BigDecimal h) {
        TaylorProgram<Interval, IntervalMatrix>.SeriesKernel k = program.seriesKernel(0, y);
        k.coefficients();
        Interval span = a.interval(BigDecimal.ZERO, h);
        Interval[] z = new Interval[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = a.add(x[i], a.mul(span, k.coefficient(i, 1)));
        }
        return z;
    }

    private Interval[] inflate(Interval[] y) {
        Interval[] r = new Interval[y.length];
        BigDecimal floor = BigDecimal.ONE.movePointLeft(a.digitCount() - 8);
        for (int i = 0; i < y.length; i++) {
            BigDecimal pad = y[i].width().multiply(INFLATION).add(floor.multiply(BigDecimal.ONE.max(y[i].mag())));
            r[i] = a.interval(y[i].lo().subtract(pad), y[i].hi().add(pad));
        }
        return r;
    }

    private static boolean isInterior(Interval[] z, Interval[] y) {
        for (int i = 0; i < z.length; i++) {
            if (!y[i].containsInInterior(z[i])) {
                return false;
            }
        }
        return true;
    }

    private Interval[] column(IntervalMatrix m) {
        Interval[] x = new Interval[a.rows(m)];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.get(m, i, 0);
        }
        return x;
    }

    private IntervalMatrix vector(Interval[] y) {
        IntervalMatrix v = a.zeros(y.length, 1);
        for (int i = 0; i < y.length; i++) {
            a.set(v, i, 0, y[i]);
        }
        return v;
    }
}
