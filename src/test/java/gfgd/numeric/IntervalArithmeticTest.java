package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

class IntervalArithmeticTest {

    private static final IntervalArithmetic A = IntervalArithmetic.digits(20);
    private static final BigDecimal X = new BigDecimal("0.12345678901234567890123456789");
    private static final BigDecimal Y = new BigDecimal("-3.3333333333333333333333333333333");

    /** exact rational p/q membership: lo <= p/q <= hi with q > 0, i.e. lo*q <= p <= hi*q. */
    private static boolean containsQuotient(Interval r, BigDecimal p, BigDecimal q) {
        if (q.signum() < 0) {
            p = p.negate();
            q = q.negate();
        }
        return r.lo().multiply(q).compareTo(p) <= 0 && p.compareTo(r.hi().multiply(q)) <= 0;
    }

    @Test
    void arithmeticOperationsEncloseTheExactResult() {
        Interval x = A.enclose(X);
        Interval y = A.enclose(Y);
        assertTrue(x.contains(X) && x.width().signum() > 0, "rounding a 29-digit decimal to 20 digits widens it");
        BigDecimal xl = x.lo();
        BigDecimal yh = y.hi();
        assertTrue(A.add(x, y).contains(xl.add(yh)));
        assertTrue(A.add(x, y).contains(X.add(Y)));
        assertTrue(A.sub(x, y).contains(X.subtract(Y)));
        assertTrue(A.mul(x, y).contains(X.multiply(Y)));
        assertTrue(containsQuotient(A.div(x, y), X, Y));
        assertTrue(containsQuotient(A.div(A.one(), A.of(3)), BigDecimal.ONE, BigDecimal.valueOf(3)));
        assertTrue(A.negate(y).contains(Y.negate()));
        Interval s = A.sqrt(A.of(2));
        assertTrue(s.lo().multiply(s.lo()).compareTo(BigDecimal.valueOf(2)) <= 0);
        assertTrue(s.hi().multiply(s.hi()).compareTo(BigDecimal.valueOf(2)) >= 0);
    }

    @Test
    void enclosuresAreTight() {
        Interval third = A.div(A.one(), A.of(3));
        assertTrue(third.width().compareTo(new BigDecimal("1e-20")) <= 0, third.toString());
        assertEquals(0, A.add(A.parse("0.1"), A.parse("0.2")).width().signum(), "exact decimal sums stay points");
    }

    @Test
    void transcendentalEnclosuresContainHighPrecisionValues() {
        for (String v : new String[] {"-7.25", "-0.3", "0", "1e-9", "0.5", "2.75", "40"}) {
            Interval e = A.exp(A.parse(v));
            BigDecimal ref = new BigDecimal(ApfloatMath.exp(new Apfloat(v, 60)).toString(true));
            assertTrue(e.contains(ref), "exp(" + v + ") = " + ref + " not in " + e);
            assertTrue(e.width().compareTo(ref.abs().multiply(new BigDecimal("1e-18"))) <= 0, "exp too wide " + e);
        }
        for (String v : new String[] {"0.001", "0.5", "1", "3", "1e6"}) {
            Interval l = A.log(A.parse(v));
            BigDecimal ref = new BigDecimal(ApfloatMath.log(new Apfloat(v, 60)).toString(true));
            assertTrue(l.contains(ref), "log(" + v + ") = " + ref + " not in " + l);
        }
    }

    @Test
    void undecidableComparisonsThrowInsteadOfGuessing() {
        Interval a = A.interval("0.1", "0.3");
        Interval b = A.interval("0.2", "0.4");
        assertThrows(UndecidedComparisonException.class, () -> A.compare(a, b));
        assertThrows(UndecidedComparisonException.class, () -> A.signum(A.interval("-1e-30", "1e-30")));
        assertEquals(-1, A.compare(a, A.interval("0.31", "0.5")));
        assertEquals(0, A.signum(A.zero()));
        assertEquals(0, A.compare(A.parse("0.25"), A.parse("0.25")));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> A.div(A.one(), a.hull(A.negate(a))));
        assertTrue(e.getMessage().contains("containing zero"), e.getMessage());
    }

    @Test
    void matrixProductsEncloseTheExactProduct() {
        IntervalMatrix m = A.fromStrings(2, 2, "0.1", "-0.7", "1.3", "2.9");
        IntervalMatrix v = A.fromStrings(2, 1, X.toPlainString(), Y.toPlainString());
        IntervalMatrix p = A.mult(m, v);
        assertTrue(p.get(0, 0).contains(new BigDecimal("0.1").multiply(X).add(new BigDecimal("-0.7").multiply(Y))));
        assertTrue(p.get(1, 0).contains(new BigDecimal("1.3").multiply(X).add(new BigDecimal("2.9").multiply(Y))));
        Interval n = A.norm(v);
        BigDecimal sq = X.multiply(X).add(Y.multiply(Y));
        assertTrue(n.lo().multiply(n.lo()).compareTo(sq) <= 0 && n.hi().multiply(n.hi()).compareTo(sq) >= 0);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> A.parse("zero"));
        assertTrue(e.getMessage().contains("'zero'"));
        assertThrows(IllegalArgumentException.class, () -> IntervalArithmetic.digits(3));
        assertThrows(IllegalArgumentException.class, () -> new Interval(BigDecimal.ONE, BigDecimal.ZERO));
        assertTrue(new MathContext(20, RoundingMode.FLOOR).equals(A.down()));
    }
}
