package gfgd.dynamics;

import gfgd.numeric.Arithmetic;

/**
 * An autonomous vector field {@code g : R^d -> R^d}, the right-hand side of {@code theta' = g(theta)}.
 * Gradient flow is {@code g = -grad f}.
 *
 * @param <S> scalar type
 * @param <M> matrix type (states are {@code d x 1} vectors)
 */
public interface VectorField<S, M> {

    Arithmetic<S, M> arithmetic();

    int dimension();

    /** {@code g(theta)}; does not modify {@code theta}. */
    M derivative(M theta);
}
