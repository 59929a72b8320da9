package gfgd.numeric;

/**
 * Argument checks that throw {@link IllegalArgumentException} naming the offending field and value.
 */
public final class Checks {

    private Checks() {
    }

    /** @throws IllegalArgumentException unless {@code value} is finite */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, got " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException unless {@code value > 0} and finite */
    public static double positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be positive and finite, got " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException unless {@code value >= 1} */
    public static int dimension(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException unless {@code value >= min} */
    public static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException unless {@code actual == expected} (a length). */
    public static void size(String field, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(field + " has length " + actual + ", expected " + expected);
        }
    }

    /** @throws IllegalArgumentException unless the two dimensions agree. */
    public static void same(String what, int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("dimension mismatch (" + what + "): " + a + " vs " + b);
        }
    }

    /** @throws IllegalArgumentException unless {@code [offset, offset+n)} lies in {@code [0, length)}. */
    public static void block(int offset, int n, int length) {
        if (offset < 0 || n < 0 || offset + n > length) {
            throw new IllegalArgumentException("block [" + offset + ", " + (offset + n)
                    + ") outside vector of length " + length);
        }
    }
}
