package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The interval scalar and matrix on their own: membership, hull, outward conversion to double, printing. */
class IntervalTest {

    private static final IntervalArithmetic A = IntervalArithmetic.digits(20);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Interval iv(String lo, String hi) {
        return new Interval(d(lo), d(hi));
    }

    @Test
    void membershipIncludesTheEndPointsAndNothingOutside() {
        Interval x = iv("-1", "2");
        assertTrue(x.contains(d("-1")));
        assertTrue(x.contains(d("2")));
        assertTrue(x.contains(d("0.5")));
        assertFalse(x.contains(d("-1.000001")));
        assertFalse(x.contains(d("2.000001")));

        assertTrue(x.contains(x), "an interval contains itself");
        assertTrue(x.contains(iv("-1", "0")));
        assertTrue(x.contains(iv("0", "2")));
        assertFalse(x.contains(iv("-1.5", "0")), "sticks out below");
        assertFalse(x.contains(iv("0", "2.5")), "sticks out above");

        assertFalse(x.containsInInterior(x), "the end points are not interior");
        assertFalse(x.containsInInterior(iv("-1", "0")));
        assertFalse(x.containsInInterior(iv("0", "2")));
        assertTrue(x.containsInInterior(iv("-0.999", "1.999")));
        assertFalse(x.containsInInterior(iv("-2", "0")));
    }

    @Test
    void widthMidMagnitudeAndHullAreExact() {
        Interval x = iv("-3", "0.5");
        assertEquals(0, d("3.5").compareTo(x.width()));
        assertEquals(0, d("-1.25").compareTo(x.mid()));
        assertEquals(0, d("3").compareTo(x.mag()));
        assertEquals(0, d("7").compareTo(iv("-2", "7").mag()));
        Interval h = x.hull(iv("1", "4"));
        assertEquals(iv("-3", "4"), h);
        assertEquals(iv("-3", "4"), A.hull(iv("1", "4"), x));
        assertEquals(iv("2", "2"), Interval.point(d("2")));
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> new Interval(null, d("1")));
        assertEquals("interval end points must not be null", nul.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Interval(d("1"), null));
        assertEquals("interval end points cross: [1, 0]",
                assertThrows(IllegalArgumentException.class, () -> iv("1", "0")).getMessage());
    }

    @Test
    void endPointsConvertToDoublesOutward() {
        // 0.1 in binary is 0.1000000000000000055511151231257827..., above 0.1; 0.3 is 0.29999999999999998889..., below
        Interval tenth = iv("0.1", "0.1");
        assertEquals(0.1, tenth.upperDouble());
        assertEquals(Math.nextDown(0.1), tenth.lowerDouble());
        Interval third = iv("0.3", "0.3");
        assertEquals(Math.nextUp(0.3), third.upperDouble());
        assertEquals(0.3, third.lowerDouble());
        // a dyadic end point is a double already: no widening
        Interval exact = iv("-0.375", "0.5");
        assertEquals(-0.375, exact.lowerDouble());
        assertEquals(0.5, exact.upperDouble());
        for (Interval x : new Interval[] {tenth, third, exact, iv("-1e-400", "1e-400")}) {
            assertTrue(new BigDecimal(x.lowerDouble()).compareTo(x.lo()) <= 0, x.toString());
            assertTrue(new BigDecimal(x.upperDouble()).compareTo(x.hi()) >= 0, x.toString());
        }
    }

    @Test
    void anIntervalPrintsSixDigitsOutwardAndItsWidth() {
        assertEquals("[0.123456, 0.234568] (width 0.111111)", iv("0.1234567", "0.2345678").toString());
        assertEquals("[-0.234568, -0.123456] (width 0.111111)", iv("-0.2345678", "-0.1234567").toString());
        assertEquals("[0.5, 0.5]", iv("0.5", "0.5").toString());
    }

    @Test
    void anIntervalMatrixHasItsShapeAndRowMajorEntries() {
        IntervalMatrix m = A.fromStrings(2, 3, "1", "2", "3", "4", "5", "6");
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertEquals(2, A.rows(m));
        assertEquals(3, A.cols(m));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                Interval expected = Interval.point(BigDecimal.valueOf(3L * i + j + 1));
                assertEquals(0, expected.lo().compareTo(m.get(i, j).lo()), "(" + i + ", " + j + ")");
                assertEquals(m.get(i, j), A.get(m, i, j));
            }
        }
        assertEquals("2x1 [[1, 1], [-2.5, 1] (width 3.5)]", matrixOf(iv("1", "1"), iv("-2.5", "1")).toString());
    }

    private static IntervalMatrix matrixOf(Interval... column) {
        IntervalMatrix m = A.zeros(column.length, 1);
        for (int i = 0; i < column.length; i++) {
            A.set(m, i, 0, column[i]);
        }
        return m;
    }
}
