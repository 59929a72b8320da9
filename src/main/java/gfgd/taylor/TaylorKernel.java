package gfgd.taylor;

/**
 * The coefficient propagation of one Taylor-series run of a {@link TaylorProgram}: holds the state {@code x} and the Taylor
 * coefficients {@code c[slot][0..K+1]} of the recorded program in some number representation, and
 * converts to the arithmetic's scalars {@code S} only at the boundaries. A kernel is the work space of
 * one run (not thread-safe).
 *
 * @param <S> scalar type of the arithmetic of the run
 */
public interface TaylorKernel<S> {

    /** Sets component {@code i} of the state to {@code value}. */
    void load(int i, S value);

    /** Computes the coefficients {@code c[slot][0..K+1]} at the current state. */
    void coefficients();

    /** {@code |c_j|} of input {@code i} (the state's {@code j}-th Taylor coefficient) as a double. */
    double magnitude(int i, int j);

    /** {@code sum_{j=0..K} c_j s^j} for the inputs; the state is not modified. */
    S[] evaluate(S s);

    /** Sets the state to {@code sum_{j=0..K} c_j s^j}. */
    void advance(S s);

    /** The state in double. */
    double[] stateDoubles();

    /** The state. */
    S[] state();
}
