package gfgd.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * {@link Arithmetic} on enclosures: every scalar is an {@link Interval} {@code [lo, hi]} of decimals with
 * at most {@code digits} significant digits, and every operation returns an interval that contains the
 * exact result of the operation applied to any members of its arguments (lower end points rounded with
 * {@link RoundingMode#FLOOR}, upper ones with {@link RoundingMode#CEILING}). Code written against
 * {@link Arithmetic} (objectives, gradient descent, the recorded Taylor program) therefore runs unchanged
 * and returns rigorous enclosures.
 *
 * <p>Sums and products of two end points are formed exactly in {@link BigDecimal} and rounded once; a
 * matrix entry (a sum of products) is accumulated exactly and rounded once per end point. Quotients are
 * rounded outward directly. {@code sqrt}, {@code exp} and {@code log} are enclosed by bounds that are
 * verified (a candidate square root is squared exactly and compared; {@code exp} sums its Taylor series in
 * interval arithmetic with a rigorous tail bound; a candidate logarithm is checked through {@code exp}).
 *
 * <p>A comparison or sign test that the enclosures cannot decide (overlapping operands; a sign test of an
 * interval that contains zero and is not {@code [0, 0]}) throws {@link UndecidedComparisonException}
 * rather than guess. Division by an interval that contains zero throws {@link ArithmeticException}.
 * Immutable and thread-safe.
 */
public final class IntervalArithmetic extends ArrayMatrixArithmetic<Interval, IntervalMatrix> {

    /** Fewest digits: below this the enclosures of the checks are too wide to decide anything. */
    public static final int MIN_DIGITS = 10;
    /** Extra digits the transcendental functions compute with before rounding outward to the working digits. */
    private static final int TRANSCENDENTAL_GUARD = 12;

    private final int digits;
    private final MathContext down;
    private final MathContext up;
    private final Interval zero = Interval.point(BigDecimal.ZERO);
    private final Interval one = Interval.point(BigDecimal.ONE);

    private IntervalArithmetic(int digits) {
        this.digits = digits;
        this.down = new MathContext(digits, RoundingMode.FLOOR);
        this.up = new MathContext(digits, RoundingMode.CEILING);
    }

    /**
     * Intervals whose end points carry {@code digits} significant decimal digits.
     *
     * @throws IllegalArgumentException if {@code digits < MIN_DIGITS}
     */
    public static IntervalArithmetic digits(int digits) {
        if (digits < MIN_DIGITS) {
            throw new IllegalArgumentException("digits must be >= " + MIN_DIGITS + ", got " + digits);
        }
        return new IntervalArithmetic(digits);
    }

    public int digitCount() {
        return digits;
    }

    /** Rounding of lower end points. */
    public MathContext down() {
        return down;
    }

    /** Rounding of upper end points. */
    public MathContext up() {
        return up;
    }

    /** The smallest interval of this precision containing the exact {@code [lo, hi]}. */
    public Interval interval(BigDecimal lo, BigDecimal hi) {
        return new Interval(lo.round(down), hi.round(up));
    }

    /** The smallest interval of this precision containing {@code x}. */
    public Interval enclose(BigDecimal x) {
        return interval(x, x);
    }

    /** {@code [lo, hi]} from decimal literals, rounded outward. */
    public Interval interval(String lo, String hi) {
        return interval(decimal(lo), decimal(hi));
    }

    /** {@code [-r, r]} for {@code r >= 0}. */
    public Interval symmetric(BigDecimal r) {
        if (r.signum() < 0) {
            throw new IllegalArgumentException("radius must be >= 0, got " + r);
        }
        return interval(r.negate(), r);
    }

    /** The interval hull of {@code a} and {@code b}. */
    public Interval hull(Interval a, Interval b) {
        return a.hull(b);
    }

    /** The entry-wise hull of two matrices of the same shape. */
    public IntervalMatrix hull(IntervalMatrix a, IntervalMatrix b) {
        sameShape(a, b);
        Interval[] d = new Interval[a.data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = a.data[k].hull(b.data[k]);
        }
        return new IntervalMatrix(a.rows, a.cols, d);
    }

    /** The largest width of an entry (exact). */
    public BigDecimal maxWidth(IntervalMatrix m) {
        BigDecimal w = BigDecimal.ZERO;
        for (Interval x : m.data) {
            w = w.max(x.width());
        }
        return w;
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: '" + s + "'", e);
        }
    }

    // ---------------------------------------------------------------- scalars

    @Override
    public String name() {
        return "interval(" + digits + ")";
    }

    @Override
    public Interval of(long n) {
        return n == 0 ? zero : n == 1 ? one : enclose(BigDecimal.valueOf(n));
    }

    @Override
    public Interval parse(String decimal) {
        return enclose(decimal(decimal));
    }

    @Override
    public Interval exact(double x) {
        Checks.finite("value", x);
        return enclose(new BigDecimal(x));
    }

    @Override
    public Interval add(Interval a, Interval b) {
        return new Interval(a.lo().add(b.lo(), down), a.hi().add(b.hi(), up));
    }

    @Override
    public Interval sub(Interval a, Interval b) {
        return new Interval(a.lo().subtract(b.hi(), down), a.hi().subtract(b.lo(), up));
    }

    @Override
    public Interval mul(Interval a, Interval b) {
        BigDecimal[] p = products(a, b);
        return new Interval(p[0].round(down), p[1].round(up));
    }

    /** The exact minimum and maximum of the four end-point products. */
    private static BigDecimal[] products(Interval a, Interval b) {
        BigDecimal p1 = a.lo().multiply(b.lo());
        if (a.lo().compareTo(a.hi()) == 0 && b.lo().compareTo(b.hi()) == 0) {
            return new BigDecimal[] {p1, p1};
        }
        BigDecimal p2 = a.lo().multiply(b.hi());
        BigDecimal p3 = a.hi().multiply(b.lo());
        BigDecimal p4 = a.hi().multiply(b.hi());
        return new BigDecimal[] {p1.min(p2).min(p3.min(p4)), p1.max(p2).max(p3.max(p4))};
    }

    @Override
    public Interval div(Interval a, Interval b) {
        if (b.lo().signum() <= 0 && b.hi().signum() >= 0) {
            throw new ArithmeticException("division by an interval containing zero: " + b);
        }
        BigDecimal[] ends = {a.lo(), a.hi()};
        BigDecimal[] dens = {b.lo(), b.hi()};
        BigDecimal lo = null;
        BigDecimal hi = null;
        for (BigDecimal n : ends) {
            for (BigDecimal dd : dens) {
                BigDecimal ql = n.divide(dd, down);
                BigDecimal qh = n.divide(dd, up);
                lo = lo == null ? ql : lo.min(ql);
                hi = hi == null ? qh : hi.max(qh);
            }
        }
        return new Interval(lo, hi);
    }

    @Override
    public Interval negate(Interval a) {
        return new Interval(a.hi().negate(), a.lo().negate());
    }

    @Override
    public Interval sqrt(Interval a) {
        if (a.hi().signum() < 0) {
            throw new ArithmeticException("square root of a negative interval " + a);
        }
        if (a.lo().signum() < 0) {
            throw new UndecidedComparisonException("square root of an interval that contains negative numbers: " + a);
        }
        BigDecimal lo = a.lo().sqrt(down);
        while (lo.multiply(lo).compareTo(a.lo()) > 0) {
            lo = lo.subtract(lo.ulp());
        }
        BigDecimal hi = a.hi().sqrt(up);
        while (hi.multiply(hi).compareTo(a.hi()) < 0) {
            hi = hi.add(hi.ulp());
        }
        return new Interval(lo, hi);
    }

    @Override
    public Interval abs(Interval a) {
        if (a.lo().signum() >= 0) {
            return a;
        }
        if (a.hi().signum() <= 0) {
            return negate(a);
        }
        return new Interval(BigDecimal.ZERO, a.mag());
    }

    @Override
    public Interval exp(Interval a) {
        return new Interval(expEnclosure(a.lo()).lo(), expEnclosure(a.hi()).hi());
    }

    /**
     * An enclosure of {@code exp(y)}: {@code exp(y) = exp(y / 2^k)^(2^k)} with {@code |y / 2^k| <= 1/2},
     * the series of {@code exp(z)} to the term {@code N} plus the tail, bounded by twice its first term
     * (the terms' ratios are at most {@code 1/2}), all in interval arithmetic with guard digits.
     */
    private Interval expEnclosure(BigDecimal y) {
        int k = 1;
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal scale = BigDecimal.ONE;
        while (y.abs().compareTo(half.multiply(scale)) > 0) {
            scale = scale.add(scale);
            k++;
        }
        IntervalArithmetic w = new IntervalArithmetic(digits + TRANSCENDENTAL_GUARD + k);
        Interval z = w.div(w.enclose(y), w.enclose(scale));
        Interval sum = w.one;
        Interval term = w.one;
        BigDecimal tol = BigDecimal.ONE.movePointLeft(w.digits + 2);
        int n = 1;
        while (true) {
            term = w.div(w.mul(term, z), w.of(n));
            sum = w.add(sum, term);
            n++;
            if (term.mag().compareTo(tol) < 0) {
                break;
            }
        }
        BigDecimal tail = w.mul(term, z).mag().multiply(BigDecimal.valueOf(2));
        sum = w.add(sum, w.symmetric(tail));
        for (int i = 0; i < k - 1; i++) {
            sum = w.mul(sum, sum);
        }
        return interval(sum.lo(), sum.hi());
    }

    @Override
    public Interval log(Interval a) {
        if (a.hi().signum() <= 0) {
            throw new ArithmeticException("logarithm of a non-positive interval " + a);
        }
        if (a.lo().signum() <= 0) {
            throw new UndecidedComparisonException("logarithm of an interval that contains non-positive numbers: " + a);
        }
        return new Interval(logBound(a.lo(), true), logBound(a.hi(), false));
    }

    /** A verified lower (or upper) bound of {@code ln x}: an apfloat estimate moved outward until exp confirms it. */
    private BigDecimal logBound(BigDecimal x, boolean lower) {
        long p = digits + TRANSCENDENTAL_GUARD;
        BigDecimal estimate = new BigDecimal(ApfloatMath.log(new Apfloat(x, p)).toString(true));
        BigDecimal delta = BigDecimal.ONE.movePointLeft(digits + 2).multiply(estimate.abs().max(BigDecimal.ONE));
        for (int attempt = 0; attempt < 60; attempt++) {
            if (lower) {
                BigDecimal c = estimate.subtract(delta).round(down);
                if (expEnclosure(c).hi().compareTo(x) <= 0) {
                    return c;
                }
            } else {
                BigDecimal c = estimate.add(delta).round(up);
                if (expEnclosure(c).lo().compareTo(x) >= 0) {
                    return c;
                }
            }
            delta = delta.multiply(BigDecimal.TEN);
        }
        throw new IllegalStateException("could not verify a bound of ln(" + x + ")");
    }

    @Override
    public int signum(Interval a) {
        if (a.lo().signum() > 0) {
            return 1;
        }
        if (a.hi().signum() < 0) {
            return -1;
        }
        if (a.lo().signum() == 0 && a.hi().signum() == 0) {
            return 0;
        }
        throw new UndecidedComparisonException("sign of " + a + " is undecided (the interval contains zero)");
    }

    @Override
    public int compare(Interval a, Interval b) {
        if (a.hi().compareTo(b.lo()) < 0) {
            return -1;
        }
        if (a.lo().compareTo(b.hi()) > 0) {
            return 1;
        }
        if (a.lo().compareTo(a.hi()) == 0 && b.lo().compareTo(b.hi()) == 0) {
            return 0;
        }
        throw new UndecidedComparisonException("comparison of " + a + " and " + b + " is undecided (they overlap)");
    }

    /** The midpoint as the nearest double. */
    @Override
    public double toDouble(Interval a) {
        return a.mid().doubleValue();
    }

    @Override
    public String toString(Interval a) {
        return "[" + a.lo().toString() + ", " + a.hi().toString() + "]";
    }

    /** {@code 10^(1 - digits)}: the relative width one outward rounding may add. */
    @Override
    public double epsilon() {
        return Math.pow(10, 1 - digits);
    }

    // ---------------------------------------------------------------- matrices

    @Override
    protected IntervalMatrix matrix(int rows, int cols, Interval[] data) {
        return new IntervalMatrix(rows, cols, data);
    }

    @Override
    protected Interval[] newArray(int n) {
        return new Interval[n];
    }

    @Override
    public void set(IntervalMatrix m, int i, int j, Interval value) {
        if (value == null) {
            throw new IllegalArgumentException("entry must not be null");
        }
        m.data[i * m.cols + j] = value;
    }

    @Override
    public IntervalMatrix fromDoubles(int rows, int cols, double... rowMajor) {
        Checks.same("entries", rowMajor.length, rows * cols);
        Interval[] d = new Interval[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = exact(rowMajor[k]);
        }
        return new IntervalMatrix(rows, cols, d);
    }

    @Override
    public IntervalMatrix fromStrings(int rows, int cols, String... rowMajor) {
        Checks.same("entries", rowMajor.length, rows * cols);
        Interval[] d = new Interval[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = parse(rowMajor[k]);
        }
        return new IntervalMatrix(rows, cols, d);
    }

    /** {@code sum_k x_k y_k}: end points accumulated exactly and rounded once each. */
    @Override
    protected Interval sumOfProducts(Interval[] x, Interval[] y) {
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal hi = BigDecimal.ZERO;
        for (int k = 0; k < x.length; k++) {
            BigDecimal[] p = products(x[k], y[k]);
            lo = lo.add(p[0]);
            hi = hi.add(p[1]);
        }
        return new Interval(lo.round(down), hi.round(up));
    }

    @Override
    public IntervalMatrix addInPlace(IntervalMatrix a, Interval s, IntervalMatrix b) {
        sameShape(a, b);
        for (int k = 0; k < a.data.length; k++) {
            BigDecimal[] p = products(s, b.data[k]);
            a.data[k] = new Interval(a.data[k].lo().add(p[0]).round(down), a.data[k].hi().add(p[1]).round(up));
        }
        return a;
    }

    /** The Euclidean (Frobenius) norm; the square of an entry is never below zero. */
    @Override
    public Interval norm(IntervalMatrix a) {
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal hi = BigDecimal.ZERO;
        for (Interval x : a.data) {
            BigDecimal m = x.mag();
            BigDecimal n = x.lo().signum() > 0 ? x.lo() : x.hi().signum() < 0 ? x.hi().negate() : BigDecimal.ZERO;
            lo = lo.add(n.multiply(n));
            hi = hi.add(m.multiply(m));
        }
        return sqrt(new Interval(lo.round(down), hi.round(up)));
    }

    /** Always true: interval end points are finite decimals. */
    @Override
    public boolean isFinite(IntervalMatrix m) {
        return true;
    }

}
