package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.numeric.Precision;
import gfgd.objective.Objective;
import gfgd.taylor.TaylorKernel;
import gfgd.taylor.TaylorProgram;
import gfgd.taylor.Traced;
import gfgd.taylor.TracedMatrix;
import gfgd.taylor.TracingArithmetic;
import java.util.List;

/**
 * Taylor-series integrator for polynomial vector fields {@code theta' = g(theta)} in any arithmetic
 * (meant for apfloat): the field is recorded once by a {@link TracingArithmetic} as a straight-line
 * program ({@link TaylorProgram}), and at each step the Taylor coefficients {@code theta(t0 + s) = sum_j c_j s^j} are computed
 * order by order through it (automatic differentiation):
 * <pre>
 *   c_0 = theta(t0),   c_{k+1} = g_k / (k+1),   (u v)_k = sum_{i=0..k} u_i v_{k-i}   (Cauchy product),
 * </pre>
 * with sums, differences and constant multiples taken coefficient-wise. A step costs
 * {@code O(K^2)} operations per recorded product of two traced values, {@code O(K)} per other node.
 *
 * <p>Order and step (Jorba and Zou, 2005): with {@code eps = 10^-digits} and the local tolerance
 * {@code tol = eps * max(1, ||theta(t0)||_inf)}, the order is {@code K = ceil(-ln(eps) / 2) + 1}; the
 * coefficients are computed up to {@code K + 1}, and the step is
 * {@code h = min_{j in {K, K+1}} (tol / ||c_j||_inf)^(1/j)}. The state is advanced with the terms
 * {@code 0..K}; the step's error estimate is {@code 2 ||c_{K+1}|| h^(K+1)} (the first neglected term,
 * doubled to cover the rest of a tail that decays at least geometrically by 1/2, as it does when
 * {@code h} is a fraction {@code ~e^-2} of the radius of convergence) plus the rounding estimate
 * {@code (K+2) u sum_j ||c_j|| h^j} ({@code u} the arithmetic's unit roundoff). The run's estimate
 * carries the earlier steps' errors through each step with the factor {@code exp(h max(0, mu0, mu1))},
 * {@code mu} the logarithmic 2-norm of the field's Jacobian at the step's two ends (computed in double by
 * forward-mode differentiation of the recorded program):
 * {@code E_{n+1} = E_n exp(h max(0, mu_n, mu_{n+1})) + local_n}. Sampling {@code mu} at the ends of a step
 * is not a proof of a bound, which is why the tests compare the estimate with independent references
 * (closed forms, higher precision), on flows that contract and on flows that expand.
 *
 * <p>Grid samples {@code t = k * eta} are the step polynomial evaluated inside the step (dense output).
 *
 * <p>In apfloat the coefficients are propagated in binary floating point at least as fine as the working
 * digits (the binary kernel of {@link TaylorProgram}: exact products and sums rounded once per coefficient), converting to
 * apfloat only for the state, the constants and the samples; a state or constant outside BigDecimal's
 * exponent range makes the run use the arithmetic's own operations instead, as every other arithmetic
 * does. Immutable once built; a run allocates its own work arrays once, so one instance may be used by
 * several threads.
 *
 * @param <S> scalar type of the arithmetic the integration runs in
 * @param <M> matrix type of that arithmetic
 */
public final class TaylorFlow<S, M> {

    /** Steps after which a run gives up (a flow that blows up in finite time makes the steps collapse). */
    public static final long MAX_STEPS = 10_000_000;

    private final Arithmetic<S, M> a;
    private final int d;
    private final int digits;
    private final int order;
    private final TaylorProgram<S, M> program;
    /** Whether apfloat runs propagate the coefficients in binary floating point. */
    private final boolean binary;

    private TaylorFlow(TaylorProgram<S, M> program, int digits, boolean binary) {
        this.a = program.arithmetic();
        this.program = program;
        this.binary = binary;
        this.d = program.dimension();
        this.digits = digits;
        this.order = orderFor(digits);
    }

    /**
     * Records {@code field} (whose arithmetic must be {@code tracer}) and returns its Taylor integrator at
     * the digits of the tracer's base arithmetic ({@code 15} for double, the requested digits for apfloat).
     *
     * @throws IllegalArgumentException "not a polynomial vector field: ..." if the field uses a
     *                                  non-polynomial operation on the state
     */
    public static <S, M> TaylorFlow<S, M> of(TracingArithmetic<S, M> tracer, VectorField<Traced, TracedMatrix> field) {
        if (field.arithmetic() != tracer) {
            throw new IllegalArgumentException("field must compute in the given tracing arithmetic, got "
                    + field.arithmetic().name());
        }
        TaylorProgram<S, M> program = TaylorProgram.record(tracer, field.dimension(), field::derivative);
        return new TaylorFlow<>(program, defaultDigits(tracer.base()), true);
    }

    /**
     * The Taylor integrator of gradient flow {@code theta' = -grad f(theta)}.
     *
     * @throws IllegalArgumentException if {@code f} does not declare itself polynomial or uses a
     *                                  non-polynomial operation on its parameters
     */
    public static <S, M> TaylorFlow<S, M> gradientFlow(TracingArithmetic<S, M> tracer, Objective<Traced, TracedMatrix> f) {
        if (!f.isPolynomial()) {
            throw new IllegalArgumentException("not a polynomial vector field: objective "
                    + f.getClass().getSimpleName() + " is not polynomial (isPolynomial() is false); "
                    + "use DormandPrinceFlow for it");
        }
        if (f.arithmetic() != tracer) {
            throw new IllegalArgumentException("objective must compute in the given tracing arithmetic, got "
                    + f.arithmetic().name());
        }
        return of(tracer, GradientFlow.of(f));
    }

    /**
     * This integrator aiming at {@code digits} digits per step ({@code eps = 10^-digits}).
     *
     * @throws IllegalArgumentException if {@code digits < 10} or the arithmetic cannot resolve
     *                                  {@code 10^-digits}
     */
    public TaylorFlow<S, M> withDigits(int digits) {
        checkDigits(a, digits);
        return new TaylorFlow<>(program, digits, binary);
    }

    /**
     * This integrator with the coefficient propagation in binary floating point (the default for apfloat)
     * or, if {@code enabled} is false, in the arithmetic's own operations (the reference the binary kernel
     * is tested against).
     */
    TaylorFlow<S, M> withBinaryKernel(boolean enabled) {
        return new TaylorFlow<>(program, digits, enabled);
    }

    public int digits() {
        return digits;
    }

    /** The series order {@code K}. */
    public int order() {
        return order;
    }

    public int dimension() {
        return d;
    }

    /** Recorded nodes (inputs included) the series are propagated through. */
    public int programSize() {
        return program.size();
    }

    /** Recorded products of two traced values (the {@code O(K^2)} part of a step). */
    public int products() {
        return program.products();
    }

    public Arithmetic<S, M> arithmetic() {
        return a;
    }

    /** {@code "Taylor(order=K, digits=D)"}. */
    public String name() {
        return "Taylor(order=" + order + ", digits=" + digits + ", " + a.name() + ")";
    }

    /**
     * {@code theta(t)} with {@code theta(0) = theta0}. Does not modify {@code theta0}.
     *
     * @throws IllegalArgumentException if {@code t < 0} or {@code theta0} is not {@code d x 1}
     */
    public FlowResult<M> solve(M theta0, S t) {
        if (a.signum(t) < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + a.toString(t));
        }
        return run(theta0, t, null, 0, List.of());
    }

    /**
     * Solves to {@code T = steps * eta} and calls each handler at {@code t = k * eta}, {@code k = 0..steps}
     * ({@code init}, {@code handleStep} for every k, then {@code finish}), with states from the step
     * polynomials. The grid times are computed in the arithmetic, so a decimal {@code eta} is exact in apfloat.
     *
     * @throws IllegalArgumentException if {@code eta <= 0} or {@code steps < 0}
     */
    @SafeVarargs
    public final FlowResult<M> sample(M theta0, S eta, long steps, GridHandler<M>... handlers) {
        if (a.signum(eta) <= 0) {
            throw new IllegalArgumentException("eta must be > 0, got " + a.toString(eta));
        }
        Checks.atLeast("steps", steps, 0);
        return run(theta0, a.mul(a.of(steps), eta), eta, steps, List.of(handlers));
    }

    @SuppressWarnings("unchecked")
    private FlowResult<M> run(M theta0, S tEnd, S eta, long n, List<GridHandler<M>> handlers) {
        if (a.rows(theta0) != d || a.cols(theta0) != 1) {
            throw new IllegalArgumentException("theta0 must be a " + d + "x1 vector, got "
                    + a.rows(theta0) + "x" + a.cols(theta0));
        }
        int kmax = order + 1;
        S[] x = (S[]) new Object[d];
        for (int i = 0; i < d; i++) {
            x[i] = a.get(theta0, i, 0);
        }
        TaylorKernel<S> kernel = kernel(x);
        for (GridHandler<M> h : handlers) {
            h.init(theta0, a.toDouble(eta));
        }
        long next = 0;
        if (!handlers.isEmpty()) {
            emit(handlers, 0, theta0);
            next = 1;
        }
        S t0 = a.zero();
        double tEndD = a.toDouble(tEnd);
        double eps = Math.pow(10, -digits);
        double u = a.epsilon();
        double estimate = 0;
        double muStart = logNorm(kernel.stateDoubles());
        double[] norms = new double[kmax + 1];
        long steps = 0;
        while (a.compare(t0, tEnd) < 0) {
            if (steps >= MAX_STEPS) {
                throw new IllegalStateException("Taylor integration stopped after " + steps + " steps at t = "
                        + a.toDouble(t0) + " (the flow may blow up before t = " + tEndD + ")");
            }
            try {
                kernel.coefficients();
            } catch (ArithmeticException outOfRange) {
                kernel = generic(kernel.state());
                kernel.coefficients();
            }
            for (int j = 0; j <= kmax; j++) {
                double m = 0;
                for (int i = 0; i < d; i++) {
                    m = Math.max(m, kernel.magnitude(i, j));
                }
                norms[j] = m;
            }
            double tol = eps * Math.max(1, norms[0]);
            double h = Double.POSITIVE_INFINITY;
            for (int j = order; j <= kmax; j++) {
                if (norms[j] > 0) {
                    h = Math.min(h, Math.pow(tol / norms[j], 1.0 / j));
                }
            }
            S remaining = a.sub(tEnd, t0);
            S hS;
            boolean last = h >= a.toDouble(remaining);
            if (last) {
                hS = remaining;
                h = a.toDouble(remaining);
            } else {
                hS = a.exact(h);
                if (!(h > 0) || a.compare(a.add(t0, hS), t0) == 0) {
                    throw new IllegalStateException("Taylor step size collapsed to " + h + " at t = "
                            + a.toDouble(t0) + " (the flow may blow up before t = " + tEndD + ")");
                }
            }
            double sumTerms = 0;
            for (int j = 0; j <= order; j++) {
                sumTerms += norms[j] * Math.pow(h, j);
            }
            double local = 2 * norms[kmax] * Math.pow(h, kmax) + (order + 2) * u * sumTerms;
            S t1 = last ? tEnd : a.add(t0, hS);
            while (!handlers.isEmpty() && next <= n) {
                S tk = a.mul(a.of(next), eta);
                if (a.compare(tk, t1) > 0) {
                    break;
                }
                emit(handlers, next, vector(kernel.evaluate(a.sub(tk, t0))));
                next++;
            }
            try {
                kernel.advance(hS);
            } catch (ArithmeticException outOfRange) {
                S[] start = kernel.state();
                kernel = generic(start);
                kernel.coefficients();
                kernel.advance(hS);
            }
            double muEnd = logNorm(kernel.stateDoubles());
            estimate = estimate * Math.exp(h * Math.max(0, Math.max(muStart, muEnd))) + local;
            muStart = muEnd;
            t0 = t1;
            steps++;
        }
        M theta = vector(kernel.state());
        for (GridHandler<M> hd : handlers) {
            hd.finish(n, theta);
        }
        return new FlowResult<>(theta, tEndD, estimate, steps, 0, name());
    }

    /** The kernel of a run from state {@code x} (binary floating point for apfloat when enabled). */
    private TaylorKernel<S> kernel(S[] x) {
        return program.kernel(order, binary, x);
    }

    private TaylorKernel<S> generic(S[] x) {
        return program.seriesKernel(order, x);
    }

    private double logNorm(double[] x) {
        return program.logNorm(x);
    }

    private M vector(S[] y) {
        M v = a.zeros(d, 1);
        for (int i = 0; i < d; i++) {
            a.set(v, i, 0, y[i]);
        }
        return v;
    }

    private static <M> void emit(List<GridHandler<M>> handlers, long k, M theta) {
        for (GridHandler<M> h : handlers) {
            h.handleStep(k, theta);
        }
    }

    /** {@code K = ceil(-ln(10^-digits) / 2) + 1}. */
    static int orderFor(int digits) {
        return (int) Math.ceil(digits * Math.log(10) / 2) + 1;
    }

    private static int defaultDigits(Arithmetic<?, ?> base) {
        int resolvable = (int) Math.floor(-Math.log10(base.epsilon()));
        if (base instanceof gfgd.numeric.ApfloatArithmetic ap) {
            return ap.precision().digits();
        }
        return Math.max(Precision.MIN_DIGITS, Math.min(resolvable, 15));
    }

    private static void checkDigits(Arithmetic<?, ?> a, int digits) {
        if (digits < Precision.MIN_DIGITS) {
            throw new IllegalArgumentException("digits must be >= " + Precision.MIN_DIGITS + ", got " + digits);
        }
        double resolvable = -Math.log10(a.epsilon());
        if (digits > resolvable) {
            throw new IllegalArgumentException("digits " + digits + " exceed what arithmetic " + a.name()
                    + " resolves (about " + (int) resolvable + ")");
        }
    }
}
