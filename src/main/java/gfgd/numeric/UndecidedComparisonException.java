package gfgd.numeric;

/**
 * Thrown by {@link IntervalArithmetic} when a comparison or sign test cannot be decided because the
 * enclosures overlap: the interval arithmetic never guesses.
 */
public final class UndecidedComparisonException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    public UndecidedComparisonException(String message) {
        super(message);
    }
}
