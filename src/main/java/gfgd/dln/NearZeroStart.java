package gfgd.dln;

import gfgd.numeric.Checks;
import gfgd.objective.DeepLinear;
import gfgd.objective.InitialPoint;
import gfgd.objective.Initialisations;
import java.util.Locale;

/**
 * A random near-zero initialisation: every entry of every layer iid with mean 0 and standard deviation
 * {@code alpha}, Gaussian or uniform (on {@code [-sqrt(3) alpha, sqrt(3) alpha)}, the same standard
 * deviation, so that both distributions escape the origin on the same time scale). The draws are those
 * of {@link Initialisations#gaussian} and {@link Initialisations#uniform} with {@code seed}, so for a fixed
 * seed the direction {@code G = theta_0 / alpha} does not depend on {@code alpha}.
 *
 * @param distribution Gaussian or uniform
 * @param alpha        the standard deviation of every entry, positive
 * @param seed         the seed of the draws
 */
public record NearZeroStart(Distribution distribution, double alpha, long seed) {

    /** The distribution of the entries. */
    public enum Distribution { GAUSSIAN, UNIFORM }

    public NearZeroStart {
        if (distribution == null) {
            throw new IllegalArgumentException("distribution must be GAUSSIAN or UNIFORM, got null");
        }
        Checks.positive("alpha", alpha);
    }

    /** The initial point for a deep linear net with widths {@code d_0..d_N}. */
    public InitialPoint point(int[] widths) {
        int d = DeepLinear.parameterCount(widths);
        return distribution == Distribution.GAUSSIAN ? Initialisations.gaussian(d, alpha, seed)
                : Initialisations.uniform(d, Math.sqrt(3) * alpha, seed);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(alpha=%.3g, seed=%d)", distribution.name().toLowerCase(Locale.ROOT),
                alpha, seed);
    }
}
