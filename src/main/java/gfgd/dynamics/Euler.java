package gfgd.dynamics;

import gfgd.numeric.Arithmetic;

/**
 * Euler's method for {@code theta' = g(theta)}: {@code theta_{k+1} = theta_k + h g(theta_k)}, for any
 * {@link VectorField}. On {@link GradientFlow} it is gradient descent with step {@code eta = h}.
 * Immutable.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class Euler<S, M> {

    private final VectorField<S, M> field;
    private final S h;

    private Euler(VectorField<S, M> field, S h) {
        this.field = field;
        this.h = h;
    }

    /**
     * Euler's method with step {@code h}.
     *
     * @throws IllegalArgumentException if {@code h <= 0} or {@code h} is not finite, naming it
     */
    public static <S, M> Euler<S, M> of(VectorField<S, M> field, S h) {
        if (field == null) {
            throw new IllegalArgumentException("field must not be null");
        }
        StepSizes.requirePositive("h", field.arithmetic(), h);
        return new Euler<>(field, h);
    }

    public VectorField<S, M> field() {
        return field;
    }

    /** The step {@code h}. */
    public S stepSize() {
        return h;
    }

    /** {@code theta + h g(theta)}, a new vector; {@code theta} is not modified. */
    public M step(M theta) {
        requireState(theta);
        Arithmetic<S, M> a = field.arithmetic();
        return a.addScaled(theta, h, field.derivative(theta));
    }

    /**
     * {@code k} Euler steps from {@code theta0}; returns the last iterate (a new vector). {@code theta0}
     * is not modified.
     *
     * @throws IllegalArgumentException if {@code steps < 0} or {@code theta0} has the wrong shape
     */
    public M iterate(M theta0, long steps) {
        requireState(theta0);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        Arithmetic<S, M> a = field.arithmetic();
        M theta = a.copy(theta0);
        for (long k = 0; k < steps; k++) {
            a.addInPlace(theta, h, field.derivative(theta));
        }
        return theta;
    }

    private void requireState(M theta) {
        Arithmetic<S, M> a = field.arithmetic();
        if (a.rows(theta) != field.dimension() || a.cols(theta) != 1) {
            throw new IllegalArgumentException("theta must be a " + field.dimension() + "x1 vector, got "
                    + a.rows(theta) + "x" + a.cols(theta));
        }
    }
}
