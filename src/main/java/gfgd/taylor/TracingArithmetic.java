package gfgd.taylor;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.ArrayMatrixArithmetic;
import gfgd.numeric.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link Arithmetic} that records a computation instead of (only) performing it: scalars are
 * {@link Traced} values, either constants of an underlying arithmetic {@code base} or nodes of a tape.
 * Evaluating a vector field once on {@link #inputs symbolic inputs} records it as a straight-line
 * program of additions, subtractions, negations and multiplications, which a {@link TaylorProgram} then
 * propagates Taylor series through (Taylor-mode automatic differentiation).
 *
 * <p>Operations on constants only are carried out in {@code base} (constant folding). A traced value may
 * enter only polynomial operations: {@code add, sub, mul, negate} and division by a non-zero constant.
 * Anything else ({@code div} by a traced value, {@code sqrt, exp, log, abs, signum, compare, toDouble}
 * of a traced value) throws {@link IllegalArgumentException} "not a polynomial vector field: ...".
 * Multiplications by an exact zero constant are not recorded (their result is the constant zero), nor
 * additions of zero or multiplications by one.
 *
 * <p>Not thread-safe: a tracer records into one tape.
 *
 * @param <S> scalar type of the underlying arithmetic
 * @param <M> matrix type of the underlying arithmetic
 */
public final class TracingArithmetic<S, M> extends ArrayMatrixArithmetic<Traced, TracedMatrix> {

    /** Tape operation codes. */
    static final int INPUT = 0;
    static final int ADD = 1;
    static final int SUB = 2;
    static final int NEG = 3;
    /** constant * node */
    static final int MULC = 4;
    /** node + constant */
    static final int ADDC = 5;
    /** node * node */
    static final int MUL = 6;

    private final Arithmetic<S, M> base;
    private final Traced zero;
    private final Traced one;
    private int[] op = new int[64];
    private int[] arg1 = new int[64];
    private int[] arg2 = new int[64];
    private final List<S> consts = new ArrayList<>();
    private int size;

    private TracingArithmetic(Arithmetic<S, M> base) {
        this.base = base;
        this.zero = constant(base.zero());
        this.one = constant(base.one());
    }

    /** A tracer whose constants live in {@code base}. */
    public static <S, M> TracingArithmetic<S, M> over(Arithmetic<S, M> base) {
        return new TracingArithmetic<>(base);
    }

    /** The arithmetic constants are computed in and Taylor series are propagated in. */
    public Arithmetic<S, M> base() {
        return base;
    }

    /** Nodes recorded so far. */
    public int tapeSize() {
        return size;
    }

    /** {@code n} fresh input nodes as an {@code n x 1} vector. */
    public TracedMatrix inputs(int n) {
        Checks.dimension("inputs", n);
        Traced[] d = new Traced[n];
        for (int i = 0; i < n; i++) {
            d[i] = record(INPUT, i, -1, null);
        }
        return new TracedMatrix(n, 1, d);
    }

    /** A constant matrix with the entries of {@code m}. */
    public TracedMatrix constantMatrix(M m) {
        int r = base.rows(m);
        int c = base.cols(m);
        Traced[] d = new Traced[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                d[i * c + j] = constant(base.get(m, i, j));
            }
        }
        return new TracedMatrix(r, c, d);
    }

    /** The constant {@code value}. */
    public Traced constant(S value) {
        return new Traced(this, -1, value);
    }

    /** The value of a constant; @throws IllegalArgumentException if {@code t} is traced */
    public S constantValue(Traced t) {
        return value(t, "constantValue");
    }

    // ------------------------------------------------------------------ tape access (package)

    int op(int node) {
        return op[node];
    }

    int arg1(int node) {
        return arg1[node];
    }

    int arg2(int node) {
        return arg2[node];
    }

    S nodeConstant(int node) {
        return consts.get(arg2[node]);
    }

    // ------------------------------------------------------------------ recording

    private Traced record(int code, int a, int b, S c) {
        if (size == op.length) {
            op = Arrays.copyOf(op, 2 * size);
            arg1 = Arrays.copyOf(arg1, 2 * size);
            arg2 = Arrays.copyOf(arg2, 2 * size);
        }
        op[size] = code;
        arg1[size] = a;
        if (c != null) {
            arg2[size] = consts.size();
            consts.add(c);
        } else {
            arg2[size] = b;
        }
        return new Traced(this, size++, null);
    }

    private Traced mine(Traced t) {
        if (t.owner != this) {
            throw new IllegalArgumentException("value " + t + " was recorded by another tracing arithmetic");
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private S value(Traced t, String what) {
        mine(t);
        if (t.node >= 0) {
            throw notPolynomial(what + " of a traced value");
        }
        return (S) t.constant;
    }

    @SuppressWarnings("unchecked")
    private S c(Traced t) {
        return (S) t.constant;
    }

    private boolean isZero(Traced t) {
        return t.node < 0 && base.signum(c(t)) == 0;
    }

    private boolean isOne(Traced t) {
        return t.node < 0 && base.compare(c(t), base.one()) == 0;
    }

    static IllegalArgumentException notPolynomial(String what) {
        return new IllegalArgumentException("not a polynomial vector field: " + what
                + " (Taylor integration needs a field built from +, -, * and constants only)");
    }

    // ------------------------------------------------------------------ scalars

    @Override
    public String name() {
        return "tracing(" + base.name() + ")";
    }

    @Override
    public Traced of(long n) {
        return n == 0 ? zero : n == 1 ? one : constant(base.of(n));
    }

    @Override
    public Traced parse(String decimal) {
        return constant(base.parse(decimal));
    }

    @Override
    public Traced exact(double x) {
        return constant(base.exact(x));
    }

    @Override
    public Traced add(Traced a, Traced b) {
        mine(a);
        mine(b);
        if (a.node < 0 && b.node < 0) {
            return constant(base.add(c(a), c(b)));
        }
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        if (a.node < 0) {
            return record(ADDC, b.node, -1, c(a));
        }
        if (b.node < 0) {
            return record(ADDC, a.node, -1, c(b));
        }
        return record(ADD, a.node, b.node, null);
    }

    @Override
    public Traced sub(Traced a, Traced b) {
        mine(a);
        mine(b);
        if (a.node < 0 && b.node < 0) {
            return constant(base.sub(c(a), c(b)));
        }
        if (isZero(b)) {
            return a;
        }
        if (b.node < 0) {
            return record(ADDC, a.node, -1, base.negate(c(b)));
        }
        if (isZero(a)) {
            return negate(b);
        }
        if (a.node < 0) {
            return record(ADDC, negate(b).node, -1, c(a));
        }
        return record(SUB, a.node, b.node, null);
    }

    @Override
    public Traced mul(Traced a, Traced b) {
        mine(a);
        mine(b);
        if (a.node < 0 && b.node < 0) {
            return constant(base.mul(c(a), c(b)));
        }
        if (isZero(a) || isZero(b)) {
            return zero;
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        if (a.node < 0) {
            return record(MULC, b.node, -1, c(a));
        }
        if (b.node < 0) {
            return record(MULC, a.node, -1, c(b));
        }
        return record(MUL, a.node, b.node, null);
    }

    @Override
    public Traced div(Traced a, Traced b) {
        mine(a);
        S d = value(b, "division (reciprocal)");
        if (base.signum(d) == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (a.node < 0) {
            return constant(base.div(c(a), d));
        }
        return mul(a, constant(base.div(base.one(), d)));
    }

    @Override
    public Traced negate(Traced a) {
        mine(a);
        return a.node < 0 ? constant(base.negate(c(a))) : record(NEG, a.node, -1, null);
    }

    @Override
    public Traced sqrt(Traced a) {
        return constant(base.sqrt(value(a, "sqrt")));
    }

    @Override
    public Traced abs(Traced a) {
        return constant(base.abs(value(a, "abs")));
    }

    @Override
    public Traced exp(Traced a) {
        return constant(base.exp(value(a, "exp")));
    }

    @Override
    public Traced log(Traced a) {
        return constant(base.log(value(a, "log")));
    }

    @Override
    public int signum(Traced a) {
        return base.signum(value(a, "signum"));
    }

    @Override
    public int compare(Traced a, Traced b) {
        return base.compare(value(a, "compare"), value(b, "compare"));
    }

    @Override
    public double toDouble(Traced a) {
        return base.toDouble(value(a, "toDouble"));
    }

    @Override
    public String toString(Traced a) {
        mine(a);
        return a.node < 0 ? base.toString(c(a)) : a.toString();
    }

    @Override
    public double epsilon() {
        return base.epsilon();
    }

    // ------------------------------------------------------------------ matrices

    @Override
    protected TracedMatrix matrix(int rows, int cols, Traced[] data) {
        return new TracedMatrix(rows, cols, data);
    }

    @Override
    protected Traced[] newArray(int n) {
        return new Traced[n];
    }

    @Override
    public void set(TracedMatrix m, int i, int j, Traced value) {
        entries(m)[i * m.cols() + j] = mine(value);
    }

    @Override
    public TracedMatrix fromDoubles(int rows, int cols, double... rowMajor) {
        return constantMatrix(base.fromDoubles(rows, cols, rowMajor));
    }

    @Override
    public TracedMatrix fromStrings(int rows, int cols, String... rowMajor) {
        return constantMatrix(base.fromStrings(rows, cols, rowMajor));
    }

    /** {@code sum_k x_k y_k}; constant products are summed in {@code base} before anything is recorded. */
    @Override
    protected Traced sumOfProducts(Traced[] x, Traced[] y) {
        S constantPart = null;
        Traced s = zero;
        for (int k = 0; k < x.length; k++) {
            Traced p = mul(x[k], y[k]);
            if (p.node < 0) {
                constantPart = constantPart == null ? c(p) : base.add(constantPart, c(p));
            } else {
                s = add(s, p);
            }
        }
        return constantPart == null ? s : add(s, constant(constantPart));
    }

    @Override
    public TracedMatrix addInPlace(TracedMatrix a, Traced s, TracedMatrix b) {
        sameShape(a, b);
        Traced[] x = entries(a);
        Traced[] y = entries(b);
        for (int k = 0; k < x.length; k++) {
            x[k] = add(x[k], mul(s, y[k]));
        }
        return a;
    }

    @Override
    public boolean isFinite(TracedMatrix m) {
        for (Traced t : entries(m)) {
            if (t.node < 0 && !Double.isFinite(base.toDouble(c(t)))) {
                return false;
            }
        }
        return true;
    }

}
