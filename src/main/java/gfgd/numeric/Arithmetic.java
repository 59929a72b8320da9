package gfgd.numeric;

import java.util.List;

/**
 * The small matrix-level arithmetic every objective and solver is written against, once.
 *
 * <p>Two implementations exist: {@link DoubleArithmetic} (EJML {@code DMatrixRMaj}, IEEE double) and
 * {@link ApfloatArithmetic} (apfloat, a fixed number of significant digits routed through one
 * precision context). Code written against this interface runs unchanged in both, which is how the
 * double and arbitrary-precision results are pinned together.
 *
 * <p>Conventions: matrices are dense and row-major; a vector is an {@code n x 1} matrix. Every
 * operation returns a new matrix and leaves its arguments unmodified, except {@link #set},
 * {@link #addInPlace} and {@link #pack}, which modify their first (matrix) argument, as their names say.
 *
 * @param <S> the scalar type
 * @param <M> the matrix type
 */
public interface Arithmetic<S, M> {

    /** A short name: {@code "double"} or {@code "apfloat(<digits>)"}. */
    String name();

    // ---------------------------------------------------------------- scalars

    /** The integer {@code n}, exactly. */
    S of(long n);

    /** A decimal literal such as {@code "0.3"} or {@code "-1.5e-7"}, rounded once to this arithmetic. */
    S parse(String decimal);

    /**
     * The exact binary value of {@code x} (rounded once to this arithmetic's precision). Use it only
     * for values that are exact binary fractions or already double results; a decimal constant such
     * as 0.1 must go through {@link #parse}.
     *
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    S exact(double x);

    default S zero() { return of(0); }

    default S one() { return of(1); }

    /** The ratio {@code p / q} of two integers, rounded once. */
    default S ratio(long p, long q) { return div(of(p), of(q)); }

    S add(S a, S b);

    S sub(S a, S b);

    S mul(S a, S b);

    /** @throws ArithmeticException if {@code b} is zero */
    S div(S a, S b);

    S negate(S a);

    /** @throws ArithmeticException if {@code a < 0} */
    S sqrt(S a);

    S abs(S a);

    /** {@code exp(a)}. */
    S exp(S a);

    /** Natural logarithm. @throws ArithmeticException if {@code a <= 0} */
    S log(S a);

    int signum(S a);

    int compare(S a, S b);

    double toDouble(S a);

    /** A decimal string with every digit this arithmetic carries. */
    String toString(S a);

    /** Unit roundoff of this arithmetic: 2^-53 for double, 10^-(digits+guard-1) for apfloat. */
    double epsilon();

    // ---------------------------------------------------------------- matrices

    M zeros(int rows, int cols);

    default M identity(int n) {
        M m = zeros(n, n);
        S one = one();
        for (int i = 0; i < n; i++) {
            set(m, i, i, one);
        }
        return m;
    }

    int rows(M m);

    int cols(M m);

    S get(M m, int i, int j);

    /** Sets entry (i, j) of {@code m}. Modifies {@code m}. */
    void set(M m, int i, int j, S value);

    /** A {@code rows x cols} matrix from row-major doubles, each taken exactly (see {@link #exact}). */
    M fromDoubles(int rows, int cols, double... rowMajor);

    /** A {@code rows x cols} matrix from row-major decimal literals (see {@link #parse}). */
    M fromStrings(int rows, int cols, String... rowMajor);

    /** Row-major doubles (nearest double to each entry). */
    double[] toDoubles(M m);

    /** A column vector from doubles, each taken exactly. */
    default M vector(double... values) { return fromDoubles(values.length, 1, values); }

    M copy(M m);

    M transpose(M m);

    /** {@code a * b}. */
    M mult(M a, M b);

    /** {@code a' * b}. */
    M multTransA(M a, M b);

    /** {@code a * b'}. */
    M multTransB(M a, M b);

    /** {@code a + b}. */
    M plus(M a, M b);

    /** {@code a - b}. */
    M minus(M a, M b);

    /** {@code s * a}. */
    M scale(S s, M a);

    /** {@code a + s * b}. */
    M addScaled(M a, S s, M b);

    /** {@code a <- a + s * b}. Modifies {@code a}; returns it. */
    M addInPlace(M a, S s, M b);

    /** Entrywise product {@code a .* b}. */
    M hadamard(M a, M b);

    /** Frobenius inner product {@code sum_ij a_ij b_ij}. */
    S dot(M a, M b);

    /** Frobenius norm. */
    default S norm(M a) { return sqrt(dot(a, a)); }

    /** The {@code rows x cols} block stored row-major in {@code vector} from {@code offset} on (a copy). */
    M unpack(M vector, int offset, int rows, int cols);

    /** Writes {@code block} row-major into {@code vector} from {@code offset} on. Modifies {@code vector}. */
    void pack(M block, M vector, int offset);

    /** The blocks written one after the other, row-major, into a new column vector. */
    default M concat(List<M> blocks) {
        int n = 0;
        for (M b : blocks) {
            n += rows(b) * cols(b);
        }
        M v = zeros(n, 1);
        int off = 0;
        for (M b : blocks) {
            pack(b, v, off);
            off += rows(b) * cols(b);
        }
        return v;
    }

    /** Whether every entry is finite (always true for apfloat). */
    boolean isFinite(M m);

    /**
     * {@code r_ij = m_ij * (z_ij > 0 ? positive : otherwise)}: a homogeneous activation (ReLU, leaky
     * ReLU) applied to {@code z} (with {@code m = z}), or its slope applied to {@code m} (backpropagation).
     * Needs only comparisons and products, so it is the same function in every arithmetic.
     */
    default M scaleBySign(M m, M z, S positive, S otherwise) {
        int r = rows(z);
        int c = cols(z);
        if (rows(m) != r || cols(m) != c) {
            throw new IllegalArgumentException("shape mismatch: " + rows(m) + "x" + cols(m) + " vs " + r + "x" + c);
        }
        M s = zeros(r, c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                set(s, i, j, mul(get(m, i, j), signum(get(z, i, j)) > 0 ? positive : otherwise));
            }
        }
        return s;
    }

    /**
     * {@code a * b + 1 row}: the product with {@code row} added to each of its rows (a bias). {@code row}
     * holds {@code cols(b)} entries in any shape.
     */
    default M multPlusRow(M a, M b, M row) {
        int n = cols(b);
        if (rows(row) * cols(row) != n) {
            throw new IllegalArgumentException("row has " + rows(row) * cols(row) + " entries, expected " + n);
        }
        M c = mult(a, b);
        for (int i = 0; i < rows(c); i++) {
            for (int j = 0; j < n; j++) {
                set(c, i, j, add(get(c, i, j), get(row, j / cols(row), j % cols(row))));
            }
        }
        return c;
    }

    /** {@code m' 1}: the sums of the columns of {@code m}, as a {@code cols(m) x 1} vector. */
    default M columnSums(M m) {
        int r = rows(m);
        int c = cols(m);
        M s = zeros(c, 1);
        for (int j = 0; j < c; j++) {
            S t = zero();
            for (int i = 0; i < r; i++) {
                t = add(t, get(m, i, j));
            }
            set(s, j, 0, t);
        }
        return s;
    }

    // ------------------------------------------------- destination-passing variants (hot loops)
    // Each writes its result into {@code out} (which must have the result's shape and, unless stated,
    // must not be an argument), modifies only {@code out}, and returns it. The defaults compute a new matrix and copy it; DoubleArithmetic writes
    // in place, so that a loop reusing its buffers allocates nothing.

    /** {@code out <- a * b}. Modifies {@code out}. */
    default M multInto(M a, M b, M out) {
        return copyInto(mult(a, b), out);
    }

    /** {@code out <- a' * b}. Modifies {@code out}. */
    default M multTransAInto(M a, M b, M out) {
        return copyInto(multTransA(a, b), out);
    }

    /** {@code out <- a * b'}. Modifies {@code out}. */
    default M multTransBInto(M a, M b, M out) {
        return copyInto(multTransB(a, b), out);
    }

    /** {@code out <- a * b + 1 row} (see {@link #multPlusRow}). Modifies {@code out}. */
    default M multPlusRowInto(M a, M b, M row, M out) {
        return copyInto(multPlusRow(a, b, row), out);
    }

    /**
     * {@code out <- m .* (z > 0 ? positive : otherwise)} (see {@link #scaleBySign}); {@code out} may be
     * {@code m} or {@code z}. Modifies {@code out}.
     */
    default M scaleBySignInto(M m, M z, S positive, S otherwise, M out) {
        return copyInto(scaleBySign(m, z, positive, otherwise), out);
    }

    /** {@code out <- s * m}; {@code out} may be {@code m}. Modifies {@code out}. */
    default M scaleInto(S s, M m, M out) {
        return copyInto(scale(s, m), out);
    }

    /** {@code out <-} the {@code rows(out) x cols(out)} block stored row-major in {@code vector} from {@code offset} on. Modifies {@code out}. */
    default M unpackInto(M vector, int offset, M out) {
        return copyInto(unpack(vector, offset, rows(out), cols(out)), out);
    }

    /**
     * {@code out <- result} entry by entry. Modifies {@code out}; returns it.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    default M copyInto(M result, M out) {
        if (rows(result) != rows(out) || cols(result) != cols(out)) {
            throw new IllegalArgumentException("out must be " + rows(result) + "x" + cols(result) + ", got "
                    + rows(out) + "x" + cols(out));
        }
        pack(result, out, 0);
        return out;
    }

    /**
     * {@code out <- s (r_i p_i' - Y_i)} row by row: the gradient in {@code f} of the softmax
     * cross-entropy {@code -s sum_i sum_c Y_ic log softmax(f_i)_c}, with {@code p_i = softmax(f_i)}
     * ({@code exp(f_ic - max_c f_ic)} divided by its row sum, summed in column order) and
     * {@code r_i = sum_c Y_ic}. {@code out} must have {@code f}'s shape and be neither argument.
     * Modifies {@code out}. The default works entry by entry; DoubleArithmetic runs the same
     * operations in the same order on its arrays.
     */
    default M softmaxCrossEntropyGradientInto(M f, M y, S s, M out) {
        int n = rows(f);
        int c = cols(f);
        if (rows(y) != n || cols(y) != c || rows(out) != n || cols(out) != c) {
            throw new IllegalArgumentException("f, y and out must all be " + n + "x" + c + ", got y "
                    + rows(y) + "x" + cols(y) + " and out " + rows(out) + "x" + cols(out));
        }
        java.util.List<S> e = new java.util.ArrayList<>(c);
        for (int i = 0; i < n; i++) {
            S max = get(f, i, 0);
            for (int j = 1; j < c; j++) {
                S v = get(f, i, j);
                if (compare(v, max) > 0) {
                    max = v;
                }
            }
            e.clear();
            S sum = zero();
            for (int j = 0; j < c; j++) {
                S ej = exp(sub(get(f, i, j), max));
                e.add(ej);
                sum = add(sum, ej);
            }
            S ySum = zero();
            for (int j = 0; j < c; j++) {
                ySum = add(ySum, get(y, i, j));
            }
            for (int j = 0; j < c; j++) {
                set(out, i, j, mul(s, sub(mul(ySum, div(e.get(j), sum)), get(y, i, j))));
            }
        }
        return out;
    }
}
