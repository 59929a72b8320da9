package gfgd.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A closed interval {@code [lo, hi]} of reals with decimal end points, the scalar of
 * {@link IntervalArithmetic}: a value known to lie in it. Immutable.
 *
 * @param lo lower end point
 * @param hi upper end point, {@code >= lo}
 */
public record Interval(BigDecimal lo, BigDecimal hi) {

    public Interval {
        if (lo == null || hi == null) {
            throw new IllegalArgumentException("interval end points must not be null");
        }
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("interval end points cross: [" + lo + ", " + hi + "]");
        }
    }

    /** The point interval {@code [x, x]}. */
    public static Interval point(BigDecimal x) {
        return new Interval(x, x);
    }

    /** {@code hi - lo}, exactly. */
    public BigDecimal width() {
        return hi.subtract(lo);
    }

    /** {@code (lo + hi) / 2}, exactly. */
    public BigDecimal mid() {
        return lo.add(hi).divide(BigDecimal.valueOf(2));
    }

    /** {@code max(|lo|, |hi|)}: the largest magnitude of a member. */
    public BigDecimal mag() {
        return lo.abs().max(hi.abs());
    }

    /** Whether {@code x} lies in this interval. */
    public boolean contains(BigDecimal x) {
        return lo.compareTo(x) <= 0 && x.compareTo(hi) <= 0;
    }

    /** Whether {@code other} lies inside this interval. */
    public boolean contains(Interval other) {
        return lo.compareTo(other.lo) <= 0 && other.hi.compareTo(hi) <= 0;
    }

    /** Whether {@code other} lies in the interior of this interval. */
    public boolean containsInInterior(Interval other) {
        return lo.compareTo(other.lo) < 0 && other.hi.compareTo(hi) < 0;
    }

    /** The smallest interval containing this one and {@code other}. */
    public Interval hull(Interval other) {
        return new Interval(lo.min(other.lo), hi.max(other.hi));
    }

    /** Upper end point as a double rounded up (so it still bounds every member). */
    public double upperDouble() {
        double d = hi.doubleValue();
        return new BigDecimal(d).compareTo(hi) >= 0 ? d : Math.nextUp(d);
    }

    /** Lower end point as a double rounded down. */
    public double lowerDouble() {
        double d = lo.doubleValue();
        return new BigDecimal(d).compareTo(lo) <= 0 ? d : Math.nextDown(d);
    }

    @Override
    public String toString() {
        MathContext six = new MathContext(6, RoundingMode.HALF_EVEN);
        return "[" + lo.round(new MathContext(6, RoundingMode.FLOOR)).toString() + ", "
                + hi.round(new MathContext(6, RoundingMode.CEILING)).toString() + "]"
                + (lo.compareTo(hi) == 0 ? "" : " (width " + width().round(six) + ")");
    }
}
