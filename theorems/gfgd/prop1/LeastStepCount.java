package gfgd.prop1;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * The search both families share: the least step count {@code k >= 1} whose GD run ends within
 * {@code eps} of the flow, given {@code excess(k)}, a number that is {@code >= 0} exactly when run
 * {@code k} is within {@code eps} (both families use {@code 1/distance - 1/eps}, nearly linear in
 * {@code k} because the distance is nearly proportional to {@code eta = t/k}).
 *
 * <p>With a guess (a monotone family), the bracket starts at the guess and gallops by factors of 2
 * until {@code excess(lo) < 0 <= excess(hi)}; inside it, regula falsi on {@code excess}, with a bisection
 * step whenever an interpolation step fails to halve the bracket, until {@code hi = lo + 1}. Without a
 * guess, the bracket gallops from {@code k = 1} and only bisection is used. Either way the result
 * {@code k} satisfies {@code excess(k) >= 0 > excess(k - 1)} (or {@code k = 1}); it is the least such
 * {@code k} when {@code excess} is increasing in {@code k}.
 */
final class LeastStepCount {

    /** Precision of the interpolation (the decisions use only the sign of {@code excess}). */
    private static final MathContext INTERPOLATION = new MathContext(40, RoundingMode.HALF_EVEN);

    private LeastStepCount() {
    }

    /**
     * @param excess  {@code >= 0} exactly when run {@code k} is within {@code eps}
     * @param guess   a starting guess for a monotone family, or {@code null} to gallop from 1 and bisect
     * @param maxBits the largest {@code k} tried is {@code 2^maxBits}
     * @param what    names the instance in the error
     * @throws IllegalStateException if no {@code k <= 2^maxBits} is within {@code eps}
     */
    static BigInteger search(Function<BigInteger, BigDecimal> excess, BigInteger guess, int maxBits, String what) {
        BigInteger lo;
        BigInteger hi;
        BigDecimal fLo = null;
        BigDecimal fHi;
        boolean interpolate = guess != null;
        if (guess != null) {
            BigInteger k = guess.max(BigInteger.ONE);
            BigDecimal f = excess.apply(k);
            if (f.signum() >= 0) {
                hi = k;
                fHi = f;
                lo = k.shiftRight(1);
                while (lo.signum() > 0 && (f = excess.apply(lo)).signum() >= 0) {
                    hi = lo;
                    fHi = f;
                    lo = lo.shiftRight(1);
                }
                fLo = lo.signum() > 0 ? f : null;
            } else {
                lo = k;
                fLo = f;
                hi = k.shiftLeft(1);
                while ((fHi = excess.apply(check(hi, maxBits, what))).signum() < 0) {
                    lo = hi;
                    fLo = fHi;
                    hi = hi.shiftLeft(1);
                }
            }
        } else {
            hi = BigInteger.ONE;
            while ((fHi = excess.apply(check(hi, maxBits, what))).signum() < 0) {
                hi = hi.shiftLeft(1);
            }
            lo = hi.shiftRight(1);
        }
        // invariant: lo = 0 or excess(lo) < 0 (fLo, when known); excess(hi) >= 0 (fHi)
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
            BigInteger width = hi.subtract(lo);
            BigInteger mid = interpolate && fLo != null ? falsePosition(lo, hi, fLo, fHi) : lo.add(hi).shiftRight(1);
            BigDecimal f = excess.apply(mid);
            if (f.signum() >= 0) {
                hi = mid;
                fHi = f;
            } else {
                lo = mid;
                fLo = f;
            }
            interpolate = guess != null && hi.subtract(lo).shiftLeft(1).compareTo(width) <= 0;
        }
        return hi;
    }

    private static BigInteger check(BigInteger k, int maxBits, String what) {
        if (k.bitLength() > maxBits + 1) {
            throw new IllegalStateException("no k <= 2^" + maxBits + " keeps GD within eps of the flow: " + what);
        }
        return k;
    }

    /** The integer where the chord through {@code (lo, fLo)} and {@code (hi, fHi)} crosses zero, kept strictly inside. */
    private static BigInteger falsePosition(BigInteger lo, BigInteger hi, BigDecimal fLo, BigDecimal fHi) {
        BigDecimal step = new BigDecimal(hi.subtract(lo)).multiply(fLo.negate())
                .divide(fHi.subtract(fLo), INTERPOLATION);
        BigInteger mid = lo.add(step.toBigInteger());
        return mid.max(lo.add(BigInteger.ONE)).min(hi.subtract(BigInteger.ONE));
    }
}
