package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;

/** The fast paths of {@link ApfloatArithmetic} give exactly the results of apfloat's fixed-precision helper. */
class ApfloatArithmeticTest {

    private static final long SEED = 314159L;
    private static final int CASES = 5_000;
    private static final int N = 4;

    @Test
    void scalarOperationsEqualTheFixedPrecisionHelperExactly() {
        for (int digits : new int[] {30, 50}) {
            ApfloatArithmetic a = ApfloatArithmetic.digits(digits);
            FixedPrecisionApfloatHelper h = a.helper();
            Random r = new Random(SEED + digits);
            for (int t = 0; t < CASES; t++) {
                Apfloat x = random(r, a);
                Apfloat y = random(r, a);
                Apfloat s = t % 3 == 0 ? a.negate(a.mul(x, y)) : random(r, a); // cancellation every third case
                assertIdentical(h.multiply(x, y), a.mul(x, y));
                assertIdentical(h.add(s, h.multiply(x, y)), a.add(s, a.mul(x, y)));
                assertIdentical(h.subtract(s, x), a.sub(s, x));
                assertIdentical(h.add(a.zero(), x), a.add(a.zero(), x));
            }
        }
    }

    @Test
    void matrixOperationsEqualTheFixedPrecisionHelperEntryByEntry() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        FixedPrecisionApfloatHelper h = a.helper();
        Random r = new Random(SEED);
        for (int t = 0; t < 200; t++) {
            ApMatrix x = randomMatrix(r, a);
            ApMatrix y = randomMatrix(r, a);
            Apfloat s = random(r, a);
            ApMatrix prod = a.mult(x, y);
            ApMatrix upd = a.addScaled(x, s, y);
            ApMatrix diff = a.minus(x, y);
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    Apfloat expected = h.multiply(x.get(i, 0), y.get(0, j));
                    for (int k = 1; k < N; k++) {
                        expected = h.add(expected, h.multiply(x.get(i, k), y.get(k, j)));
                    }
                    assertIdentical(expected, prod.get(i, j));
                    assertIdentical(h.add(x.get(i, j), h.multiply(s, y.get(i, j))), upd.get(i, j));
                    assertIdentical(h.subtract(x.get(i, j), y.get(i, j)), diff.get(i, j));
                }
            }
        }
    }

    /** A working-precision number with 60 random digits before rounding and a random exponent in [-10, 10). */
    private static Apfloat random(Random r, ApfloatArithmetic a) {
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "-" : "");
        sb.append(1 + r.nextInt(9)).append('.');
        for (int i = 0; i < 60; i++) {
            sb.append(r.nextInt(10));
        }
        return a.parse(sb.append('e').append(r.nextInt(20) - 10).toString());
    }

    private static ApMatrix randomMatrix(Random r, ApfloatArithmetic a) {
        ApMatrix m = a.zeros(N, N);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a.set(m, i, j, random(r, a));
            }
        }
        return m;
    }

    private static void assertIdentical(Apfloat expected, Apfloat actual) {
        assertEquals(0, expected.compareTo(actual), () -> expected + " vs " + actual);
        assertEquals(expected.precision(), actual.precision(), () -> "precision of " + actual);
    }
}
