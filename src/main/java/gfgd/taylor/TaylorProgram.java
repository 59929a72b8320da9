package gfgd.taylor;

import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.numeric.Interval;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A polynomial vector field {@code x' = g(x)} compiled from its recording by a {@link TracingArithmetic}
 * into a straight-line program (inputs, then the live nodes in order), with the Taylor-mode recurrences
 * that propagate series through it:
 * <pre>
 *   c_0 = x(t0),   c_{k+1} = g_k / (k+1),   (u v)_k = sum_{i=0..k} u_i v_{k-i}   (Cauchy product),
 * </pre>
 * sums, differences and constant multiples taken coefficient-wise. Both the floating-point Taylor
 * integrator ({@code gfgd.dynamics.TaylorFlow}) and the validated one run this program: the first in
 * double or apfloat, the second in interval arithmetic, where every coefficient is an enclosure.
 * Immutable; kernels hold the work space of one run.
 *
 * @param <S> scalar type of the arithmetic the constants were recorded in
 * @param <M> matrix type of that arithmetic
 */
public final class TaylorProgram<S, M> {

    private final Arithmetic<S, M> a;
    private final int d;
    private final int[] op;
    private final int[] arg1;
    private final int[] arg2;
    private final Object[] constant;
    /** Output j: the slot of g_j, or -1 when g_j is the constant outConstant[j]. */
    private final int[] outSlot;
    private final Object[] outConstant;
    private final int products;
    /** The constants of MULC/ADDC nodes as doubles (for the Jacobian's log norm). */
    private final double[] constantD;

    private TaylorProgram(Arithmetic<S, M> a, int d, int[] op, int[] arg1, int[] arg2, Object[] constant,
                          int[] outSlot, Object[] outConstant) {
        this.a = a;
        this.d = d;
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

    /** The arithmetic the program's constants live in and the generic kernel computes in. */
    public Arithmetic<S, M> arithmetic() {
        return a;
    }

    public int dimension() {
        return d;
    }

    /** Slots (inputs included) the series are propagated through. */
    public int size() {
        return op.length;
    }

    /** Recorded products of two traced values (the {@code O(K^2)} part of a series step). */
    public int products() {
        return products;
    }

    // ------------------------------------------------------------------ kernels

    /**
     * A kernel of order {@code K} (coefficients {@code 0..K+1}) with state {@code x}: binary floating point
     * ({@link BinaryTaylorKernel}) for apfloat when {@code binary} is set and the constants and state fit
     * BigDecimal's exponent range, the arithmetic's own operations otherwise.
     */
    @SuppressWarnings("unchecked")
    public TaylorKernel<S> kernel(int order, boolean binary, S[] x) {
        if (binary && a instanceof ApfloatArithmetic ap) {
            try {
                TaylorKernel<S> k = (TaylorKernel<S>) (TaylorKernel<?>) new BinaryTaylorKernel(ap, d, order, op,
                        arg1, arg2, constant, outSlot, outConstant);
                load(k, x);
                return k;
            } catch (NumberFormatException | ArithmeticException outOfRange) {
                // a constant or the state is outside BigDecimal's exponent range: stay in the arithmetic
            }
        }
        return seriesKernel(order, x);
    }

    /**
     * A kernel computing with the arithmetic's own scalar operations, loaded with state {@code x}; the
     * arrays it returns ({@link SeriesKernel#evaluate}, {@link SeriesKernel#state}) have the runtime type of {@code x}.
     */
    public SeriesKernel seriesKernel(int order, S[] x) {
        SeriesKernel k = new SeriesKernel(order, x.getClass().getComponentType());
        load(k, x);
        return k;
    }

    private void load(TaylorKernel<S> k, S[] x) {
        for (int i = 0; i < d; i++) {
            k.load(i, x[i]);
        }
    }

    /**
     * The kernel computing with the arithmetic's scalar operations (every operation rounded, or, in
     * interval arithmetic, enclosed); its coefficients are readable as scalars.
     */
    public final class SeriesKernel implements TaylorKernel<S> {

        private final int order;
        private final Object[][] c;
        private final S[] inv;
        /** Component type of the state array the kernel was loaded from (that of the arrays it returns). */
        private final Class<?> component;

        @SuppressWarnings("unchecked")
        SeriesKernel(int order, Class<?> component) {
            this.order = order;
            this.component = component;
            this.c = new Object[op.length][order + 2];
            inv = (S[]) new Object[order + 2];
            for (int k = 0; k <= order + 1; k++) {
                inv[k] = a.ratio(1, k + 1);
            }
        }

        /** The series order {@code K}: coefficients {@code 0..K+1} are computed. */
        public int order() {
            return order;
        }

        @Override
        public void load(int i, S value) {
            c[i][0] = value;
        }

        @Override
        public void coefficients() {
            TaylorProgram.this.coefficients(c, inv, order + 1);
        }

        /** The {@code j}-th Taylor coefficient of input {@code i}, {@code 0 <= j <= K+1}. */
        @SuppressWarnings("unchecked")
        public S coefficient(int i, int j) {
            return (S) c[i][j];
        }

        @Override
        @SuppressWarnings("unchecked")
        public double magnitude(int i, int j) {
            return Math.abs(a.toDouble((S) c[i][j]));
        }

        @SuppressWarnings("unchecked")
        private S[] newArray() {
            return (S[]) Array.newInstance(component, d);
        }

        @Override
        public S[] evaluate(S s) {
            return horner(c, s, order, newArray());
        }

        @Override
        public void advance(S s) {
            S[] x = horner(c, s, order, newArray());
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
            S[] y = newArray();
            for (int i = 0; i < d; i++) {
                y[i] = (S) c[i][0];
            }
            return y;
        }
    }

    /** Whether {@code x} is exactly zero (an interval only if it is {@code [0, 0]}: no sign test that could fail). */
    private boolean isExactZero(S x) {
        if (x instanceof Interval iv) {
            return iv.lo().signum() == 0 && iv.hi().signum() == 0;
        }
        return a.signum(x) == 0;
    }

    /** Fills {@code c[slot][1..kmax]} from the state {@code c[0..d-1][0]}: inputs get the state's Taylor coefficients, nodes their series. */
    @SuppressWarnings("unchecked")
    private void coefficients(Object[][] c, S[] inv, int kmax) {
        int slots = op.length;
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
                            if (isExactZero(ui) || isExactZero(vi)) {
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

    /** {@code sum_{j=0..K} c_j s^j} for the inputs, by Horner's rule, into {@code y}. */
    @SuppressWarnings("unchecked")
    private S[] horner(Object[][] c, S s, int order, S[] y) {
        for (int i = 0; i < d; i++) {
            S acc = (S) c[i][order];
            for (int j = order - 1; j >= 0; j--) {
                acc = a.add(a.mul(acc, s), (S) c[i][j]);
            }
            y[i] = acc;
        }
        return y;
    }

    /**
     * The logarithmic 2-norm {@code mu(J) = lambda_max((J + J')/2)} of the field's Jacobian {@code J} at
     * {@code x}, in double: {@code J} column by column by forward-mode differentiation through the
     * program (exact up to double rounding), then a symmetric eigenvalue solve (EJML).
     * Perturbations of the flow grow at most like {@code exp(int mu)}.
     */
    public double logNorm(double[] x) {
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
            Arrays.fill(t, 0, d, 0);
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

    // ------------------------------------------------------------------ recording and compilation

    /**
     * Records the field {@code x -> g(x)} of dimension {@code d} (computed with {@code tr}) and compiles the
     * part of the tape its outputs depend on.
     *
     * @throws IllegalArgumentException "not a polynomial vector field: ..." if the field uses a
     *                                  non-polynomial operation on the state, or if its output is not {@code d x 1}
     */
    public static <S, M> TaylorProgram<S, M> record(TracingArithmetic<S, M> tr, int d, UnaryOperator<TracedMatrix> field) {
        Checks.dimension("dimension", d);
        int first = tr.tapeSize();
        TracedMatrix x = tr.inputs(d);
        TracedMatrix g = field.apply(x);
        if (g.rows() != d || g.cols() != 1) {
            throw new IllegalArgumentException("field derivative must be a " + d + "x1 vector, got "
                    + g.rows() + "x" + g.cols());
        }
        int end = tr.tapeSize();
        boolean[] live = new boolean[end - first];
        for (int i = 0; i < d; i++) {
            Traced t = g.get(i, 0);
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
            Traced t = g.get(i, 0);
            if (t.node >= 0) {
                outSlot[i] = slot[t.node - first];
            } else {
                outSlot[i] = -1;
                outConst[i] = tr.constantValue(t);
            }
        }
        return new TaylorProgram<>(tr.base(), d, op, a1, a2, cs, outSlot, outConst);
    }

    private static void markLive(boolean[] live, int node, int first) {
        if (node < first) {
            throw new IllegalArgumentException("field used a value recorded before its inputs (node " + node + ")");
        }
        live[node - first] = true;
    }
}
