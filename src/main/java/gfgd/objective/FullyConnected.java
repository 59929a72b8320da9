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
 * <p><b>Blocks and threads.</b> With {@link #withBlocks} {@code B > 1}, {@link #value} and
 * {@link #gradient} are computed on {@code B} fixed contiguous blocks of samples (block {@code b} holds
 * rows {@code [b N / B, (b+1) N / B)}), each normalised by the whole {@code N}, and the block results
 * are added in block order. The blocks run on up to {@link #withThreads} threads (the caller's and a
 * shared pool of daemon threads), so the result depends on {@code B} (through the summation order)
 * but never on the number of threads. The other methods use all samples at once.
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
    /** The {@code N} the loss is normalised by (the whole data set's, also in a block's objective). */
    private final int normalisation;
    private final int blocks;
    private final int threads;
    /** The objectives of the blocks (empty for one block). */
    private final List<FullyConnected<S, M>> parts;
    /** Per-thread buffers of value and gradient (so that a descent loop allocates no N x d_l matrices). */
    private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(Workspace::new);
    /**
     * Per calling thread: the gradient vectors of blocks 1..B-1 (block 0 writes into the caller's
     * buffer). The caller waits for its blocks, so no other call writes them meanwhile.
     */
    private final ThreadLocal<List<M>> blockGradients = ThreadLocal.withInitial(this::newBlockGradients);

    private FullyConnected(Arithmetic<S, M> a, Dataset data, int[] widths, Activation activation,
                           Loss loss, boolean biases, M x, M y) {
        this(a, data, widths, activation, loss, biases, x, y, data.samples(), 1, 1);
    }

    private FullyConnected(Arithmetic<S, M> a, Dataset data, int[] widths, Activation activation,
                           Loss loss, boolean biases, M x, M y, int normalisation, int blocks, int threads) {
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
        this.normalisation = normalisation;
        this.invN = a.ratio(1, normalisation);
        this.blocks = blocks;
        this.threads = threads;
        this.parts = new ArrayList<>();
        int n = data.samples();
        for (int b = 0; b < blocks && blocks > 1; b++) {
            Dataset part = rows(data, (int) ((long) b * n / blocks), (int) ((long) (b + 1) * n / blocks));
            parts.add(new FullyConnected<>(a, part, widths, activation, loss, biases, part.inputRows(a),
                    part.targetRows(a), normalisation, 1, 1));
        }
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
                loss, biases, x, y, normalisation, blocks, threads);
    }

    /** This network with loss {@code l}. */
    public FullyConnected<S, M> withLoss(Loss l) {
        return new FullyConnected<>(a, data, widths, activation, java.util.Objects.requireNonNull(l, "loss"),
                biases, x, y, normalisation, blocks, threads);
    }

    /** This network with ({@code true}) or without biases; the parameter layout changes accordingly. */
    public FullyConnected<S, M> withBiases(boolean on) {
        return new FullyConnected<>(a, data, widths, activation, loss, on, x, y, normalisation, blocks, threads);
    }

    /**
     * This network with {@link #value} and {@link #gradient} computed on {@code blocks} contiguous
     * blocks of samples, added in block order (see the class comment); the threads stay
     * {@link #threads()} capped at {@code blocks}. One block (the default) is the plain computation.
     *
     * @throws IllegalArgumentException if {@code blocks < 1} or exceeds the number of samples
     */
    public FullyConnected<S, M> withBlocks(int blocks) {
        if (blocks < 1 || blocks > data.samples()) {
            throw new IllegalArgumentException("blocks must be in [1, " + data.samples() + "], got " + blocks);
        }
        return new FullyConnected<>(a, data, widths, activation, loss, biases, x, y, normalisation, blocks,
                threads);
    }

    /**
     * This network computing its blocks on up to {@code threads} threads (the caller's among them).
     * The results do not depend on it.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public FullyConnected<S, M> withThreads(int threads) {
        Checks.dimension("threads", threads);
        return new FullyConnected<>(a, data, widths, activation, loss, biases, x, y, normalisation, blocks,
                threads);
    }

    /** The number of sample blocks of {@link #value} and {@link #gradient} (1 by default). */
    public int blocks() {
        return blocks;
    }

    /** The most threads the blocks run on (1 by default). */
    public int threads() {
        return threads;
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
        return forward(theta, null, null).output;
    }

    /**
     * The pre-activations {@code Z_1, ..., Z_L} ({@code Z_L = F}) at {@code theta}, each {@code N x d_l}:
     * an entry exactly 0 in {@code Z_1..Z_{L-1}} is a kink of the activation, where {@code f} need not
     * be differentiable.
     */
    public List<M> preActivations(M theta) {
        requireParameters(theta);
        Forward f = forward(theta, null, null);
        List<M> z = new ArrayList<>(f.preActivations);
        z.add(f.output);
        return z;
    }

    @Override
    public S value(M theta) {
        requireParameters(theta);
        if (!parts.isEmpty()) {
            List<S> v = inBlocks((k, p) -> p.value(theta));
            S sum = v.get(0);
            for (int b = 1; b < v.size(); b++) {
                sum = a.add(sum, v.get(b));
            }
            return sum;
        }
        return lossValue(forward(theta, null, workspace.get()).output);
    }

    @Override
    public M gradient(M theta) {
        return gradientInto(theta, a.zeros(dimension, 1));
    }

    /** Writes the gradient into {@code buffer} (every entry) and returns it. */
    @Override
    public M gradientInto(M theta, M buffer) {
        requireParameters(theta);
        if (a.rows(buffer) != dimension || a.cols(buffer) != 1) {
            throw new IllegalArgumentException("the gradient buffer must be a " + dimension + "x1 vector, got "
                    + a.rows(buffer) + "x" + a.cols(buffer));
        }
        if (!parts.isEmpty()) {
            List<M> scratch = blockGradients.get();
            List<M> g = inBlocks((k, p) -> p.gradientInto(theta, k == 0 ? buffer : scratch.get(k - 1)));
            for (int b = 1; b < g.size(); b++) {
                a.addInPlace(buffer, a.one(), g.get(b));
            }
            return buffer;
        }
        Workspace ws = workspace.get();
        Forward f = forward(theta, null, ws);
        M g = buffer; // the weight and bias blocks below cover every entry
        M delta = lossGradient(f.output, ws.outputGradient);
        for (int l = depth(); l >= 1; l--) {
            M h = f.inputs.get(l - 1);
            a.pack(a.multTransAInto(h, delta, ws.weightGradient.get(l - 1)), g, weightOffset[l]);
            if (biases) {
                a.pack(a.columnSums(delta), g, biasOffset[l]);
            }
            if (l > 1) {
                M back = a.multTransBInto(delta, f.weights.get(l - 1), ws.delta.get(l - 2));
                delta = applySlope(back, f.preActivations.get(l - 2), back);
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
        Forward f = forward(theta, v, null);
        M hv = a.zeros(dimension, 1);
        M delta = lossGradient(f.output, null);
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
                rDelta = applySlope(rBack, z, null);
                delta = applySlope(a.multTransB(delta, w), z, null);
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

    // ---------------------------------------------------------------- blocks

    /** A computation on block {@code k}'s objective. */
    private interface BlockTask<S, M, R> {
        R apply(int k, FullyConnected<S, M> block);
    }

    private List<M> newBlockGradients() {
        List<M> g = new ArrayList<>();
        for (int b = 1; b < parts.size(); b++) {
            g.add(a.zeros(dimension, 1));
        }
        return g;
    }

    /**
     * {@code task} applied to every block's objective, results in block order; on {@code t} threads
     * ({@link BlockRunner}), worker {@code w} takes blocks {@code w, w+t, ...}.
     */
    private <R> List<R> inBlocks(BlockTask<S, M, R> task) {
        int b = parts.size();
        int t = Math.min(threads, b);
        List<R> results = new ArrayList<>(java.util.Collections.nCopies(b, null));
        // each block's slot is written by one thread; BlockRunner's hand-back publishes it to this one
        BlockRunner.run(t, w -> {
            for (int k = w; k < b; k += t) {
                results.set(k, task.apply(k, parts.get(k)));
            }
        });
        return results;
    }

    /** Samples {@code [from, to)} of {@code d}. */
    private static Dataset rows(Dataset d, int from, int to) {
        int in = d.inputs();
        int out = d.outputs();
        String name = d.name() + "[" + from + ":" + to + "]";
        String[] xText = d.xText();
        String[] yText = d.yText();
        return new Dataset(name, to - from, in, out, Arrays.copyOfRange(d.x(), from * in, to * in),
                Arrays.copyOfRange(d.y(), from * out, to * out),
                xText == null ? null : Arrays.copyOfRange(xText, from * in, to * in),
                yText == null ? null : Arrays.copyOfRange(yText, from * out, to * out));
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

    /**
     * Buffers for one thread: W_l, b_l', Z_l, H_l (l &lt; L), D_l (l &lt; L), dL/dF and the weight-gradient
     * blocks.
     */
    private final class Workspace {
        final List<M> weights = new ArrayList<>();
        final List<M> biasRows = new ArrayList<>();
        final List<M> z = new ArrayList<>();
        final List<M> h = new ArrayList<>();
        final List<M> delta = new ArrayList<>();
        final List<M> weightGradient = new ArrayList<>();
        final M outputGradient;

        Workspace() {
            int n = data.samples();
            outputGradient = a.zeros(n, widths[depth()]);
            for (int l = 1; l <= depth(); l++) {
                weights.add(a.zeros(widths[l - 1], widths[l]));
                biasRows.add(a.zeros(1, widths[l]));
                z.add(a.zeros(n, widths[l]));
                weightGradient.add(a.zeros(widths[l - 1], widths[l]));
                if (l < depth()) {
                    h.add(a.zeros(n, widths[l]));
                    delta.add(a.zeros(n, widths[l]));
                }
            }
        }
    }

    /**
     * The forward pass at {@code theta}; with {@code v != null} also the R-pass along {@code v}. With a
     * workspace, Z_l and H_l are written into its buffers (valid until the thread's next pass).
     */
    private Forward forward(M theta, M v, Workspace ws) {
        Forward f = new Forward();
        M h = x;
        M rh = null;
        for (int l = 1; l <= depth(); l++) {
            M w = ws == null ? a.unpack(theta, weightOffset[l], widths[l - 1], widths[l])
                    : a.unpackInto(theta, weightOffset[l], ws.weights.get(l - 1));
            f.inputs.add(h);
            f.weights.add(w);
            M bias = null;
            if (biases) {
                bias = ws == null ? a.unpack(theta, biasOffset[l], 1, widths[l])
                        : a.unpackInto(theta, biasOffset[l], ws.biasRows.get(l - 1));
            }
            M z = affine(h, w, bias, ws == null ? null : ws.z.get(l - 1));
            M rz = null;
            if (v != null) {
                M vw = a.unpack(v, weightOffset[l], widths[l - 1], widths[l]);
                f.rInputs.add(rh);
                f.rWeights.add(vw);
                rz = affine(h, vw, biases ? a.unpack(v, biasOffset[l], 1, widths[l]) : null, null);
                if (rh != null) {
                    a.addInPlace(rz, a.one(), a.mult(rh, w));
                }
            }
            if (l == depth()) {
                f.output = z;
                f.rOutput = rz;
            } else {
                f.preActivations.add(z);
                h = applySlope(z, z, ws == null ? null : ws.h.get(l - 1));
                rh = rz == null ? null : applySlope(rz, z, null);
            }
        }
        return f;
    }

    /** {@code h w + 1 bias'} (no bias term when {@code bias} is null), written into {@code out} unless it is null. */
    private M affine(M h, M w, M bias, M out) {
        if (out == null) {
            return bias == null ? a.mult(h, w) : a.multPlusRow(h, w, bias);
        }
        return bias == null ? a.multInto(h, w, out) : a.multPlusRowInto(h, w, bias, out);
    }

    /**
     * {@code m .* sigma'(z)}, written into {@code out} (which may be {@code m}) unless it is null; with
     * {@code m = z} this is {@code sigma(z)} (homogeneity). The linear activation returns {@code m}.
     */
    private M applySlope(M m, M z, M out) {
        if (activation.isLinear()) {
            return m;
        }
        return out == null ? a.scaleBySign(m, z, slopePositive, slopeOther)
                : a.scaleBySignInto(m, z, slopePositive, slopeOther, out);
    }

    // ---------------------------------------------------------------- losses

    private S lossValue(M out) {
        if (loss == Loss.SQUARE) {
            M r = a.minus(out, y);
            return a.div(a.dot(r, r), a.of(2L * normalisation));
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
        return a.div(total, a.of(normalisation));
    }

    /** {@code dL/dF}, written into {@code buffer} unless it is null. */
    private M lossGradient(M out, M buffer) {
        if (loss == Loss.SQUARE) {
            if (buffer == null) {
                return a.scale(invN, a.minus(out, y));
            }
            // (F - Y) / N in place: F + (-1) Y is exactly F - Y
            a.addInPlace(a.copyInto(out, buffer), a.negate(a.one()), y);
            return a.scaleInto(invN, buffer, buffer);
        }
        return a.softmaxCrossEntropyGradientInto(out, y, invN,
                buffer == null ? a.zeros(a.rows(out), a.cols(out)) : buffer);
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
