package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.objective.FullyConnected;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient flow {@code theta' = -grad f} of a {@link FullyConnected} net with a homogeneous activation
 * (ReLU, leaky ReLU; square loss) as a {@link PiecewiseSmoothField}: the switching functions are the
 * hidden pre-activations {@code (Z_l)_{iu}} (layer {@code l < L}, sample {@code i}, unit {@code u}, in
 * that order), and the field of a piece is the gradient of the same network with its activation
 * pattern frozen:
 * <pre>
 *   H_0 = X,  Z_l = H_{l-1} W_l + 1 b_l',  H_l = D_l .* Z_l  (l &lt; L),  F = Z_L,
 *   (D_l)_{iu} = 1 if unit u of layer l is active on sample i in the pattern, else alpha,
 *   delta_L = (F - Y)/N,  grad W_l = H_{l-1}' delta_l,  grad b_l = delta_l' 1,  delta_{l-1} = (delta_l W_l') .* D_{l-1}.
 * </pre>
 * On the pattern of {@code theta} itself this is {@code -f.gradient(theta)} (the net's convention
 * {@code sigma'(0) = alpha} is the pattern's "not positive"); the switching functions of a piece are its
 * pre-activations computed with the piece's masks, smooth in {@code theta}. Immutable.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class ReluFlow<S, M> implements PiecewiseSmoothField<S, M> {

    private final FullyConnected<S, M> net;
    private final Arithmetic<S, M> a;
    private final int[] widths;
    private final M x;
    private final M y;
    private final S alpha;
    private final S invN;
    private final int switches;

    private ReluFlow(FullyConnected<S, M> net) {
        this.net = net;
        this.a = net.arithmetic();
        this.widths = net.widths();
        this.x = net.data().inputRows(a);
        this.y = net.data().targetRows(a);
        this.alpha = a.exact(net.activation().alpha());
        this.invN = a.ratio(1, net.data().samples());
        int s = 0;
        for (int l = 1; l < widths.length - 1; l++) {
            s += net.data().samples() * widths[l];
        }
        this.switches = s;
    }

    /**
     * The flow of {@code net}.
     *
     * @throws IllegalArgumentException if the net's loss is not the square loss
     */
    public static <S, M> ReluFlow<S, M> of(FullyConnected<S, M> net) {
        if (net.loss() != FullyConnected.Loss.SQUARE) {
            throw new IllegalArgumentException("ReluFlow needs the square loss, got " + net.loss());
        }
        return new ReluFlow<>(net);
    }

    /** The network. */
    public FullyConnected<S, M> net() {
        return net;
    }

    @Override
    public Arithmetic<S, M> arithmetic() {
        return a;
    }

    @Override
    public int dimension() {
        return net.dimension();
    }

    @Override
    public int switchingCount() {
        return switches;
    }

    @Override
    public double[] switching(M theta, boolean[] positive) {
        Pass p = forward(theta, positive);
        double[] s = new double[switches];
        int k = 0;
        for (M z : p.pre) {
            for (double v : a.toDoubles(z)) {
                s[k++] = v;
            }
        }
        return s;
    }

    @Override
    public M derivative(M theta, boolean[] positive) {
        if (positive == null) {
            throw new IllegalArgumentException("pattern must not be null");
        }
        Pass p = forward(theta, positive);
        int depth = widths.length - 1;
        boolean biases = net.hasBiases();
        M g = a.zeros(net.dimension(), 1);
        M delta = a.scale(invN, a.minus(p.out, y));
        S minusOne = a.of(-1);
        for (int l = depth; l >= 1; l--) {
            a.pack(a.scale(minusOne, a.multTransA(p.inputs.get(l - 1), delta)), g, net.offsetOfWeight(l));
            if (biases) {
                M sums = a.zeros(widths[l], 1);
                for (int u = 0; u < widths[l]; u++) {
                    S s = a.zero();
                    for (int i = 0; i < a.rows(delta); i++) {
                        s = a.add(s, a.get(delta, i, u));
                    }
                    a.set(sums, u, 0, a.negate(s));
                }
                a.pack(sums, g, net.offsetOfBias(l));
            }
            if (l > 1) {
                delta = a.hadamard(p.masks.get(l - 2), a.multTransB(delta, p.weights.get(l - 1)));
            }
        }
        return g;
    }

    /**
     * Forward mode on the piece {@code positive}: {@code dZ_l = dH_{l-1} W_l + H_{l-1} dW_l (+ 1 db_l')},
     * {@code dH_l = D_l .* dZ_l}, {@code dH_0 = 0}, with {@code dW, db} the blocks of {@code v}.
     */
    @Override
    public double[] switchingRates(M theta, boolean[] positive, M v) {
        if (positive == null) {
            throw new IllegalArgumentException("pattern must not be null");
        }
        Pass p = forward(theta, positive);
        int depth = widths.length - 1;
        double[] rates = new double[switches];
        int k = 0;
        M dh = null;
        for (int l = 1; l < depth; l++) {
            M dw = a.unpack(v, net.offsetOfWeight(l), widths[l - 1], widths[l]);
            M dz = a.mult(p.inputs.get(l - 1), dw);
            if (dh != null) {
                dz = a.plus(dz, a.mult(dh, p.weights.get(l - 1)));
            }
            if (net.hasBiases()) {
                M db = a.unpack(v, net.offsetOfBias(l), widths[l], 1);
                for (int i = 0; i < a.rows(dz); i++) {
                    for (int u = 0; u < a.cols(dz); u++) {
                        a.set(dz, i, u, a.add(a.get(dz, i, u), a.get(db, u, 0)));
                    }
                }
            }
            for (double r : a.toDoubles(dz)) {
                rates[k++] = r;
            }
            dh = a.hadamard(p.masks.get(l - 1), dz);
        }
        return rates;
    }

    /** One forward pass: inputs H_0..H_{L-1}, hidden pre-activations, masks, weights, output. */
    private final class Pass {
        final List<M> inputs = new ArrayList<>();
        final List<M> pre = new ArrayList<>();
        final List<M> masks = new ArrayList<>();
        final List<M> weights = new ArrayList<>();
        M out;
    }

    /** The forward pass with the masks of {@code positive}, or of the signs met on the way when it is null. */
    private Pass forward(M theta, boolean[] positive) {
        if (positive != null && positive.length != switches) {
            throw new IllegalArgumentException("pattern has length " + positive.length + ", expected " + switches);
        }
        net.requireParameters(theta);
        int depth = widths.length - 1;
        Pass p = new Pass();
        M h = x;
        int k = 0;
        for (int l = 1; l <= depth; l++) {
            M w = net.weight(theta, l);
            p.weights.add(w);
            p.inputs.add(h);
            M z = a.mult(h, w);
            if (net.hasBiases()) {
                M b = net.bias(theta, l);
                for (int i = 0; i < a.rows(z); i++) {
                    for (int u = 0; u < a.cols(z); u++) {
                        a.set(z, i, u, a.add(a.get(z, i, u), a.get(b, u, 0)));
                    }
                }
            }
            if (l == depth) {
                p.out = z;
            } else {
                M mask = a.zeros(a.rows(z), a.cols(z));
                for (int i = 0; i < a.rows(z); i++) {
                    for (int u = 0; u < a.cols(z); u++) {
                        boolean on = positive != null ? positive[k] : a.signum(a.get(z, i, u)) > 0;
                        a.set(mask, i, u, on ? a.one() : alpha);
                        k++;
                    }
                }
                p.pre.add(z);
                p.masks.add(mask);
                h = a.hadamard(mask, z);
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return "ReluFlow(" + net + ")";
    }
}
