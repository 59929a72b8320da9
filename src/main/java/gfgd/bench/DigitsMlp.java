package gfgd.bench;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.numeric.SplitMix64;
import gfgd.objective.Digits;
import gfgd.objective.FullyConnected;

/**
 * The digits MLP shared by the {@code gd-mlp} and {@code hessian-lanczos} workloads (WORKLOADS.md):
 * the first 1000 digits, ReLU after every layer but the last, biases, square loss
 * {@code L = (1/(2N)) sum_i ||F_i - Y_i||^2}, widths {@code 64-128-128-10} (26,122 parameters), and
 * the bit-exact SplitMix64 initialisation from seed 42.
 */
public final class DigitsMlp {

    /** The workload's widths {@code d_0..d_L}. */
    public static final int[] WIDTHS = {64, 128, 128, 10};
    /** Samples used: the first 1000 rows in file order. */
    public static final int SAMPLES = 1000;
    /** The initialisation seed (the SplitMix64 start state). */
    public static final long SEED = 42L;

    private DigitsMlp() {
    }

    /** The workload's objective: {@link #WIDTHS} on the first {@link #SAMPLES} digits. */
    public static <S, M> FullyConnected<S, M> objective(Arithmetic<S, M> a) {
        return objective(a, WIDTHS);
    }

    /**
     * A digits MLP with other widths (e.g. {@code 64-16-16-10}); first and last must be 64 and 10.
     * ReLU, biases, square loss, first {@link #SAMPLES} rows.
     */
    public static <S, M> FullyConnected<S, M> objective(Arithmetic<S, M> a, int... widths) {
        return FullyConnected.of(a, Digits.load(SAMPLES), widths)
                .withActivation(FullyConnected.Activation.relu())
                .withLoss(FullyConnected.Loss.SQUARE)
                .withBiases(true);
    }

    /**
     * The initial parameters: one SplitMix64 stream from state {@code seed} over {@code W_1, W_2, ...}
     * in that order, each row-major ({@code [i][j]}, {@code i} the input unit); entry {@code k} is
     * {@code (2 u_k - 1) * sqrt(3.0 / fan_in)} computed in double, {@code u_k = (z_k >>> 11) 2^-53};
     * biases 0. Each double is taken exactly in {@code f}'s arithmetic.
     */
    public static <S, M> M initialParameters(FullyConnected<S, M> f, long seed) {
        int[] w = f.widths();
        double[] theta = new double[f.dimension()];
        SplitMix64 rng = new SplitMix64(seed);
        for (int l = 1; l < w.length; l++) {
            Checks.dimension("fan_in", w[l - 1]);
            double scale = Math.sqrt(3.0 / w[l - 1]);
            int off = f.offsetOfWeight(l);
            for (int k = 0; k < w[l - 1] * w[l]; k++) {
                theta[off + k] = (2 * rng.nextDouble() - 1) * scale;
            }
        }
        return f.arithmetic().vector(theta);
    }
}
