package gfgd.objective;

import gfgd.numeric.Arithmetic;

/**
 * A twice-differentiable objective {@code f : R^d -> R}, written once against an {@link Arithmetic}.
 *
 * <p>Parameters are one flat column vector ({@code d x 1} matrix) whose layout each implementation
 * documents. No method modifies its arguments.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public interface Objective<S, M> {

    /** The arithmetic this objective computes in. */
    Arithmetic<S, M> arithmetic();

    /** The number of parameters {@code d}. */
    int dimension();

    /** {@code f(theta)}. */
    S value(M theta);

    /** {@code grad f(theta)}, a {@code d x 1} vector. */
    M gradient(M theta);

    /**
     * {@code grad f(theta)}, the same value as {@link #gradient}, possibly written into {@code buffer}
     * (a {@code d x 1} vector the caller owns, not {@code theta}, and does not read until the call
     * returns), so that a descent loop need not allocate a vector per step. Returns {@code buffer} when
     * it was written, else a new vector; the default ignores the buffer.
     */
    default M gradientInto(M theta, M buffer) {
        return gradient(theta);
    }

    /** {@code H(theta) v}, exact (analytic or forward-over-reverse, never finite differences). */
    M hessianVectorProduct(M theta, M v);

    /**
     * The dense Hessian {@code H(theta)}, {@code d x d}. The default builds it column by column from
     * {@link #hessianVectorProduct} and symmetrises it; implementations may override with a direct formula.
     */
    default M hessian(M theta) {
        Arithmetic<S, M> a = arithmetic();
        int d = dimension();
        M h = a.zeros(d, d);
        M e = a.zeros(d, 1);
        for (int j = 0; j < d; j++) {
            a.set(e, j, 0, a.one());
            M col = hessianVectorProduct(theta, e);
            a.set(e, j, 0, a.zero());
            for (int i = 0; i < d; i++) {
                a.set(h, i, j, a.get(col, i, 0));
            }
        }
        S half = a.ratio(1, 2);
        return a.scale(half, a.plus(h, a.transpose(h)));
    }

    /**
     * Whether the gradient is a polynomial in the parameters (quadratic, deep linear nets, linear
     * fully connected nets). Taylor-series integration of gradient flow needs it.
     */
    default boolean isPolynomial() {
        return false;
    }

    /** Checks that {@code theta} is a {@code d x 1} vector. @throws IllegalArgumentException naming the sizes */
    default void requireParameters(M theta) {
        Arithmetic<S, M> a = arithmetic();
        if (a.rows(theta) != dimension() || a.cols(theta) != 1) {
            throw new IllegalArgumentException("theta must be a " + dimension() + "x1 vector, got "
                    + a.rows(theta) + "x" + a.cols(theta));
        }
    }
}
