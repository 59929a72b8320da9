package gfgd.prop1;

import gfgd.numeric.ApfloatArithmetic;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * Family A of Proposition 1: the one-dimensional quadratic {@code f(x) = -(a/2) x^2} started at
 * {@code x_0 = 1}, in closed form. With {@code a = m > 0} (the claim) the flow {@code x(t) = e^{mt}}
 * expands and GD gives {@code x_k = (1 + eta m)^k}; with {@code a = -m} (the convex counterpart of the
 * negative control) {@code x(t) = e^{-mt}} and {@code x_k = (1 - eta m)^k}.
 *
 * <p>Both are compared at {@code t = k eta} with {@code k} an integer, so {@code eta = t/k} and
 * {@code u = eta m = mt/k}. The gap {@code E(k) = |x(t) - x_k|} depends on {@code m t} and {@code k}
 * only. For the expanding case it has the cancellation-free closed form
 * <pre>
 *   E(k) = e^{mt} (1 - exp(-k phi(u))),   phi(u) = u - ln(1 + u) = sum_{j >= 2} (-1)^j u^j / j,
 * </pre>
 * (since {@code k ln(1+u) = mt - k phi(u)}), which is decreasing in {@code k}: {@code (1 + u/k)^k}
 * increases with {@code k}. {@link #gap} evaluates it; {@link #gapByPower} evaluates the GD iterate
 * itself, {@code (1 + u)^k} by exponentiation by squaring over a {@link BigInteger} {@code k}, minus the
 * flow, as an independent cross-check. Both run in apfloat at {@link #digitsFor} digits, enough for
 * {@code k} beyond {@code 10^22} where double cannot even form {@code 1 + eta m}.
 *
 * <p>{@link #threshold} finds {@code k*}, the least integer with {@code E(k) <= eps}, by
 * {@link LeastStepCount}; {@code eta* = t / k*} is the largest step of the form {@code t/k} that keeps the distance at
 * time {@code t} within {@code eps}.
 */
public final class ExpandingQuadratic {

    /** Guard digits on top of the digits the cancellation in {@link #gapByPower} consumes. */
    static final int BASE_DIGITS = 40;

    /** Below this {@code u} (and exponent {@code x}) the series are used: they converge like 0.1^j. */
    private static final double SERIES_BELOW = 0.1;

    /** Galloping stops at {@code k = 2^MAX_BITS}: far beyond any {@code m t} this check sweeps (k* ~ e^{mt}). */
    private static final int MAX_BITS = 600;

    private final BigDecimal m;
    private final BigDecimal t;
    private final BigDecimal eps;
    private final boolean expanding;
    private final int digits;
    private final FixedPrecisionApfloatHelper h;
    private final Apfloat mt;
    private final Apfloat eps1;
    private final Apfloat flow;
    private final Apfloat tolerance;

    /**
     * The least {@code k} with {@code E(k) <= eps}, with the gaps on both sides of the threshold in both
     * evaluations.
     *
     * @param kStar         the least integer {@code k} with {@code E(k) <= eps}
     * @param logEtaStar    {@code ln(t / k*)}
     * @param gapAt         {@code E(k*)} (closed form, or GD power for the convex case)
     * @param gapBefore     {@code E(k* - 1)}, or {@code +infinity} when {@code k* = 1}
     * @param crossCheckGap {@code max |closed form - GD power| / eps} at {@code k*} and {@code k* - 1}
     *                      (0 for the convex case, which has only the power form)
     * @param confirmed     whether the GD power form, independently, puts the threshold at the same {@code k*}
     */
    public record Threshold(BigInteger kStar, double logEtaStar, double gapAt, double gapBefore,
            double crossCheckGap, boolean confirmed) {
    }

    private ExpandingQuadratic(BigDecimal m, BigDecimal t, BigDecimal eps, boolean expanding) {
        this.m = positive("m", m);
        this.t = positive("t", t);
        this.eps = positive("eps", eps);
        this.expanding = expanding;
        BigDecimal product = m.multiply(t);
        this.digits = digitsFor(product.doubleValue());
        ApfloatArithmetic ap = ApfloatArithmetic.digits(digits);
        this.h = ap.helper();
        this.mt = ap.parse(product.toPlainString());
        this.eps1 = ap.parse(eps.toPlainString());
        this.flow = h.exp(expanding ? mt : mt.negate());
        this.tolerance = ap.parse("1e-" + (digits - 5));
    }

    private static BigDecimal positive(String name, BigDecimal v) {
        if (v == null || v.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + (v == null ? null : v.toPlainString()));
        }
        return v;
    }

    private static BigDecimal decimal(String name, String v) {
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(name + " must be a decimal number, got '" + v + "'", e);
        }
    }

    /**
     * The claim's instance {@code f = -(m/2) x^2} (flow {@code e^{mt}}).
     *
     * @param m   curvature magnitude, {@code > 0}, a decimal string
     * @param t   time, {@code > 0}
     * @param eps distance tolerance, {@code > 0}
     * @throws IllegalArgumentException naming a value that is not a positive decimal
     */
    public static ExpandingQuadratic expanding(String m, String t, String eps) {
        return new ExpandingQuadratic(decimal("m", m), decimal("t", t), decimal("eps", eps), true);
    }

    /** The convex counterpart {@code f = +(m/2) x^2} (flow {@code e^{-mt}}); arguments as in {@link #expanding}. */
    public static ExpandingQuadratic convex(String m, String t, String eps) {
        return new ExpandingQuadratic(decimal("m", m), decimal("t", t), decimal("eps", eps), false);
    }

    /**
     * Working digits for {@code m t}: {@code BASE_DIGITS + 3 mt / ln 10}. The power form cancels
     * {@code log10 e^{mt}} digits against the flow, its rounding is amplified by {@code k ~ e^{mt}}, and
     * deciding {@code E(k) <= eps} between neighbours {@code k, k+1} needs another {@code log10 k}.
     */
    static int digitsFor(double mt) {
        return BASE_DIGITS + (int) Math.ceil(3 * mt / Math.log(10));
    }

    public BigDecimal m() {
        return m;
    }

    public BigDecimal t() {
        return t;
    }

    public boolean isExpanding() {
        return expanding;
    }

    /** The working digits of this instance. */
    public int digits() {
        return digits;
    }

    private Apfloat u(BigInteger k) {
        requirePositive(k);
        return h.divide(mt, new Apfloat(k, digits));
    }

    private static void requirePositive(BigInteger k) {
        if (k == null || k.signum() <= 0) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    /**
     * {@code phi(u) = u - ln(1 + u)} for {@code u > 0}: the alternating series {@code sum_{j>=2} (-1)^j u^j/j}
     * below {@link #SERIES_BELOW} (no cancellation), the logarithm above.
     */
    Apfloat phi(Apfloat u) {
        if (u.doubleValue() >= SERIES_BELOW) {
            return h.subtract(u, h.log(h.add(Apfloat.ONE, u)));
        }
        Apfloat power = h.multiply(u, u);
        Apfloat sum = Apfloat.ZERO;
        for (int j = 2; ; j++) {
            Apfloat term = h.divide(power, new Apfloat(j, digits));
            sum = (j % 2 == 0) ? h.add(sum, term) : h.subtract(sum, term);
            if (term.signum() == 0 || small(term, sum)) {
                return sum;
            }
            power = h.multiply(power, u);
        }
    }

    /** {@code 1 - e^{-x}} for {@code x >= 0}: its Taylor series for small {@code x} (no cancellation), else directly. */
    Apfloat oneMinusExpNeg(Apfloat x) {
        if (x.doubleValue() >= SERIES_BELOW) {
            return h.subtract(Apfloat.ONE, h.exp(x.negate()));
        }
        Apfloat term = x;
        Apfloat sum = x;
        for (int j = 2; term.signum() != 0 && !small(term, sum); j++) {
            term = h.divide(h.multiply(term, x), new Apfloat(-j, digits));
            sum = h.add(sum, term);
        }
        return sum;
    }

    private boolean small(Apfloat term, Apfloat sum) {
        return term.signum() == 0 || h.abs(term).compareTo(h.multiply(h.abs(sum), tolerance)) < 0;
    }

    /**
     * {@code E(k) = |x(t) - x_k|} at {@code t = k eta}: the closed form {@code e^{mt}(1 - exp(-k phi(mt/k)))}
     * for the expanding instance; the GD power {@link #gapByPower} for the convex one.
     *
     * @throws IllegalArgumentException if {@code k < 1}, naming it
     */
    public Apfloat gap(BigInteger k) {
        if (!expanding) {
            return gapByPower(k);
        }
        Apfloat u = u(k);
        return h.multiply(flow, oneMinusExpNeg(h.multiply(new Apfloat(k, digits), phi(u))));
    }

    /**
     * {@code |x(t) - (1 +- u)^k|}: the GD iterate itself, {@code (1 + eta a)^k} by exponentiation by
     * squaring over the bits of {@code k} (about {@code 2 log2 k} products), minus the flow.
     */
    public Apfloat gapByPower(BigInteger k) {
        Apfloat u = u(k);
        Apfloat base = expanding ? h.add(Apfloat.ONE, u) : h.subtract(Apfloat.ONE, u);
        return h.abs(h.subtract(flow, power(base, k)));
    }

    /** {@code base^k} by squaring, {@code k >= 0} a {@link BigInteger}. */
    Apfloat power(Apfloat base, BigInteger k) {
        Apfloat result = Apfloat.ONE;
        Apfloat square = base;
        for (int bit = 0; bit < k.bitLength(); bit++) {
            if (k.testBit(bit)) {
                result = h.multiply(result, square);
            }
            if (bit + 1 < k.bitLength()) {
                square = h.multiply(square, square);
            }
        }
        return result;
    }

    /**
     * {@code k*}, the least {@code k >= 1} with {@code E(k) <= eps}, by {@link LeastStepCount}.
     *
     * <p>Expanding instance: {@code E} is decreasing in {@code k}, so {@code k*} is exact; the search
     * starts at the asymptotic {@code (mt)^2 e^{mt} / (2 eps)} and interpolates on {@code 1/E(k) - 1/eps}
     * (nearly linear in {@code k}, because {@code E ~ e^{mt} (mt)^2 / (2k)}). Convex instance: the same
     * search galloping from {@code k = 1} and bisecting only (that gap oscillates in sign for {@code u > 1},
     * so it is the procedure, not a monotone root, that defines its {@code k*}).
     *
     * @throws IllegalStateException if no {@code k <= 2^MAX_BITS} is within {@code eps}
     */
    public Threshold threshold() {
        return describe(search(flow));
    }

    /**
     * The least {@code k} with relative gap {@code E(k) / x(t) <= epsRelative}: for the expanding
     * instance about {@code (mt)^2 / (2 epsRelative)}, polynomial in {@code m t}: measured relatively, the
     * exponential smallness of {@code eta*} disappears.
     *
     * @throws IllegalArgumentException if {@code epsRelative} is not a positive decimal, naming it
     */
    public BigInteger relativeThreshold(String epsRelative) {
        BigDecimal r = positive("epsRelative", decimal("epsRelative", epsRelative));
        Apfloat scaled = h.multiply(flow, new Apfloat(r.toPlainString(), digits));
        return searchWithin(scaled, r.doubleValue());
    }

    private BigInteger search(Apfloat scale) {
        return searchWithin(eps1, eps.doubleValue() / scale.doubleValue());
    }

    /** The least {@code k} with {@code E(k) <= bound}; {@code relativeBound = bound / x(t)} seeds the guess. */
    private BigInteger searchWithin(Apfloat bound, double relativeBound) {
        BigInteger guess = null;
        if (expanding) {
            double x = mt();
            guess = new BigDecimal(x * x / (2 * relativeBound)).toBigInteger();
        }
        Apfloat inverseBound = h.divide(Apfloat.ONE, bound);
        return LeastStepCount.search(k -> {
            Apfloat e = gap(k);
            Apfloat f = e.signum() == 0 ? Apfloat.ONE : h.subtract(h.divide(Apfloat.ONE, e), inverseBound);
            return new BigDecimal(f.toString(true));
        }, guess, MAX_BITS, "m t = " + m.multiply(t).toPlainString() + ", bound " + bound);
    }

    private Threshold describe(BigInteger k) {
        Apfloat at = gap(k);
        Apfloat atPower = gapByPower(k);
        boolean first = k.equals(BigInteger.ONE);
        BigInteger before = k.subtract(BigInteger.ONE);
        Apfloat prev = first ? null : gap(before);
        Apfloat prevPower = first ? null : gapByPower(before);
        double cross = 0;
        if (expanding) {
            cross = h.divide(h.abs(h.subtract(at, atPower)), eps1).doubleValue();
            if (!first) {
                cross = Math.max(cross, h.divide(h.abs(h.subtract(prev, prevPower)), eps1).doubleValue());
            }
        }
        boolean confirmed = atPower.compareTo(eps1) <= 0 && (first || prevPower.compareTo(eps1) > 0);
        double logEta = h.subtract(h.log(new Apfloat(t.toPlainString(), digits)), h.log(new Apfloat(k, digits)))
                .doubleValue();
        return new Threshold(k, logEta, at.doubleValue(), first ? Double.POSITIVE_INFINITY : prev.doubleValue(),
                cross, confirmed);
    }

    /** {@code ln(m^2 t / (2 eps))}: the polynomial prefactor of {@code eta*} in the brief's asymptotic formula. */
    public double logPrefactor() {
        return Math.log(m.doubleValue() * m.doubleValue() * t.doubleValue() / (2 * eps.doubleValue()));
    }

    /** {@code m t} as a double. */
    public double mt() {
        return m.multiply(t).doubleValue();
    }
}
