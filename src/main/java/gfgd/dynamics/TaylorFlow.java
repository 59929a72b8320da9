package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.numeric.Precision;
import gfgd.objective.Objective;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Taylor-series integrator for polynomial vector fields {@code theta' = g(theta)} in any arithmetic
 * (meant for apfloat): the field is recorded once by a {@link TracingArithmetic} as a straight-line
 * program, and at each step the Taylor coefficients {@code theta(t0 + s) = sum_j c_j s^j} are computed
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
 * digits ({@code BinaryTaylorKernel}: exact products and sums rounded once per coefficient), converting to
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
    /** Compiled program: slots 0..d-1 are the inputs, then the recorded nodes in order. */
    private final int[] op;
    private final int[] arg1;
    private final int[] arg2;
    private final Object[] constant;
    /** Output j: the slot of g_j, or -1 when g_j is the constant outputConstant[j]. */
    private final int[] outSlot;
    private final Object[] outConstant;
    private final int products;
    /** The constants of MULC/ADDC nodes as doubles (for the Jacobian's log norm). */
    private final double[] constantD;
    /** Whether apfloat runs propagate the coefficients in binary floating point ({@code BinaryTaylorKernel}). */
    private final boolean binary;

    private TaylorFlow(Arithmetic<S, M> a, int d, int digits, int[] op, int[] arg1, int[] arg2, Object[] constant,
                       int[] outSlot, Object[] outConstant, boolean binary) {
        this.a = a;
        this.binary = binary;
        this.d = d;
        this.digits = digits;
        this.order = orderFor(digits);
        this.op = op;
        this.arg1 = arg1;
        this.arg2 = arg2;
        this.constant = constant;
        this.outSlot = outSlot;
        this.outConstant = outConstant;
        int p = 0;
        for (int code : op) {
            if (code == TracingArithmetic.MUL) {
                p++;
            }
        }
        this.products = p;
        this.constantD = new double[op.length];
        for (int s = 0; s < op.length; s++) {
            if (constant[s] != null) {
                @SuppressWarnings("unchecked")
                S c = (S) constant[s];
                constantD[s] = a.toDouble(c);
            }
        }
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
        return record(tracer, field, defaultDigits(tracer.base()));
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
        return new TaylorFlow<>(a, d, digits, op, arg1, arg2, constant, outSlot, outConstant, binary);
    }

    /**
     * This integrator with the coefficient propagation in binary floating point (the default for apfloat)
     * or, if {@code enabled} is false, in the arithmetic's own operations (the reference the binary kernel
     * is tested against).
     */
    TaylorFlow<S, M> withBinaryKernel(boolean enabled) {
        return new TaylorFlow<>(a, d, digits, op, arg1, arg2, constant, outSlot, outConstant, enabled);
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
        return op.length;
    }

    /** Recorded products of two traced values (the {@code O(K^2)} part of a step). */
    public int products() {
        return products;
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

    /**
     * The kernel of a run from state {@code x}: binary floating point ({@code BinaryTaylorKernel}) for
     * apfloat when enabled and the constants and state convert, the arithmetic's own operations otherwise.
     */
    @SuppressWarnings("unchecked")
    private TaylorKernel<S> kernel(S[] x) {
        if (binary && a instanceof gfgd.numeric.ApfloatArithmetic ap) {
            try {
                TaylorKernel<S> k = (TaylorKernel<S>) (TaylorKernel<?>) new BinaryTaylorKernel(ap, d, order, op,
                        arg1, arg2, constant, outSlot, outConstant);
                load(k, x);
                return k;
            } catch (NumberFormatException | ArithmeticException outOfRange) {
                // a constant or the state is outside BigDecimal's exponent range: stay in apfloat
            }
        }
        return generic(x);
    }

    private TaylorKernel<S> generic(S[] x) {
        TaylorKernel<S> k = new GenericKernel();
        load(k, x);
        return k;
    }

    private void load(TaylorKernel<S> k, S[] x) {
        for (int i = 0; i < d; i++) {
            k.load(i, x[i]);
        }
    }

    /** The kernel computing with the arithmetic's scalar operations (every operation rounded). */
    private final class GenericKernel implements TaylorKernel<S> {

        private final Object[][] c = new Object[op.length][order + 2];
        private final S[] inv;

        @SuppressWarnings("unchecked")
        GenericKernel() {
            inv = (S[]) new Object[order + 2];
            for (int k = 0; k <= order + 1; k++) {
                inv[k] = a.ratio(1, k + 1);
            }
        }

        @Override
        public void load(int i, S value) {
            c[i][0] = value;
        }

        @Override
        public void coefficients() {
            TaylorFlow.this.coefficients(c, inv);
        }

        @Override
        @SuppressWarnings("unchecked")
        public double magnitude(int i, int j) {
            return Math.abs(a.toDouble((S) c[i][j]));
        }

        @Override
        public S[] evaluate(S s) {
            return horner(c, s);
        }

        @Override
        public void advance(S s) {
            S[] x = horner(c, s);
            for (int i = 0; i < d; i++) {
                c[i][0] = x[i];
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public double[] stateDoubles() {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = a.toDouble((S) c[i][0]);
            }
            return v;
        }

        @Override
        @SuppressWarnings("unchecked")
        public S[] state() {
            S[] y = (S[]) new Object[d];
            for (int i = 0; i < d; i++) {
                y[i] = (S) c[i][0];
            }
            return y;
        }
    }

    /** Fills {@code c[slot][1..K+1]} from the state {@code c[0..d-1][0]}: inputs get the state's Taylor coefficients, nodes their series. */
    @SuppressWarnings("unchecked")
    private void coefficients(Object[][] c, S[] inv) {
        int slots = op.length;
        int kmax = order + 1;
        S zero = a.zero();
        for (int k = 0; k < kmax; k++) {
            for (int s = d; s < slots; s++) {
                Object[] cs = c[s];
                switch (op[s]) {
                    case TracingArithmetic.ADD -> cs[k] = a.add((S) c[arg1[s]][k], (S) c[arg2[s]][k]);
                    case TracingArithmetic.SUB -> cs[k] = a.sub((S) c[arg1[s]][k], (S) c[arg2[s]][k]);
                    case TracingArithmetic.NEG -> cs[k] = a.negate((S) c[arg1[s]][k]);
                    case TracingArithmetic.MULC -> cs[k] = a.mul((S) constant[s], (S) c[arg1[s]][k]);
                    case TracingArithmetic.ADDC -> cs[k] = k == 0 ? a.add((S) c[arg1[s]][0], (S) constant[s])
                            : c[arg1[s]][k];
                    case TracingArithmetic.MUL -> {
                        Object[] u = c[arg1[s]];
                        Object[] v = c[arg2[s]];
                        S sum = null;
                        for (int i = 0; i <= k; i++) {
                            S ui = (S) u[i];
                            S vi = (S) v[k - i];
                            if (a.signum(ui) == 0 || a.signum(vi) == 0) {
                                continue;
                            }
                            S p = a.mul(ui, vi);
                            sum = sum == null ? p : a.add(sum, p);
                        }
                        cs[k] = sum == null ? zero : sum;
                    }
                    default -> throw new IllegalStateException("unknown tape operation " + op[s]);
                }
            }
            for (int i = 0; i < d; i++) {
                S g = outSlot[i] >= 0 ? (S) c[outSlot[i]][k] : (k == 0 ? (S) outConstant[i] : zero);
                c[i][k + 1] = a.mul(g, inv[k]);
            }
        }
    }

    /**
     * The logarithmic 2-norm {@code mu(J) = lambda_max((J + J')/2)} of the field's Jacobian {@code J} at
     * {@code x}, in double: {@code J} column by column by forward-mode differentiation through the
     * recorded program (exact up to double rounding), then a symmetric eigenvalue solve (EJML).
     * Perturbations of the flow grow at most like {@code exp(int mu)}.
     */
    @SuppressWarnings("unchecked")
    private double logNorm(double[] x) {
        int slots = op.length;
        double[] v = new double[slots];
        System.arraycopy(x, 0, v, 0, d);
        for (int s = d; s < slots; s++) {
            switch (op[s]) {
                case TracingArithmetic.ADD -> v[s] = v[arg1[s]] + v[arg2[s]];
                case TracingArithmetic.SUB -> v[s] = v[arg1[s]] - v[arg2[s]];
                case TracingArithmetic.NEG -> v[s] = -v[arg1[s]];
                case TracingArithmetic.MULC -> v[s] = constantD[s] * v[arg1[s]];
                case TracingArithmetic.ADDC -> v[s] = v[arg1[s]] + constantD[s];
                case TracingArithmetic.MUL -> v[s] = v[arg1[s]] * v[arg2[s]];
                default -> throw new IllegalStateException("unknown tape operation " + op[s]);
            }
        }
        DMatrixRMaj sym = new DMatrixRMaj(d, d);
        double[] t = new double[slots];
        for (int col = 0; col < d; col++) {
            java.util.Arrays.fill(t, 0, d, 0);
            t[col] = 1;
            for (int s = d; s < slots; s++) {
                switch (op[s]) {
                    case TracingArithmetic.ADD -> t[s] = t[arg1[s]] + t[arg2[s]];
                    case TracingArithmetic.SUB -> t[s] = t[arg1[s]] - t[arg2[s]];
                    case TracingArithmetic.NEG -> t[s] = -t[arg1[s]];
                    case TracingArithmetic.MULC -> t[s] = constantD[s] * t[arg1[s]];
                    case TracingArithmetic.ADDC -> t[s] = t[arg1[s]];
                    case TracingArithmetic.MUL -> t[s] = t[arg1[s]] * v[arg2[s]] + v[arg1[s]] * t[arg2[s]];
                    default -> throw new IllegalStateException("unknown tape operation " + op[s]);
                }
            }
            for (int row = 0; row < d; row++) {
                double jrc = outSlot[row] >= 0 ? t[outSlot[row]] : 0;
                sym.add(row, col, 0.5 * jrc);
                sym.add(col, row, 0.5 * jrc);
            }
        }
        if (MatrixFeatures_DDRM.hasUncountable(sym)) {
            return Double.POSITIVE_INFINITY;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(sym)) {
            throw new IllegalStateException("symmetric eigenvalue solve failed for the Jacobian's symmetric part");
        }
        double mu = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            mu = Math.max(mu, eig.getEigenvalue(i).getReal());
        }
        return mu;
    }

    /** {@code sum_{j=0..K} c_j s^j} for the inputs, by Horner's rule. */
    @SuppressWarnings("unchecked")
    private S[] horner(Object[][] c, S s) {
        S[] y = (S[]) new Object[d];
        for (int i = 0; i < d; i++) {
            S acc = (S) c[i][order];
            for (int j = order - 1; j >= 0; j--) {
                acc = a.add(a.mul(acc, s), (S) c[i][j]);
            }
            y[i] = acc;
        }
        return y;
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

    // ------------------------------------------------------------------ recording and compilation

    private static <S, M> TaylorFlow<S, M> record(TracingArithmetic<S, M> tr, VectorField<Traced, TracedMatrix> field,
                                                  int digits) {
        int d = field.dimension();
        Checks.dimension("dimension", d);
        int first = tr.tapeSize();
        TracedMatrix x = tr.inputs(d);
        TracedMatrix g = field.derivative(x);
        if (g.rows != d || g.cols != 1) {
            throw new IllegalArgumentException("field derivative must be a " + d + "x1 vector, got "
                    + g.rows + "x" + g.cols);
        }
        int end = tr.tapeSize();
        // reachability from the outputs
        boolean[] live = new boolean[end - first];
        for (Traced t : g.data) {
            if (t.owner != tr) {
                throw new IllegalArgumentException("field returned a value recorded by another tracing arithmetic");
            }
            if (t.node >= 0) {
                if (t.node < first) {
                    throw new IllegalArgumentException("field returned a value recorded before its inputs");
                }
                live[t.node - first] = true;
            }
        }
        for (int n = end - 1; n >= first + d; n--) {
            if (!live[n - first]) {
                continue;
            }
            int code = tr.op(n);
            markLive(live, tr.arg1(n), first);
            if (code == TracingArithmetic.ADD || code == TracingArithmetic.SUB || code == TracingArithmetic.MUL) {
                markLive(live, tr.arg2(n), first);
            }
        }
        int[] slot = new int[end - first];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            slot[i] = i;
            order.add(first + i);
        }
        for (int n = first + d; n < end; n++) {
            if (live[n - first]) {
                slot[n - first] = order.size();
                order.add(n);
            }
        }
        int size = order.size();
        int[] op = new int[size];
        int[] a1 = new int[size];
        int[] a2 = new int[size];
        Object[] cs = new Object[size];
        for (int s = 0; s < size; s++) {
            int n = order.get(s);
            int code = tr.op(n);
            op[s] = code;
            if (code == TracingArithmetic.INPUT) {
                continue;
            }
            a1[s] = slot[tr.arg1(n) - first];
            if (code == TracingArithmetic.ADD || code == TracingArithmetic.SUB || code == TracingArithmetic.MUL) {
                a2[s] = slot[tr.arg2(n) - first];
            } else if (code == TracingArithmetic.MULC || code == TracingArithmetic.ADDC) {
                cs[s] = tr.nodeConstant(n);
            }
        }
        int[] outSlot = new int[d];
        Object[] outConst = new Object[d];
        for (int i = 0; i < d; i++) {
            Traced t = g.data[i];
            if (t.node >= 0) {
                outSlot[i] = slot[t.node - first];
            } else {
                outSlot[i] = -1;
                outConst[i] = tr.constantValue(t);
            }
        }
        return new TaylorFlow<>(tr.base(), d, digits, op, a1, a2, cs, outSlot, outConst, true);
    }

    private static void markLive(boolean[] live, int node, int first) {
        if (node < first) {
            throw new IllegalArgumentException("field used a value recorded before its inputs (node " + node + ")");
        }
        live[node - first] = true;
    }
}
