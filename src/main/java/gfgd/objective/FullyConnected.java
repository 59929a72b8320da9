package gfgd.objective;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fully connected network with a homogeneous activation, trained on a {@link Dataset}.
 *
 * <p>Row-vector convention (one sample per row of {@code X}, {@code N x d_0}), layers {@code l = 1..L}:
 * <pre>
 *   Z_l = H_{l-1} W_l + 1 b_l',   H_0 = X,   H_l = sigma(Z_l) for l &lt; L,   F = Z_L
 * </pre>
 * {@code W_l} is {@code d_{l-1} x d_l} (fan_in x fan_out), {@code b_l} has {@code d_l} entries (only
 * when biases are on; they are off by default). The activation is applied after every layer but the
 * last: {@code sigma(z) = z} for {@code z > 0} and {@code alpha z} otherwise ({@link Activation}), so
 * {@code sigma'(0) = alpha} (ReLU: {@code relu'(0) = 0}) and {@code sigma'' = 0} away from 0.
 *
 * <p>Losses ({@link Loss}), with {@code Y} the {@code N x d_L} targets:
 * <ul>
 *   <li>{@code SQUARE}: {@code L = (1/(2N)) sum_i ||F_i - Y_i||^2};</li>
 *   <li>{@code SOFTMAX_CROSS_ENTROPY}: {@code L = -(1/N) sum_i sum_c Y_ic log softmax(F_i)_c}.</li>
 * </ul>
 *
 * <p><b>Parameter layout.</b> {@code theta = [W_1, b_1, W_2, b_2, ..., W_L, b_L]}, each {@code W_l}
 * row-major (entry {@code [i][j]}, {@code i} the input unit, at offset {@code i*d_l + j} of its block),
 * each {@code b_l} following its {@code W_l}; without biases {@code theta = [W_1, ..., W_L]}. Block
 * {@code (W_l; b_l)} is thus the row-major {@code (d_{l-1}+1) x d_l} matrix {@code [W_l; b_l']}.
 * {@link #offsetOfWeight} and {@link #offsetOfBias} give the offsets.
 *
 * <p>The gradient is computed by backpropagation; the Hessian-vector product exactly, by the R-operator
 * (forward-over-reverse: a forward pass of directional derivatives, then the backward pass
 * differentiated along {@code v}); never by finite differences. At a kink ({@code Z_l} entry exactly 0)
 * the one-sided slope {@code alpha} is used. Instances are immutable; the configuration methods
 * return new instances.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class FullyConnected<S, M> implements Objective<S, M> {

    /**
     * A homogeneous activation {@code sigma(z) = z} for {@code z > 0}, {@code alpha z} otherwise.
     * {@code alpha} is taken as its exact binary value in every arithmetic, so double and apfloat
     * evaluate the same function.
     *
     * @param name  {@code linear}, {@code relu} or {@code leaky-relu}
     * @param alpha the slope for {@code z <= 0}
     */
    public record Activation(String name, double alpha) {

        public Activation {
            Checks.finite("alpha", alpha);
        }

        /** {@code sigma(z) = z}. */
        public static Activation linear() {
            return new Activation("linear", 1.0);
        }

        /** {@code sigma(z) = max(z, 0)}, with {@code relu'(0) = 0}. */
        public static Activation relu() {
            return new Activation("relu", 0.0);
        }

        /**
         * {@code sigma(z) = z} for {@code z > 0}, {@code alpha z} otherwise.
         *
         * @throws IllegalArgumentException if {@code alpha} is not finite
         */
        public static Activation leakyRelu(double alpha) {
            return new Activation("leaky-relu", alpha);
        }

        /** Whether {@code sigma} is the identity. */
        public boolean isLinear() {
            return alpha == 1.0;
        }
    }

    /** The loss comparing the network output {@code F} with the targets {@code Y}. */
    public enum Loss {
        /** {@code (1/(2N)) sum_i ||F_i - Y_i||^2}. */
        SQUARE,
        /** {@code -(1/N) sum_i sum_c Y_ic log softmax(F_i)_c}, the mean over samples. */
        SOFTMAX_CROSS_ENTROPY
    }

    private final Arithmetic<S, M> a;
    private final Dataset data;
    private final int[] widths;
    private final Activation activation;
    private final Loss loss;
    private final boolean biases;
    private final int dimension;
    private final int[] weightOffset;
    private final int[] biasOffset;
    // derived, in arithmetic a
    private final M x;
    private final M y;
    private final S slopePositive;
    private final S slopeOther;
    private final S invN;

    private FullyConnected(Arithmetic<S, M> a, Dataset data, int[] widths, Activation activation,
                           Loss loss, boolean biases, M x, M y) {
        this.a = a;
        this.data = data;
        this.widths = widths;
        this.activation = activation;
        this.loss = loss;
        this.biases = biases;
        int depth = widths.length - 1;
        this.weightOffset = new int[depth + 1];
        this.biasOffset = new int[depth + 1];
        int off = 0;
        for (int l = 1; l <= depth; l++) {
            weightOffset[l] = off;
            off += widths[l - 1] * widths[l];
            biasOffset[l] = off;
            if (biases) {
                off += widths[l];
            }
        }
        this.dimension = off;
        this.x = x;
        this.y = y;
        this.slopePositive = a.one();
        this.slopeOther = a.exact(activation.alpha());
        this.invN = a.ratio(1, data.samples());
    }

    /**
     * A ReLU network without biases and with the square loss; change them with {@link #withActivation},
     * {@link #withBiases}, {@link #withLoss}.
     *
     * @param a      the arithmetic
     * @param data   the data set ({@code N} samples)
     * @param widths {@code {d_0, d_1, ..., d_L}}: {@code d_0 = data.inputs()}, {@code d_L = data.outputs()}
     * @throws IllegalArgumentException if there are fewer than two widths, a width is below 1, or the
     *                                  first or last width does not match the data
     */
    public static <S, M> FullyConnected<S, M> of(Arithmetic<S, M> a, Dataset data, int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("widths must list at least the input and output sizes, got "
                    + Arrays.toString(widths));
        }
        for (int l = 0; l < widths.length; l++) {
            Checks.dimension("widths[" + l + "]", widths[l]);
        }
        if (widths[0] != data.inputs()) {
            throw new IllegalArgumentException("widths[0] (input size) must equal data.inputs() = "
                    + data.inputs() + ", got " + widths[0]);
        }
        int last = widths.length - 1;
        if (widths[last] != data.outputs()) {
            throw new IllegalArgumentException("widths[" + last + "] (output size) must equal data.outputs() = "
                    + data.outputs() + ", got " + widths[last]);
        }
        return new FullyConnected<>(a, data, widths.clone(), Activation.relu(), Loss.SQUARE, false,
                data.inputRows(a), data.targetRows(a));
    }

    /** This network with activation {@code act}. */
    public FullyConnected<S, M> withActivation(Activation act) {
        return new FullyConnected<>(a, data, widths, java.util.Objects.requireNonNull(act, "activation"),
                loss, biases, x, y);
    }

    /** This network with loss {@code l}. */
    public FullyConnected<S, M> withLoss(Loss l) {
        return new FullyConnected<>(a, data, widths, activation, java.util.Objects.requireNonNull(l, "loss"),
                biases, x, y);
    }

    /** This network with ({@code true}) or without biases; the parameter layout changes accordingly. */
    public FullyConnected<S, M> withBiases(boolean on) {
        return new FullyConnected<>(a, data, widths, activation, loss, on, x, y);
    }

    @Override
    public Arithmetic<S, M> arithmetic() {
        return a;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The data set. */
    public Dataset data() {
        return data;
    }

    /** The number of layers {@code L}. */
    public int depth() {
        return widths.length - 1;
    }

    /** {@code {d_0, ..., d_L}} (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    public Activation activation() {
        return activation;
    }

    public Loss loss() {
        return loss;
    }

    /** Whether the layers have biases. */
    public boolean hasBiases() {
        return biases;
    }

    /** The offset of {@code W_l} (1-based) in {@code theta}. */
    public int offsetOfWeight(int l) {
        checkLayer(l);
        return weightOffset[l];
    }

    /**
     * The offset of {@code b_l} (1-based) in {@code theta}.
     *
     * @throws IllegalArgumentException if the network has no biases
     */
    public int offsetOfBias(int l) {
        checkLayer(l);
        requireBiases();
        return biasOffset[l];
    }

    /** {@code W_l} ({@code d_{l-1} x d_l}, 1-based {@code l}) from {@code theta} (a copy). */
    public M weight(M theta, int l) {
        requireParameters(theta);
        checkLayer(l);
        return a.unpack(theta, weightOffset[l], widths[l - 1], widths[l]);
    }

    /** {@code b_l} as a {@code d_l x 1} vector (a copy). @throws IllegalArgumentException without biases */
    public M bias(M theta, int l) {
        requireParameters(theta);
        checkLayer(l);
        requireBiases();
        return a.unpack(theta, biasOffset[l], widths[l], 1);
    }

    /**
     * {@code theta} from the layers: {@code weights} {@code W_1..W_L} ({@code d_{l-1} x d_l}) and, with
     * biases, {@code biases} {@code b_1..b_L} (each with {@code d_l} entries, any shape), else an empty
     * list. The arguments are not modified.
     *
     * @throws IllegalArgumentException if a count or a shape does not match
     */
    public M parameters(List<M> weights, List<M> biasList) {
        Checks.size("weights", weights.size(), depth());
        Checks.size("biases", biasList.size(), biases ? depth() : 0);
        M theta = a.zeros(dimension, 1);
        for (int l = 1; l <= depth(); l++) {
            M w = weights.get(l - 1);
            if (a.rows(w) != widths[l - 1] || a.cols(w) != widths[l]) {
                throw new IllegalArgumentException("weights[" + (l - 1) + "] must be " + widths[l - 1] + "x"
                        + widths[l] + ", got " + a.rows(w) + "x" + a.cols(w));
            }
            a.pack(w, theta, weightOffset[l]);
            if (biases) {
                M b = biasList.get(l - 1);
                Checks.size("biases[" + (l - 1) + "]", a.rows(b) * a.cols(b), widths[l]);
                a.pack(b, theta, biasOffset[l]);
            }
        }
        return theta;
    }

    /** The network output {@code F} ({@code N x d_L}) at {@code theta}. */
    public M output(M theta) {
        requireParameters(theta);
        return forward(theta, null).output;
    }

    /**
     * The pre-activations {@code Z_1, ..., Z_L} ({@code Z_L = F}) at {@code theta}, each {@code N x d_l}:
     * an entry exactly 0 in {@code Z_1..Z_{L-1}} is a kink of the activation, where {@code f} need not
     * be differentiable.
     */
    public List<M> preActivations(M theta) {
        requireParameters(theta);
        Forward f = forward(theta, null);
        List<M> z = new ArrayList<>(f.preActivations);
        z.add(f.output);
        return z;
    }

    @Override
    public S value(M theta) {
        requireParameters(theta);
        return lossValue(forward(theta, null).output);
    }

    @Override
    public M gradient(M theta) {
        requireParameters(theta);
        Forward f = forward(theta, null);
        M g = a.zeros(dimension, 1);
        M delta = lossGradient(f.output);
        for (int l = depth(); l >= 1; l--) {
            M h = f.inputs.get(l - 1);
            a.pack(a.multTransA(h, delta), g, weightOffset[l]);
            if (biases) {
                a.pack(a.columnSums(delta), g, biasOffset[l]);
            }
            if (l > 1) {
                delta = applySlope(a.multTransB(delta, f.weights.get(l - 1)), f.preActivations.get(l - 2));
            }
        }
        return g;
    }

    /**
     * {@code H(theta) v}, exact, by the R-operator: with {@code R{.}} the derivative along {@code v}
     * ({@code V_l}, {@code c_l} the blocks of {@code v}),
     * <pre>
     *   R{Z_l} = R{H_{l-1}} W_l + H_{l-1} V_l + 1 c_l',  R{H_l} = sigma'(Z_l) .* R{Z_l},  R{H_0} = 0
     *   R{D_{l-1}} = (R{D_l} W_l' + D_l V_l') .* sigma'(Z_{l-1}),  D_L = dL/dF
     *   R{dL/dW_l} = R{H_{l-1}}' D_l + H_{l-1}' R{D_l},   R{dL/db_l} = R{D_l}' 1
     * </pre>
     * where {@code D_l = dL/dZ_l} and {@code R{D_L}} is the loss Hessian in {@code F} applied to {@code R{F}}.
     */
    @Override
    public M hessianVectorProduct(M theta, M v) {
        requireParameters(theta);
        if (a.rows(v) != dimension || a.cols(v) != 1) {
            throw new IllegalArgumentException("v must be a " + dimension + "x1 vector, got "
                    + a.rows(v) + "x" + a.cols(v));
        }
        Forward f = forward(theta, v);
        M hv = a.zeros(dimension, 1);
        M delta = lossGradient(f.output);
        M rDelta = lossHessianTimes(f.output, f.rOutput);
        for (int l = depth(); l >= 1; l--) {
            M h = f.inputs.get(l - 1);
            M rh = f.rInputs.get(l - 1);
            M rgw = a.multTransA(h, rDelta);
            if (rh != null) {
                a.addInPlace(rgw, a.one(), a.multTransA(rh, delta));
            }
            a.pack(rgw, hv, weightOffset[l]);
            if (biases) {
                a.pack(a.columnSums(rDelta), hv, biasOffset[l]);
            }
            if (l > 1) {
                M w = f.weights.get(l - 1);
                M vw = f.rWeights.get(l - 1);
                M z = f.preActivations.get(l - 2);
                M rBack = a.multTransB(rDelta, w);
                a.addInPlace(rBack, a.one(), a.multTransB(delta, vw));
                rDelta = applySlope(rBack, z);
                delta = applySlope(a.multTransB(delta, w), z);
            }
        }
        return hv;
    }

    /** True exactly when the activation is linear and the loss is the square loss. */
    @Override
    public boolean isPolynomial() {
        return activation.isLinear() && loss == Loss.SQUARE;
    }

    @Override
    public String toString() {
        return "FullyConnected" + Arrays.toString(widths) + " " + activation.name() + " " + loss
                + (biases ? " with biases" : "") + " on " + data.name() + " (" + data.samples() + " samples)";
    }

    // ---------------------------------------------------------------- passes

    /** What the forward pass keeps for the backward pass. */
    private final class Forward {
        /** H_0 .. H_{L-1}. */
        final List<M> inputs = new ArrayList<>();
        /** Z_1 .. Z_{L-1}. */
        final List<M> preActivations = new ArrayList<>();
        /** W_1 .. W_L. */
        final List<M> weights = new ArrayList<>();
        /** R{H_0} (null = 0) .. R{H_{L-1}}, only for an R-pass. */
        final List<M> rInputs = new ArrayList<>();
        /** V_1 .. V_L, only for an R-pass. */
        final List<M> rWeights = new ArrayList<>();
        M output;
        M rOutput;
    }

    /** The forward pass at {@code theta}; with {@code v != null} also the R-pass along {@code v}. */
    private Forward forward(M theta, M v) {
        Forward f = new Forward();
        M h = x;
        M rh = null;
        for (int l = 1; l <= depth(); l++) {
            M w = a.unpack(theta, weightOffset[l], widths[l - 1], widths[l]);
            f.inputs.add(h);
            f.weights.add(w);
            M z = biases ? a.multPlusRow(h, w, a.unpack(theta, biasOffset[l], 1, widths[l])) : a.mult(h, w);
            M rz = null;
            if (v != null) {
                M vw = a.unpack(v, weightOffset[l], widths[l - 1], widths[l]);
                f.rInputs.add(rh);
                f.rWeights.add(vw);
                rz = biases ? a.multPlusRow(h, vw, a.unpack(v, biasOffset[l], 1, widths[l])) : a.mult(h, vw);
                if (rh != null) {
                    a.addInPlace(rz, a.one(), a.mult(rh, w));
                }
            }
            if (l == depth()) {
                f.output = z;
                f.rOutput = rz;
            } else {
                f.preActivations.add(z);
                h = applySlope(z, z);
                rh = rz == null ? null : applySlope(rz, z);
            }
        }
        return f;
    }

    /** {@code m .* sigma'(z)}; with {@code m = z} this is {@code sigma(z)} (homogeneity). */
    private M applySlope(M m, M z) {
        return activation.isLinear() ? m : a.scaleBySign(m, z, slopePositive, slopeOther);
    }

    // ---------------------------------------------------------------- losses

    private S lossValue(M out) {
        if (loss == Loss.SQUARE) {
            M r = a.minus(out, y);
            return a.div(a.dot(r, r), a.of(2L * data.samples()));
        }
        int n = a.rows(out);
        int c = a.cols(out);
        S total = a.zero();
        for (int i = 0; i < n; i++) {
            S lse = logSumExp(out, i);
            for (int j = 0; j < c; j++) {
                S yij = a.get(y, i, j);
                if (a.signum(yij) != 0) {
                    total = a.add(total, a.mul(yij, a.sub(lse, a.get(out, i, j))));
                }
            }
        }
        return a.div(total, a.of(n));
    }

    /** {@code dL/dF}. */
    private M lossGradient(M out) {
        if (loss == Loss.SQUARE) {
            return a.scale(invN, a.minus(out, y));
        }
        int n = a.rows(out);
        int c = a.cols(out);
        M g = a.zeros(n, c);
        for (int i = 0; i < n; i++) {
            List<S> p = softmax(out, i);
            S ySum = rowSum(y, i);
            for (int j = 0; j < c; j++) {
                a.set(g, i, j, a.mul(invN, a.sub(a.mul(ySum, p.get(j)), a.get(y, i, j))));
            }
        }
        return g;
    }

    /** The loss Hessian in {@code F} applied to {@code rOut}. */
    private M lossHessianTimes(M out, M rOut) {
        if (loss == Loss.SQUARE) {
            return a.scale(invN, rOut);
        }
        // per row: (sum_c Y_ic)/N * (p .* r - p (p . r))
        int n = a.rows(out);
        int c = a.cols(out);
        M g = a.zeros(n, c);
        for (int i = 0; i < n; i++) {
            List<S> p = softmax(out, i);
            S pr = a.zero();
            for (int j = 0; j < c; j++) {
                pr = a.add(pr, a.mul(p.get(j), a.get(rOut, i, j)));
            }
            S factor = a.mul(invN, rowSum(y, i));
            for (int j = 0; j < c; j++) {
                a.set(g, i, j, a.mul(factor, a.mul(p.get(j), a.sub(a.get(rOut, i, j), pr))));
            }
        }
        return g;
    }

    /** {@code log sum_j exp(F_ij)}, shifted by the row maximum. */
    private S logSumExp(M out, int i) {
        S max = rowMax(out, i);
        S s = a.zero();
        for (int j = 0; j < a.cols(out); j++) {
            s = a.add(s, a.exp(a.sub(a.get(out, i, j), max)));
        }
        return a.add(max, a.log(s));
    }

    private List<S> softmax(M out, int i) {
        S max = rowMax(out, i);
        int c = a.cols(out);
        List<S> e = new ArrayList<>(c);
        S s = a.zero();
        for (int j = 0; j < c; j++) {
            S ej = a.exp(a.sub(a.get(out, i, j), max));
            e.add(ej);
            s = a.add(s, ej);
        }
        for (int j = 0; j < c; j++) {
            e.set(j, a.div(e.get(j), s));
        }
        return e;
    }

    private S rowMax(M m, int i) {
        S max = a.get(m, i, 0);
        for (int j = 1; j < a.cols(m); j++) {
            S v = a.get(m, i, j);
            if (a.compare(v, max) > 0) {
                max = v;
            }
        }
        return max;
    }

    private S rowSum(M m, int i) {
        S s = a.zero();
        for (int j = 0; j < a.cols(m); j++) {
            s = a.add(s, a.get(m, i, j));
        }
        return s;
    }

    // ---------------------------------------------------------------- helpers

    private void checkLayer(int l) {
        if (l < 1 || l > depth()) {
            throw new IllegalArgumentException("layer must be in [1, " + depth() + "], got " + l);
        }
    }

    private void requireBiases() {
        if (!biases) {
            throw new IllegalArgumentException("biases: this network has none (hasBiases() = false)");
        }
    }
}
