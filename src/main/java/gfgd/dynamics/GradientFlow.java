package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.objective.Objective;

/**
 * Gradient flow {@code theta' = -grad f(theta)} as a {@link VectorField}. Immutable.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class GradientFlow<S, M> implements VectorField<S, M> {

    private final Objective<S, M> objective;
    private final S minusOne;

    private GradientFlow(Objective<S, M> objective) {
        this.objective = objective;
        this.minusOne = objective.arithmetic().of(-1);
    }

    /** The field {@code g = -grad f}. */
    public static <S, M> GradientFlow<S, M> of(Objective<S, M> f) {
        if (f == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        return new GradientFlow<>(f);
    }

    /** The objective {@code f}. */
    public Objective<S, M> objective() {
        return objective;
    }

    @Override
    public Arithmetic<S, M> arithmetic() {
        return objective.arithmetic();
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    /** {@code -grad f(theta)} (negation is exact); does not modify {@code theta}. */
    @Override
    public M derivative(M theta) {
        return objective.arithmetic().scale(minusOne, objective.gradient(theta));
    }

    @Override
    public String toString() {
        return "GradientFlow(" + objective + ")";
    }
}
