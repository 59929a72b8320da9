package gfgd.numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every operation of {@link IntervalArithmetic} encloses the exact result for every pair of members
 * (checked at the end points, where the extremes of + - * / over boxes are attained), and never returns
 * crossed end points.
 */
class IntervalProperties {

    /** Fixed jqwik seed: the same samples on every run. */
    private static final String SEED = "20211206";
    private static final IntervalArithmetic A = IntervalArithmetic.digits(12);

    @Provide
    Arbitrary<Interval> intervals() {
        Arbitrary<BigDecimal> decimals = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                Arbitraries.integers().between(-5, 40)).as(BigDecimal::new);
        return Combinators.combine(decimals, decimals).as((x, y) -> A.interval(x.min(y), x.max(y)));
    }

    @Property(tries = 400, seed = SEED)
    void sumsDifferencesAndProductsEncloseEveryEndPointResult(@ForAll("intervals") Interval x, @ForAll("intervals") Interval y) {
        for (BigDecimal u : new BigDecimal[] {x.lo(), x.hi(), x.mid()}) {
            for (BigDecimal v : new BigDecimal[] {y.lo(), y.hi(), y.mid()}) {
                if (!A.add(x, y).contains(u.add(v)) || !A.sub(x, y).contains(u.subtract(v))
                        || !A.mul(x, y).contains(u.multiply(v))) {
                    throw new AssertionError("enclosure misses an exact result at " + u + ", " + v);
                }
            }
        }
    }

    @Property(tries = 300, seed = SEED)
    void quotientsEncloseTheExactRational(@ForAll("intervals") Interval x, @ForAll("intervals") Interval y) {
        if (y.lo().signum() <= 0 && y.hi().signum() >= 0) {
            return;
        }
        Interval q = A.div(x, y);
        for (BigDecimal u : new BigDecimal[] {x.lo(), x.hi()}) {
            for (BigDecimal v : new BigDecimal[] {y.lo(), y.hi()}) {
                BigDecimal p = v.signum() < 0 ? u.negate() : u;
                BigDecimal w = v.abs();
                if (q.lo().multiply(w).compareTo(p) > 0 || p.compareTo(q.hi().multiply(w)) > 0) {
                    throw new AssertionError(q + " misses " + u + " / " + v);
                }
            }
        }
    }

    @Property(tries = 300, seed = SEED)
    void enclosuresNeverCross(@ForAll("intervals") Interval x, @ForAll("intervals") Interval y) {
        Interval[] results = {A.add(x, y), A.sub(x, y), A.mul(x, y), A.negate(x), A.abs(x), A.mul(x, x),
                A.sqrt(A.abs(A.mul(x, x)))};
        for (Interval r : results) {
            if (r.lo().compareTo(r.hi()) > 0) {
                throw new AssertionError("crossed " + r);
            }
        }
    }
}
