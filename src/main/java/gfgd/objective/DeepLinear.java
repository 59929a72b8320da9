package gfgd.objective;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The square loss of a deep linear network,
 * <pre>
 *   f(theta) = 1/(2m) ||W_N ... W_1 X - Y||_F^2,
 * </pre>
 * with {@code X} the {@code d_0 x m} inputs and {@code Y} the {@code d_N x m} targets (the rows of the
 * {@link Dataset} transposed: one column per sample), depth {@code N >= 1}, any widths
 * {@code d_0, ..., d_N}, scalar ({@code d_N = 1}) or vector output.
 *
 * <p><b>Parameter layout.</b> {@code theta} is one column vector {@code [W_1; W_2; ...; W_N]}: layer
 * {@code W_j} is {@code d_j x d_{j-1}} and is stored row-major from {@link #offset(int) offset(j)} on,
 * so entry {@code (W_j)_{ik}} is {@code theta[offset(j) + i*d_{j-1} + k]}, with
 * {@code offset(1) = 0} and {@code offset(j+1) = offset(j) + d_j d_{j-1}}. The dimension is
 * {@code sum_j d_j d_{j-1}}.
 *
 * <p><b>Formulas.</b> With {@code W = W_N...W_1} (end-to-end), {@code A_j = W_N...W_{j+1}}
 * ({@code A_N = I}), {@code B_j = W_{j-1}...W_1} ({@code B_1 = I}) and the data moments
 * {@code Sxx = X X'/m}, {@code Syx = Y X'/m}:
 * <pre>
 *   G           = (1/m)(W X - Y) X' = W Sxx - Syx
 *   grad_{W_j}  = A_j' G B_j'
 *   (H V)_{W_j} = dA_j' G B_j' + A_j' dG B_j' + A_j' G dB_j',   dG = dW Sxx,
 * </pre>
 * where {@code dA_j, dB_j, dW} are the directional derivatives of {@code A_j, B_j, W} along
 * {@code V = [V_1, ..., V_N]} (product rule over the layers; exact, no finite differences). The
 * gradient and the Hessian-vector product use the moments, computed once, so their cost does not
 * depend on {@code m}; the value is computed from the residuals {@code W X - Y}, which keeps it
 * accurate near a minimum.
 *
 * <p>Immutable; no method modifies its arguments.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class DeepLinear<S, M> implements Objective<S, M> {

    private final Arithmetic<S, M> a;
    private final Dataset data;
    private final int[] widths;
    private final int[] offsets;
    private final int dimension;
    /** {@code d_0 x m}. */
    private final M x;
    /** {@code d_N x m}. */
    private final M y;
    /** {@code X X'/m}, {@code d_0 x d_0}. */
    private final M sxx;
    /** {@code Y X'/m}, {@code d_N x d_0}. */
    private final M syx;
    private final S twoM;

    private DeepLinear(Arithmetic<S, M> a, Dataset data, int[] widths) {
        this.a = a;
        this.data = data;
        this.widths = widths;
        int n = widths.length - 1;
        this.offsets = new int[n + 2];
        for (int j = 1; j <= n; j++) {
            offsets[j + 1] = offsets[j] + widths[j] * widths[j - 1];
        }
        this.dimension = offsets[n + 1];
        this.x = a.transpose(data.inputRows(a));
        this.y = a.transpose(data.targetRows(a));
        S m = a.of(data.samples());
        this.sxx = divide(a.multTransB(x, x), m);
        this.syx = divide(a.multTransB(y, x), m);
        this.twoM = a.of(2L * data.samples());
    }

    /**
     * The deep linear objective on {@code data} with widths {@code {d_0, d_1, ..., d_N}}.
     *
     * @param a      the arithmetic to compute in
     * @param data   the data set; {@code d_0 = data.inputs()}, {@code d_N = data.outputs()}
     * @param widths {@code d_0, ..., d_N} (copied), so the depth is {@code widths.length - 1}
     * @throws IllegalArgumentException if the depth is below 1, a width is below 1, or the first or last
     *                                  width does not match the data (the message names the field and value)
     */
    public static <S, M> DeepLinear<S, M> of(Arithmetic<S, M> a, Dataset data, int... widths) {
        if (a == null) {
            throw new IllegalArgumentException("arithmetic must not be null");
        }
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("widths must hold d_0..d_N with depth N >= 1 (length >= 2), got "
                    + (widths == null ? "null" : Arrays.toString(widths)));
        }
        int[] w = widths.clone();
        for (int j = 0; j < w.length; j++) {
            Checks.dimension("widths[" + j + "]", w[j]);
        }
        if (w[0] != data.inputs()) {
            throw new IllegalArgumentException("widths[0] must equal data.inputs() = " + data.inputs()
                    + ", got " + w[0]);
        }
        int n = w.length - 1;
        if (w[n] != data.outputs()) {
            throw new IllegalArgumentException("widths[" + n + "] must equal data.outputs() = " + data.outputs()
                    + ", got " + w[n]);
        }
        return new DeepLinear<>(a, data, w);
    }

    /** The number of parameters of a deep linear network with these widths: {@code sum_j d_j d_{j-1}}. */
    public static int parameterCount(int... widths) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("widths must hold d_0..d_N with depth N >= 1 (length >= 2), got "
                    + (widths == null ? "null" : Arrays.toString(widths)));
        }
        long d = 0;
        for (int j = 0; j < widths.length; j++) {
            Checks.dimension("widths[" + j + "]", widths[j]);
            if (j > 0) {
                d += (long) widths[j] * widths[j - 1];
            }
        }
        if (d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("widths " + Arrays.toString(widths) + " give " + d
                    + " parameters, more than " + Integer.MAX_VALUE);
        }
        return (int) d;
    }

    @Override
    public Arithmetic<S, M> arithmetic() {
        return a;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The data set this objective fits. */
    public Dataset data() {
        return data;
    }

    /** The depth {@code N} (number of layers). */
    public int depth() {
        return widths.length - 1;
    }

    /** The widths {@code d_0, ..., d_N} (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    /**
     * Where layer {@code W_j} starts in {@code theta}: {@code sum_{i<j} d_i d_{i-1}}.
     *
     * @param j layer index, {@code 1..N}
     */
    public int offset(int j) {
        requireLayer(j);
        return offsets[j];
    }

    /**
     * Layer {@code W_j} of {@code theta} as a new {@code d_j x d_{j-1}} matrix.
     *
     * @param j layer index, {@code 1..N}
     */
    public M layer(M theta, int j) {
        requireLayer(j);
        requireParameters(theta);
        return unpack(theta, j);
    }

    /** The layers {@code W_1, ..., W_N} of {@code theta} (new matrices). */
    public List<M> layers(M theta) {
        requireParameters(theta);
        List<M> list = new ArrayList<>(depth());
        for (int j = 1; j <= depth(); j++) {
            list.add(unpack(theta, j));
        }
        return list;
    }

    /**
     * The parameter vector {@code [W_1; ...; W_N]} of the given layers (each row-major).
     *
     * @throws IllegalArgumentException if the number of layers or a layer's shape is wrong
     */
    public M parameters(List<M> layers) {
        if (layers.size() != depth()) {
            throw new IllegalArgumentException("layers has " + layers.size() + " matrices, expected depth " + depth());
        }
        for (int j = 1; j <= depth(); j++) {
            M w = layers.get(j - 1);
            if (a.rows(w) != widths[j] || a.cols(w) != widths[j - 1]) {
                throw new IllegalArgumentException("layer W_" + j + " must be " + widths[j] + "x" + widths[j - 1]
                        + ", got " + a.rows(w) + "x" + a.cols(w));
            }
        }
        return a.concat(layers);
    }

    /** The end-to-end matrix {@code W_N ... W_1}, {@code d_N x d_0}. */
    public M endToEnd(M theta) {
        requireParameters(theta);
        return product(theta);
    }

    /** {@code f(theta) = 1/(2m) ||W X - Y||_F^2}, from the residuals. */
    @Override
    public S value(M theta) {
        requireParameters(theta);
        M r = a.minus(a.mult(product(theta), x), y);
        return a.div(a.dot(r, r), twoM);
    }

    /** {@code grad_{W_j} = A_j' G B_j'} with {@code G = W Sxx - Syx}; see the class documentation. */
    @Override
    public M gradient(M theta) {
        requireParameters(theta);
        int n = depth();
        List<M> w = new ArrayList<>(n + 1);
        w.add(null);
        for (int j = 1; j <= n; j++) {
            w.add(unpack(theta, j));
        }
        // Suffix products A_j = W_N...W_{j+1}, null standing for the identity A_N.
        List<M> suffix = suffixes(w);
        M g = a.minus(a.mult(suffix.get(0), sxx), syx);
        M out = a.zeros(dimension, 1);
        // C_j = G B_j' = G W_1' ... W_{j-1}', so grad_j = A_j' C_j.
        M c = g;
        for (int j = 1; j <= n; j++) {
            M aj = suffix.get(j);
            a.pack(aj == null ? c : a.multTransA(aj, c), out, offsets[j]);
            if (j < n) {
                c = a.multTransB(c, w.get(j));
            }
        }
        return out;
    }

    /**
     * The exact Hessian-vector product: the derivative of {@link #gradient} along {@code v}, computed by
     * carrying directional derivatives through the same recursions (product rule over the layers).
     *
     * @throws IllegalArgumentException if {@code theta} or {@code v} is not a {@code d x 1} vector
     */
    @Override
    public M hessianVectorProduct(M theta, M v) {
        requireParameters(theta);
        if (a.rows(v) != dimension || a.cols(v) != 1) {
            throw new IllegalArgumentException("v must be a " + dimension + "x1 vector, got "
                    + a.rows(v) + "x" + a.cols(v));
        }
        int n = depth();
        List<M> w = new ArrayList<>(n + 1);
        List<M> dw = new ArrayList<>(n + 1);
        w.add(null);
        dw.add(null);
        for (int j = 1; j <= n; j++) {
            w.add(unpack(theta, j));
            dw.add(a.unpack(v, offsets[j], widths[j], widths[j - 1]));
        }
        // A_{j-1} = A_j W_j and dA_{j-1} = dA_j W_j + A_j V_j, with A_N = I (null) and dA_N = 0 (null).
        List<M> suffix = new ArrayList<>(n + 1);
        List<M> dSuffix = new ArrayList<>(n + 1);
        for (int j = 0; j <= n; j++) {
            suffix.add(null);
            dSuffix.add(null);
        }
        for (int j = n; j >= 1; j--) {
            M aj = suffix.get(j);
            M daj = dSuffix.get(j);
            suffix.set(j - 1, times(aj, w.get(j)));
            M term = times(aj, dw.get(j));
            dSuffix.set(j - 1, daj == null ? term : a.plus(a.mult(daj, w.get(j)), term));
        }
        M g = a.minus(a.mult(suffix.get(0), sxx), syx);
        M dg = a.mult(dSuffix.get(0), sxx);
        M out = a.zeros(dimension, 1);
        // C_{j+1} = C_j W_j', dC_{j+1} = dC_j W_j' + C_j V_j', C_1 = G, dC_1 = dG;
        // (H v)_j = dA_j' C_j + A_j' dC_j.
        M c = g;
        M dc = dg;
        for (int j = 1; j <= n; j++) {
            M aj = suffix.get(j);
            M daj = dSuffix.get(j);
            M block = aj == null ? dc : a.multTransA(aj, dc);
            if (daj != null) {
                block = a.plus(block, a.multTransA(daj, c));
            }
            a.pack(block, out, offsets[j]);
            if (j < n) {
                M cNext = a.multTransB(c, w.get(j));
                dc = a.plus(a.multTransB(dc, w.get(j)), a.multTransB(c, dw.get(j)));
                c = cNext;
            }
        }
        return out;
    }

    /**
     * The dense Hessian by a direct formula (independent of {@link #hessianVectorProduct}). With
     * {@code P = A_j' A_k}, {@code Q = B_j Sxx B_k'}, {@code C = A_k' G B_j'} and
     * {@code M = W_{k-1} ... W_{j+1}} ({@code I} when {@code k = j+1}), the entry for
     * {@code (W_j)_{pq}, (W_k)_{rs}} with {@code j <= k} is
     * <pre>
     *   P_{pr} Q_{qs}  +  [j < k] C_{rq} M_{sp},
     * </pre>
     * the Gauss-Newton term {@code <dW Sxx, dW>} plus the data term {@code <G, d^2 W>}; the entries with
     * {@code j > k} follow by symmetry.
     */
    @Override
    public M hessian(M theta) {
        requireParameters(theta);
        int n = depth();
        List<M> w = new ArrayList<>(n + 1);
        w.add(null);
        for (int j = 1; j <= n; j++) {
            w.add(unpack(theta, j));
        }
        // A_j = W_N...W_{j+1} (A_N = I), B_j = W_{j-1}...W_1 (B_1 = I), explicit identities here.
        List<M> suffix = new ArrayList<>(n + 1);
        List<M> prefix = new ArrayList<>(n + 2);
        for (int j = 0; j <= n; j++) {
            suffix.add(null);
            prefix.add(null);
        }
        prefix.add(null);
        suffix.set(n, a.identity(widths[n]));
        for (int j = n; j >= 1; j--) {
            suffix.set(j - 1, a.mult(suffix.get(j), w.get(j)));
        }
        prefix.set(1, a.identity(widths[0]));
        for (int j = 1; j <= n; j++) {
            prefix.set(j + 1, a.mult(w.get(j), prefix.get(j)));
        }
        M g = a.minus(a.mult(suffix.get(0), sxx), syx);
        M h = a.zeros(dimension, dimension);
        for (int j = 1; j <= n; j++) {
            M bjSxx = a.mult(prefix.get(j), sxx);
            M between = a.identity(widths[j]);
            for (int k = j; k <= n; k++) {
                if (k > j + 1) {
                    between = a.mult(w.get(k - 1), between);
                }
                M p = a.multTransA(suffix.get(j), suffix.get(k));
                M q = a.multTransB(bjSxx, prefix.get(k));
                M c = k > j ? a.mult(a.multTransA(suffix.get(k), g), a.transpose(prefix.get(j))) : null;
                block(h, j, k, p, q, c, between);
            }
        }
        return h;
    }

    /** Writes block (j, k), j <= k, of the Hessian and its mirror (j, k) -> (k, j). Modifies {@code h}. */
    private void block(M h, int j, int k, M p, M q, M c, M between) {
        int rowsJ = widths[j];
        int colsJ = widths[j - 1];
        int rowsK = widths[k];
        int colsK = widths[k - 1];
        for (int pi = 0; pi < rowsJ; pi++) {
            for (int qi = 0; qi < colsJ; qi++) {
                int row = offsets[j] + pi * colsJ + qi;
                for (int ri = 0; ri < rowsK; ri++) {
                    for (int si = 0; si < colsK; si++) {
                        int col = offsets[k] + ri * colsK + si;
                        S v = a.mul(a.get(p, pi, ri), a.get(q, qi, si));
                        if (c != null) {
                            v = a.add(v, a.mul(a.get(c, ri, qi), a.get(between, si, pi)));
                        }
                        a.set(h, row, col, v);
                        a.set(h, col, row, v);
                    }
                }
            }
        }
    }

    /** Deep linear losses are polynomials of degree 2N in the parameters. */
    @Override
    public boolean isPolynomial() {
        return true;
    }

    @Override
    public String toString() {
        return "DeepLinear" + Arrays.toString(widths) + " on " + data.name() + " (m=" + data.samples() + ", "
                + a.name() + ")";
    }

    // ---------------------------------------------------------------- internals

    private M unpack(M theta, int j) {
        return a.unpack(theta, offsets[j], widths[j], widths[j - 1]);
    }

    /** {@code W_N ... W_1}, multiplied right to left from the output side. */
    private M product(M theta) {
        int n = depth();
        M p = unpack(theta, n);
        for (int j = n - 1; j >= 1; j--) {
            p = a.mult(p, unpack(theta, j));
        }
        return p;
    }

    /** {@code A_j = W_N ... W_{j+1}} for j = 0..N (index 0 is the end-to-end matrix); A_N is null (identity). */
    private List<M> suffixes(List<M> w) {
        int n = depth();
        List<M> s = new ArrayList<>(n + 1);
        for (int j = 0; j <= n; j++) {
            s.add(null);
        }
        for (int j = n; j >= 1; j--) {
            s.set(j - 1, times(s.get(j), w.get(j)));
        }
        return s;
    }

    /** {@code p * q} with {@code p == null} standing for the identity. */
    private M times(M p, M q) {
        return p == null ? q : a.mult(p, q);
    }

    private M divide(M m, S by) {
        M out = a.copy(m);
        for (int i = 0; i < a.rows(m); i++) {
            for (int j = 0; j < a.cols(m); j++) {
                a.set(out, i, j, a.div(a.get(m, i, j), by));
            }
        }
        return out;
    }

    private void requireLayer(int j) {
        if (j < 1 || j > depth()) {
            throw new IllegalArgumentException("layer index j must be in [1, " + depth() + "], got " + j);
        }
    }
}
