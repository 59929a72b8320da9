package gfgd.numeric;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * {@link Arithmetic} in apfloat at a fixed {@link Precision}: every operation goes through one
 * {@link FixedPrecisionApfloatHelper}, so every result is rounded to the working digits
 * ({@code digits + guardDigits}). Constants come from integers, decimal strings, or the exact binary
 * value of a double.
 */
public final class ApfloatArithmetic implements Arithmetic<Apfloat, ApMatrix> {

    private final Precision precision;
    private final long working;
    private final FixedPrecisionApfloatHelper h;
    private final Apfloat zero;

    public ApfloatArithmetic(Precision precision) {
        this.precision = precision;
        this.working = precision.workingDigits();
        this.h = new FixedPrecisionApfloatHelper(working);
        this.zero = new Apfloat(0, working);
    }

    /** An arithmetic with {@code digits} significant digits and default guard digits. */
    public static ApfloatArithmetic digits(int digits) {
        return new ApfloatArithmetic(Precision.digits(digits));
    }

    public Precision precision() {
        return precision;
    }

    /** The helper every operation is routed through (for code that needs apfloat functions not listed here). */
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
        Apfloat[] d = new Apfloat[rows * cols];
        Arrays.fill(d, zero);
        return new ApMatrix(rows, cols, d);
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
        return m.data[i * m.cols + j];
    }

    @Override
    public void set(ApMatrix m, int i, int j, Apfloat value) {
        m.data[i * m.cols + j] = h.valueOf(value);
    }

    @Override
    public ApMatrix fromDoubles(int rows, int cols, double... rowMajor) {
        Checks.size("values", rowMajor.length, rows * cols);
        Apfloat[] d = new Apfloat[rowMajor.length];
        for (int k = 0; k < d.length; k++) {
            Checks.finite("entry " + k, rowMajor[k]);
            d[k] = exact(rowMajor[k]);
        }
        return new ApMatrix(rows, cols, d);
    }

    @Override
    public ApMatrix fromStrings(int rows, int cols, String... rowMajor) {
        Checks.size("values", rowMajor.length, rows * cols);
        Apfloat[] d = new Apfloat[rowMajor.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = parse(rowMajor[k]);
        }
        return new ApMatrix(rows, cols, d);
    }

    @Override
    public double[] toDoubles(ApMatrix m) {
        double[] d = new double[m.data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = m.data[k].doubleValue();
        }
        return d;
    }

    @Override
    public ApMatrix copy(ApMatrix m) {
        return new ApMatrix(m.rows, m.cols, m.data.clone());
    }

    @Override
    public ApMatrix transpose(ApMatrix m) {
        Apfloat[] d = new Apfloat[m.data.length];
        for (int i = 0; i < m.rows; i++) {
            for (int j = 0; j < m.cols; j++) {
                d[j * m.rows + i] = m.data[i * m.cols + j];
            }
        }
        return new ApMatrix(m.cols, m.rows, d);
    }

    @Override
    public ApMatrix mult(ApMatrix a, ApMatrix b) {
        Checks.same("a.cols vs b.rows", a.cols, b.rows);
        Apfloat[] d = new Apfloat[a.rows * b.cols];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.cols; j++) {
                Apfloat s = zero;
                for (int k = 0; k < a.cols; k++) {
                    s = fma(s, a.data[i * a.cols + k], b.data[k * b.cols + j]);
                }
                d[i * b.cols + j] = s;
            }
        }
        return new ApMatrix(a.rows, b.cols, d);
    }

    @Override
    public ApMatrix multTransA(ApMatrix a, ApMatrix b) {
        Checks.same("a.rows vs b.rows", a.rows, b.rows);
        Apfloat[] d = new Apfloat[a.cols * b.cols];
        for (int i = 0; i < a.cols; i++) {
            for (int j = 0; j < b.cols; j++) {
                Apfloat s = zero;
                for (int k = 0; k < a.rows; k++) {
                    s = fma(s, a.data[k * a.cols + i], b.data[k * b.cols + j]);
                }
                d[i * b.cols + j] = s;
            }
        }
        return new ApMatrix(a.cols, b.cols, d);
    }

    @Override
    public ApMatrix multTransB(ApMatrix a, ApMatrix b) {
        Checks.same("a.cols vs b.cols", a.cols, b.cols);
        Apfloat[] d = new Apfloat[a.rows * b.rows];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.rows; j++) {
                Apfloat s = zero;
                for (int k = 0; k < a.cols; k++) {
                    s = fma(s, a.data[i * a.cols + k], b.data[j * b.cols + k]);
                }
                d[i * b.rows + j] = s;
            }
        }
        return new ApMatrix(a.rows, b.rows, d);
    }

    /** {@code s + x*y}, skipping exact zeros (frequent in structured matrices). */
    private Apfloat fma(Apfloat s, Apfloat x, Apfloat y) {
        if (x.signum() == 0 || y.signum() == 0) {
            return s;
        }
        Apfloat p = mulW(x, y);
        return s.signum() == 0 ? p : addW(s, p);
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
        Apfloat[] d = new Apfloat[a.data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = addW(a.data[k], b.data[k]);
        }
        return new ApMatrix(a.rows, a.cols, d);
    }

    @Override
    public ApMatrix minus(ApMatrix a, ApMatrix b) {
        sameShape(a, b);
        Apfloat[] d = new Apfloat[a.data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = subW(a.data[k], b.data[k]);
        }
        return new ApMatrix(a.rows, a.cols, d);
    }

    @Override
    public ApMatrix scale(Apfloat s, ApMatrix a) {
        Apfloat[] d = new Apfloat[a.data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = mulW(s, a.data[k]);
        }
        return new ApMatrix(a.rows, a.cols, d);
    }

    @Override
    public ApMatrix addScaled(ApMatrix a, Apfloat s, ApMatrix b) {
        return addInPlace(copy(a), s, b);
    }

    @Override
    public ApMatrix addInPlace(ApMatrix a, Apfloat s, ApMatrix b) {
        sameShape(a, b);
        for (int k = 0; k < a.data.length; k++) {
            a.data[k] = addW(a.data[k], mulW(s, b.data[k]));
        }
        return a;
    }

    @Override
    public ApMatrix hadamard(ApMatrix a, ApMatrix b) {
        sameShape(a, b);
        Apfloat[] d = new Apfloat[a.data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = mulW(a.data[k], b.data[k]);
        }
        return new ApMatrix(a.rows, a.cols, d);
    }

    @Override
    public Apfloat dot(ApMatrix a, ApMatrix b) {
        sameShape(a, b);
        Apfloat s = zero;
        for (int k = 0; k < a.data.length; k++) {
            s = fma(s, a.data[k], b.data[k]);
        }
        return s;
    }

    @Override
    public ApMatrix unpack(ApMatrix vector, int offset, int rows, int cols) {
        Checks.block(offset, rows * cols, vector.data.length);
        return new ApMatrix(rows, cols, Arrays.copyOfRange(vector.data, offset, offset + rows * cols));
    }

    @Override
    public void pack(ApMatrix block, ApMatrix vector, int offset) {
        Checks.block(offset, block.data.length, vector.data.length);
        System.arraycopy(block.data, 0, vector.data, offset, block.data.length);
    }

    @Override
    public boolean isFinite(ApMatrix m) {
        return true;
    }

    private static void sameShape(ApMatrix a, ApMatrix b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("shape mismatch: " + a.rows + "x" + a.cols
                    + " vs " + b.rows + "x" + b.cols);
        }
    }
}
