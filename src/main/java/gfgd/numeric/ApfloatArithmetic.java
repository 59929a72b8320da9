package gfgd.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * {@link Arithmetic} in arbitrary-precision decimal at a fixed {@link Precision}: every result is
 * rounded to the working digits ({@code digits + guardDigits}). Scalar operations go through one apfloat
 * {@link FixedPrecisionApfloatHelper}; matrix operations compute each entry of a result exactly
 * ({@link BigDecimal} products and sums) and round it once, half-even, to the working digits (see
 * {@link ApMatrix}). Constants come from integers, decimal strings, or the exact binary value of a double.
 */
public final class ApfloatArithmetic implements Arithmetic<Apfloat, ApMatrix> {

    private final Precision precision;
    private final long working;
    private final FixedPrecisionApfloatHelper h;
    private final Apfloat zero;
    /** Rounding of matrix entries: the working digits, half-even. */
    private final MathContext mc;
    /** Accumulation of sums of products: three times the working digits, half-even. */
    private final MathContext acc;
    private volatile ScalarCache lastScalar;

    public ApfloatArithmetic(Precision precision) {
        this.precision = precision;
        this.working = precision.workingDigits();
        this.h = new FixedPrecisionApfloatHelper(working);
        this.zero = new Apfloat(0, working);
        this.mc = new MathContext(Math.toIntExact(working), RoundingMode.HALF_EVEN);
        this.acc = new MathContext(Math.toIntExact(3 * working), RoundingMode.HALF_EVEN);
    }

    /** An arithmetic with {@code digits} significant digits and default guard digits. */
    public static ApfloatArithmetic digits(int digits) {
        return new ApfloatArithmetic(Precision.digits(digits));
    }

    public Precision precision() {
        return precision;
    }

    /** The helper scalar operations are routed through (for code that needs apfloat functions not listed here). */
    public FixedPrecisionApfloatHelper helper() {
        return h;
    }

    @Override
    public String name() {
        return "apfloat(" + precision.digits() + "+" + precision.guardDigits() + ")";
    }

    @Override
    public Apfloat of(long n) {
        return n == 0 ? zero : new Apfloat(n, working);
    }

    @Override
    public Apfloat parse(String decimal) {
        try {
            return new Apfloat(decimal.trim(), working);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: '" + decimal + "'", e);
        }
    }

    @Override
    public Apfloat exact(double x) {
        Checks.finite("value", x);
        if (x == 0) {
            return zero;
        }
        return h.valueOf(new Apfloat(new BigDecimal(x)));
    }

    @Override
    public Apfloat add(Apfloat a, Apfloat b) {
        return addW(a, b);
    }

    @Override
    public Apfloat sub(Apfloat a, Apfloat b) {
        return subW(a, b);
    }

    @Override
    public Apfloat mul(Apfloat a, Apfloat b) {
        return mulW(a, b);
    }

    @Override
    public Apfloat div(Apfloat a, Apfloat b) {
        if (b.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return h.divide(a, b);
    }

    @Override
    public Apfloat negate(Apfloat a) {
        return a.negate();
    }

    @Override
    public Apfloat sqrt(Apfloat a) {
        if (a.signum() < 0) {
            throw new ArithmeticException("square root of negative number " + a);
        }
        return a.signum() == 0 ? zero : h.sqrt(a);
    }

    @Override
    public Apfloat abs(Apfloat a) {
        return a.signum() < 0 ? a.negate() : a;
    }

    @Override
    public Apfloat exp(Apfloat a) {
        return h.exp(a);
    }

    @Override
    public Apfloat log(Apfloat a) {
        if (a.signum() <= 0) {
            throw new ArithmeticException("logarithm of non-positive number " + a);
        }
        return h.log(a);
    }

    @Override
    public int signum(Apfloat a) {
        return a.signum();
    }

    @Override
    public int compare(Apfloat a, Apfloat b) {
        return a.compareTo(b);
    }

    @Override
    public double toDouble(Apfloat a) {
        return a.doubleValue();
    }

    @Override
    public String toString(Apfloat a) {
        return a.toString(false);
    }

    @Override
    public double epsilon() {
        return Math.pow(10, -(working - 1));
    }

    @Override
    public ApMatrix zeros(int rows, int cols) {
        Checks.dimension("rows", rows);
        Checks.dimension("cols", cols);
        BigDecimal[] d = new BigDecimal[rows * cols];
        Arrays.fill(d, BigDecimal.ZERO);
        return ApMatrix.ofDecimals(rows, cols, mc, d);
    }

    @Override
    public ApMatrix identity(int n) {
        ApMatrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.setDecimal(i * n + i, BigDecimal.ONE);
        }
        return m;
    }

    @Override
    public int rows(ApMatrix m) {
        return m.rows;
    }

    @Override
    public int cols(ApMatrix m) {
        return m.cols;
    }

    @Override
    public Apfloat get(ApMatrix m, int i, int j) {
        return m.apfloat(index(m, i, j));
    }

    @Override
    public void set(ApMatrix m, int i, int j, Apfloat value) {
        m.setApfloat(index(m, i, j), h.valueOf(value));
    }

    private static int index(ApMatrix m, int i, int j) {
        if (i < 0 || i >= m.rows || j < 0 || j >= m.cols) {
            throw new IndexOutOfBoundsException("entry (" + i + ", " + j + ") outside " + m.rows + "x" + m.cols);
        }
        return i * m.cols + j;
    }

    @Override
    public ApMatrix fromDoubles(int rows, int cols, double... rowMajor) {
        Checks.size("values", rowMajor.length, rows * cols);
        BigDecimal[] d = new BigDecimal[rowMajor.length];
        for (int k = 0; k < d.length; k++) {
            Checks.finite("entry " + k, rowMajor[k]);
            d[k] = rowMajor[k] == 0 ? BigDecimal.ZERO : new BigDecimal(rowMajor[k]).round(mc);
        }
        return ApMatrix.ofDecimals(rows, cols, mc, d);
    }

    @Override
    public ApMatrix fromStrings(int rows, int cols, String... rowMajor) {
        Checks.size("values", rowMajor.length, rows * cols);
        BigDecimal[] d = new BigDecimal[rowMajor.length];
        for (int k = 0; k < d.length; k++) {
            try {
                d[k] = new BigDecimal(rowMajor[k].trim(), mc);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a decimal number: '" + rowMajor[k] + "'", e);
            }
        }
        return ApMatrix.ofDecimals(rows, cols, mc, d);
    }

    @Override
    public double[] toDoubles(ApMatrix m) {
        double[] d = new double[m.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = m.dec[k] != null ? m.dec[k].doubleValue() : m.ap[k].doubleValue();
        }
        return d;
    }

    @Override
    public ApMatrix copy(ApMatrix m) {
        return new ApMatrix(m.rows, m.cols, mc, m.dec.clone(), m.ap.clone());
    }

    @Override
    public ApMatrix transpose(ApMatrix m) {
        ApMatrix t = new ApMatrix(m.cols, m.rows, mc, new BigDecimal[m.size()], new Apfloat[m.size()]);
        for (int i = 0; i < m.rows; i++) {
            for (int j = 0; j < m.cols; j++) {
                t.copyEntry(m, i * m.cols + j, j * m.rows + i);
            }
        }
        return t;
    }

    // Matrix products and sums work on the decimal form of the entries: products are exact, sums are
    // accumulated at three times the working digits (exact unless the terms differ by more than about
    // twice the working digits in magnitude), and each entry of a result is rounded once, half-even, to
    // the working digits. This is at least as accurate as rounding after every operation and several
    // times faster than apfloat's per-operation objects for numbers of a few dozen digits. An entry whose
    // decimal exponent leaves BigDecimal's range (|exponent| > ~2.1e9, e.g. in high matrix powers) is
    // computed with the apfloat kernels instead, operation by operation.

    @Override
    public ApMatrix mult(ApMatrix a, ApMatrix b) {
        Checks.same("a.cols vs b.rows", a.cols, b.rows);
        ApMatrix out = ApMatrix.empty(a.rows, b.cols, mc);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.cols; j++) {
                dotInto(out, i * b.cols + j, a, i * a.cols, 1, b, j, b.cols, a.cols);
            }
        }
        return out;
    }

    @Override
    public ApMatrix multTransA(ApMatrix a, ApMatrix b) {
        Checks.same("a.rows vs b.rows", a.rows, b.rows);
        ApMatrix out = ApMatrix.empty(a.cols, b.cols, mc);
        for (int i = 0; i < a.cols; i++) {
            for (int j = 0; j < b.cols; j++) {
                dotInto(out, i * b.cols + j, a, i, a.cols, b, j, b.cols, a.rows);
            }
        }
        return out;
    }

    @Override
    public ApMatrix multTransB(ApMatrix a, ApMatrix b) {
        Checks.same("a.cols vs b.cols", a.cols, b.cols);
        ApMatrix out = ApMatrix.empty(a.rows, b.rows, mc);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.rows; j++) {
                dotInto(out, i * b.rows + j, a, i * a.cols, 1, b, j * b.cols, 1, a.cols);
            }
        }
        return out;
    }

    /** Sets entry {@code idx} of {@code out} to the dot product below, in decimal form if it is in range. */
    private void dotInto(ApMatrix out, int idx, ApMatrix a, int aOff, int aStride, ApMatrix b, int bOff,
                         int bStride, int n) {
        try {
            out.setDecimal(idx, dotDecimal(a, aOff, aStride, b, bOff, bStride, n));
        } catch (ArithmeticException | NumberFormatException outOfRange) {
            out.setApfloat(idx, dotApfloat(a, aOff, aStride, b, bOff, bStride, n));
        }
    }

    /**
     * {@code sum_k a[aOff + k aStride] * b[bOff + k bStride]} for {@code k < n}: exact products,
     * accumulated at {@link #acc}, rounded once to the working digits; exact zeros are skipped.
     *
     * @throws ArithmeticException   if a product leaves BigDecimal's exponent range
     * @throws NumberFormatException if an entry's exponent is outside BigDecimal's range
     */
    private BigDecimal dotDecimal(ApMatrix a, int aOff, int aStride, ApMatrix b, int bOff, int bStride, int n) {
        BigDecimal s = null;
        for (int k = 0; k < n; k++) {
            BigDecimal x = a.decimal(aOff + k * aStride);
            if (x.signum() == 0) {
                continue;
            }
            BigDecimal y = b.decimal(bOff + k * bStride);
            if (y.signum() == 0) {
                continue;
            }
            BigDecimal p = x.multiply(y);
            s = s == null ? p : s.add(p, acc);
        }
        return s == null ? BigDecimal.ZERO : s.round(mc);
    }

    /** The same dot product with apfloat, rounded to the working digits after every operation. */
    private Apfloat dotApfloat(ApMatrix a, int aOff, int aStride, ApMatrix b, int bOff, int bStride, int n) {
        Apfloat s = zero;
        for (int k = 0; k < n; k++) {
            Apfloat x = a.apfloat(aOff + k * aStride);
            Apfloat y = b.apfloat(bOff + k * bStride);
            if (x.signum() != 0 && y.signum() != 0) {
                Apfloat p = mulW(x, y);
                s = s.signum() == 0 ? p : addW(s, p);
            }
        }
        return s;
    }

    // The three kernels below compute exactly what FixedPrecisionApfloatHelper computes
    // (operands set to the working precision, operation, result set to the working precision), but
    // skip the re-rounding of operands that already carry exactly the working precision, which every
    // non-zero value this arithmetic creates does: apfloat's product of two such numbers already has
    // the working precision. ApfloatArithmeticTest checks the results are identical to the helper's.

    /** {@code x * y} rounded to the working digits (same result as {@code h.multiply}). */
    private Apfloat mulW(Apfloat x, Apfloat y) {
        if (x.precision() == working && y.precision() == working) {
            return x.multiply(y);
        }
        return h.multiply(x, y);
    }

    /** {@code x + y} rounded to the working digits (same result as {@code h.add}). */
    private Apfloat addW(Apfloat x, Apfloat y) {
        if (x.precision() == working && y.precision() == working) {
            Apfloat r = x.add(y);
            return r.precision() == working ? r : r.precision(working);
        }
        return h.add(x, y);
    }

    /** {@code x - y} rounded to the working digits (same result as {@code h.subtract}). */
    private Apfloat subW(Apfloat x, Apfloat y) {
        if (x.precision() == working && y.precision() == working) {
            Apfloat r = x.subtract(y);
            return r.precision() == working ? r : r.precision(working);
        }
        return h.subtract(x, y);
    }

    @Override
    public ApMatrix plus(ApMatrix a, ApMatrix b) {
        sameShape(a, b);
        ApMatrix out = ApMatrix.empty(a.rows, a.cols, mc);
        for (int k = 0; k < a.size(); k++) {
            try {
                out.setDecimal(k, a.decimal(k).add(b.decimal(k), mc));
            } catch (ArithmeticException | NumberFormatException outOfRange) {
                out.setApfloat(k, addW(a.apfloat(k), b.apfloat(k)));
            }
        }
        return out;
    }

    @Override
    public ApMatrix minus(ApMatrix a, ApMatrix b) {
        sameShape(a, b);
        ApMatrix out = ApMatrix.empty(a.rows, a.cols, mc);
        for (int k = 0; k < a.size(); k++) {
            try {
                out.setDecimal(k, a.decimal(k).subtract(b.decimal(k), mc));
            } catch (ArithmeticException | NumberFormatException outOfRange) {
                out.setApfloat(k, subW(a.apfloat(k), b.apfloat(k)));
            }
        }
        return out;
    }

    @Override
    public ApMatrix scale(Apfloat s, ApMatrix a) {
        ApMatrix out = ApMatrix.empty(a.rows, a.cols, mc);
        for (int k = 0; k < a.size(); k++) {
            try {
                out.setDecimal(k, a.decimal(k).multiply(decimal(s), mc));
            } catch (ArithmeticException | NumberFormatException outOfRange) {
                out.setApfloat(k, a.apfloat(k).signum() == 0 ? zero : mulW(s, a.apfloat(k)));
            }
        }
        return out;
    }

    @Override
    public ApMatrix addScaled(ApMatrix a, Apfloat s, ApMatrix b) {
        return addInPlace(copy(a), s, b);
    }

    /** {@code a <- a + s b}, each entry {@code a_k + s b_k} computed exactly and rounded once. */
    @Override
    public ApMatrix addInPlace(ApMatrix a, Apfloat s, ApMatrix b) {
        sameShape(a, b);
        if (s.signum() == 0) {
            return a;
        }
        for (int k = 0; k < a.size(); k++) {
            try {
                BigDecimal y = b.decimal(k);
                if (y.signum() != 0) {
                    a.setDecimal(k, a.decimal(k).add(decimal(s).multiply(y), mc));
                }
            } catch (ArithmeticException | NumberFormatException outOfRange) {
                Apfloat y = b.apfloat(k);
                if (y.signum() != 0) {
                    Apfloat x = a.apfloat(k);
                    Apfloat p = mulW(s, y);
                    a.setApfloat(k, x.signum() == 0 ? p : addW(x, p));
                }
            }
        }
        return a;
    }

    @Override
    public ApMatrix hadamard(ApMatrix a, ApMatrix b) {
        sameShape(a, b);
        ApMatrix out = ApMatrix.empty(a.rows, a.cols, mc);
        for (int k = 0; k < a.size(); k++) {
            try {
                out.setDecimal(k, a.decimal(k).multiply(b.decimal(k), mc));
            } catch (ArithmeticException | NumberFormatException outOfRange) {
                Apfloat x = a.apfloat(k);
                Apfloat y = b.apfloat(k);
                out.setApfloat(k, x.signum() == 0 || y.signum() == 0 ? zero : mulW(x, y));
            }
        }
        return out;
    }

    /** {@code sum_ij a_ij b_ij}, exact products accumulated as in {@link #mult}, rounded once. */
    @Override
    public Apfloat dot(ApMatrix a, ApMatrix b) {
        sameShape(a, b);
        try {
            return ApMatrix.toApfloat(dotDecimal(a, 0, 1, b, 0, 1, a.size()), working);
        } catch (ArithmeticException | NumberFormatException outOfRange) {
            return dotApfloat(a, 0, 1, b, 0, 1, a.size());
        }
    }

    @Override
    public ApMatrix unpack(ApMatrix vector, int offset, int rows, int cols) {
        Checks.block(offset, rows * cols, vector.size());
        return new ApMatrix(rows, cols, mc, Arrays.copyOfRange(vector.dec, offset, offset + rows * cols),
                Arrays.copyOfRange(vector.ap, offset, offset + rows * cols));
    }

    @Override
    public void pack(ApMatrix block, ApMatrix vector, int offset) {
        Checks.block(offset, block.size(), vector.size());
        System.arraycopy(block.dec, 0, vector.dec, offset, block.size());
        System.arraycopy(block.ap, 0, vector.ap, offset, block.size());
    }

    @Override
    public boolean isFinite(ApMatrix m) {
        return true;
    }

    /** The decimal form of a scalar, rounded to the working digits (the last conversion is cached). */
    private BigDecimal decimal(Apfloat s) {
        ScalarCache c = lastScalar;
        if (c != null && c.key() == s) {
            return c.value();
        }
        BigDecimal v = ApMatrix.toDecimal(s, mc);
        lastScalar = new ScalarCache(s, v);
        return v;
    }

    private record ScalarCache(Apfloat key, BigDecimal value) {
    }

    private static void sameShape(ApMatrix a, ApMatrix b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("shape mismatch: " + a.rows + "x" + a.cols
                    + " vs " + b.rows + "x" + b.cols);
        }
    }
}
