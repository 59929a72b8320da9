package gfgd.dynamics;

/**
 * A vector field that is smooth except where one of finitely many continuous switching functions
 * changes sign: for ReLU and leaky-ReLU nets the switching functions are the pre-activations of the
 * hidden units on every sample, and a sign change is a change of the activation pattern (a kink of the
 * loss). On each piece the field is the restriction of a smooth field, {@link #derivative(Object, boolean[])},
 * defined everywhere (for a net: the same network with its activation pattern frozen).
 *
 * <p>{@link DormandPrinceFlow} integrates the smooth field of the current piece, locates every sign
 * change as an event, switches the pattern there and restarts, so no Runge-Kutta stage ever evaluates
 * the field across a kink; where both sides push onto a kink it follows the Filippov sliding field, built
 * from the two pieces' fields and {@link #switchingRates}.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public interface PiecewiseSmoothField<S, M> extends VectorField<S, M> {

    /** The number of switching functions. */
    int switchingCount();

    /**
     * The switching functions at {@code theta}, as doubles (only their signs and zeros matter), computed
     * on the piece {@code positive} (its smooth extension, like {@link #derivative(Object, boolean[])}),
     * or with {@code positive == null} on the piece {@code theta} actually lies on. Continuous in
     * {@code theta} for a fixed piece. Modifies neither argument.
     */
    double[] switching(M theta, boolean[] positive);

    /**
     * The directional derivatives {@code d/ds switching(theta + s v, positive)[j]} at {@code s = 0} on the
     * piece {@code positive} (not null), exact (forward mode, no finite differences). Used to decide whether
     * the flow crosses a kink or slides along it, and to compute the sliding field. Modifies no argument.
     */
    double[] switchingRates(M theta, boolean[] positive, M v);

    /**
     * The smooth field of the piece on which switching function {@code j} is positive exactly when
     * {@code positive[j]}, evaluated at {@code theta} (which need not lie on that piece). Modifies neither argument.
     */
    M derivative(M theta, boolean[] positive);

    /** The pattern at {@code theta}: {@code positive[j] = switching(theta, null)[j] > 0}. */
    default boolean[] pattern(M theta) {
        double[] s = switching(theta, null);
        boolean[] p = new boolean[s.length];
        for (int j = 0; j < s.length; j++) {
            p[j] = s[j] > 0;
        }
        return p;
    }

    /** The field at {@code theta} on the piece {@code theta} lies on (a zero switching value counts as not positive). */
    @Override
    default M derivative(M theta) {
        return derivative(theta, pattern(theta));
    }
}
