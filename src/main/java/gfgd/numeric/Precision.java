package gfgd.numeric;

/**
 * The precision context of the apfloat arithmetic: {@code digits} significant decimal digits that
 * results are meant to carry, plus {@code guardDigits} extra digits carried by every operation to
 * absorb rounding. Every apfloat operation of an {@link ApfloatArithmetic} is rounded to
 * {@link #workingDigits()}.
 *
 * @param digits      significant decimal digits requested, at least {@link #MIN_DIGITS}
 * @param guardDigits extra digits carried, at least 0
 */
public record Precision(int digits, int guardDigits) {

    /** Below this, apfloat is no better than double and a request for it is a mistake. */
    public static final int MIN_DIGITS = 10;

    /** Default guard digits: enough for ~10^10 rounding errors to accumulate without reaching the requested digits. */
    public static final int DEFAULT_GUARD_DIGITS = 10;

    public Precision {
        if (digits < MIN_DIGITS) {
            throw new IllegalArgumentException("digits must be >= " + MIN_DIGITS + ", got " + digits);
        }
        if (guardDigits < 0) {
            throw new IllegalArgumentException("guardDigits must be >= 0, got " + guardDigits);
        }
    }

    /** {@code digits} significant digits with {@link #DEFAULT_GUARD_DIGITS} guard digits. */
    public static Precision digits(int digits) {
        return new Precision(digits, DEFAULT_GUARD_DIGITS);
    }

    /** The precision every operation is rounded to: {@code digits + guardDigits}. */
    public int workingDigits() {
        return digits + guardDigits;
    }

    /** This precision with other guard digits. */
    public Precision withGuardDigits(int guard) {
        return new Precision(digits, guard);
    }

    /** The relative accuracy the requested digits stand for: {@code 10^-digits}. */
    public double resolution() {
        return Math.pow(10, -digits);
    }

    /**
     * Checks that this precision can resolve a requested relative tolerance.
     *
     * @throws IllegalArgumentException if {@code tolerance < 10^-digits}, naming both
     */
    public Precision requireResolves(double tolerance) {
        Checks.positive("tolerance", tolerance);
        if (tolerance < resolution()) {
            throw new IllegalArgumentException("precision of " + digits + " digits is too low for tolerance "
                    + tolerance + " (needs at least " + (int) Math.ceil(-Math.log10(tolerance)) + " digits)");
        }
        return this;
    }
}
