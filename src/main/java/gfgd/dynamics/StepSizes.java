package gfgd.dynamics;

import gfgd.numeric.Arithmetic;

/** Checks on step sizes shared by the integrators of this package. */
final class StepSizes {

    private StepSizes() {
    }

    /**
     * @throws IllegalArgumentException unless {@code step > 0} and finite (as a double), naming
     *                                  {@code field} and the value
     */
    static <S, M> void requirePositive(String field, Arithmetic<S, M> a, S step) {
        if (step == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        double d = a.toDouble(step);
        if (a.signum(step) <= 0 || !Double.isFinite(d)) {
            throw new IllegalArgumentException(field + " must be positive and finite, got " + a.toString(step));
        }
    }
}
