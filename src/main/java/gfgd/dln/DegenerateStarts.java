package gfgd.dln;

import gfgd.objective.Dataset;
import gfgd.objective.DeepLinear;
import gfgd.objective.InitialPoint;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The measure-zero initialisations of math brief section 4 from which neither GD nor GF reaches a global
 * minimum: they are why the convergence claims say "almost surely" (with probability 1 over a random
 * near-zero initialisation) and not "for every initialisation".
 */
public final class DegenerateStarts {

    private DegenerateStarts() {
    }

    /**
     * Layers {@code W_1} and {@code W_2} exactly zero, the others {@code alpha G} (G standard Gaussian from
     * {@code seed}); needs depth {@code N >= 3}. Every gradient block contains {@code W_1} or {@code W_2}
     * as a factor, so {@code grad f = 0}: GD and GF stay at {@code theta_0}, a saddle with
     * {@code f = f(0) > f*} (brief 4, counterexample 1).
     */
    public static Problem twoZeroLayers(Dataset data, int[] widths, double alpha, long seed) {
        if (widths.length < 4) {
            throw new IllegalArgumentException("two zero layers need depth >= 3, got widths " + Arrays.toString(widths));
        }
        double[] theta = new double[DeepLinear.parameterCount(widths)];
        int zero = widths[1] * widths[0] + widths[2] * widths[1];
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = zero; k < theta.length; k++) {
            theta[k] = alpha * r.nextGaussian();
        }
        return new Problem(data.name() + " " + Arrays.toString(widths) + " W1 = W2 = 0, rest alpha G (alpha=" + alpha
                + ", seed=" + seed + ")", data, widths, InitialPoint.of("two-zero-layers", theta), alpha);
    }

    /** The one-sample scalar data {@code x = 1, y = 1}: {@code f = 1/2 (w_N ... w_1 - 1)^2} with scalar layers. */
    public static Dataset scalarUnitData() {
        return Dataset.of("scalar x=1,y=1", 1, 1, 1, new double[] {1}, new double[] {1});
    }

    /**
     * The sign-balanced scalar start {@code (alpha, ..., alpha, -alpha)} of depth {@code N} on
     * {@link #scalarUnitData()}. Every layer moves by the same magnitude ({@code s' = -s^(N-1)(1 + s^N)}, exactly
     * symmetric in IEEE arithmetic as well), so the product stays negative and the run converges to the
     * saddle {@code 0} with {@code f = 1/2}, while {@code f* = 0} (brief 4, counterexample 3).
     */
    public static Problem signBalancedScalar(int depth, double alpha) {
        if (depth < 2) {
            throw new IllegalArgumentException("depth must be >= 2, got " + depth);
        }
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, 1);
        double[] theta = new double[depth];
        Arrays.fill(theta, alpha);
        theta[depth - 1] = -alpha;
        return new Problem("scalar depth " + depth + " from (alpha, ..., alpha, -alpha), alpha=" + alpha,
                scalarUnitData(), widths, InitialPoint.of("sign-balanced", theta), alpha);
    }
}
