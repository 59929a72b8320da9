package gfgd.numeric;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * {@link Arithmetic} in IEEE double on EJML {@link DMatrixRMaj}. Stateless apart from the BLAS it
 * multiplies with; use {@link #INSTANCE}.
 *
 * <p>Matrix products ({@link #mult}, {@link #multTransA}, {@link #multTransB}) call {@code dgemm} of
 * the netlib-java BLAS chosen by {@link Blas}: by default the OpenBLAS bundled in the jar (JavaCPP's
 * {@code org.bytedeco:openblas}), else the system BLAS ({@code libblas.so.3}, e.g. Debian's
 * {@code libopenblas0}), else pure Java; the system property {@value Blas#PROPERTY} changes the order
 * and {@link #blasDescription()} says which one runs. The data are row-major and BLAS is
 * column-major, so each product is computed transposed: {@code C' = B' A'}. Only the summation order
 * differs between BLAS implementations (results agree to rounding).
 *
 * <p>OpenBLAS reads {@code OPENBLAS_NUM_THREADS} and {@code OPENBLAS_CORETYPE} from the environment.
 * On an AVX-512 CPU, forcing {@code OPENBLAS_CORETYPE=Haswell} (AVX2 kernels) makes the
 * {@code gd-mlp} workload about 1.3 times slower than OpenBLAS's own choice (Cooperlake or SkylakeX).
 */
public final class DoubleArithmetic implements Arithmetic<Double, DMatrixRMaj> {

    /** The shared instance, multiplying with the BLAS chosen by {@link Blas#instance()}. */
    public static final DoubleArithmetic INSTANCE = new DoubleArithmetic(Blas.instance());

    private final BLAS blas;

    private DoubleArithmetic(BLAS blas) {
        this.blas = blas;
    }

    /**
     * An arithmetic multiplying with the given BLAS (e.g. {@code dev.ludovic.netlib.blas.JavaBLAS} to
     * compare the pure-Java fallback with the native library).
     */
    public static DoubleArithmetic withBlas(BLAS blas) {
        return new DoubleArithmetic(Objects.requireNonNull(blas, "blas"));
    }

    /** The BLAS implementation in use (its class name says whether it is native or Java). */
    public BLAS blas() {
        return blas;
    }

    /**
     * Which BLAS this arithmetic multiplies with: {@link Blas#description()} for the chosen one (e.g.
     * {@code "bundled OpenBLAS 0.3.31 from JavaCPP, 1 thread"}), else the class name.
     */
    public String blasDescription() {
        return blas == Blas.instance() ? Blas.description() : blas.getClass().getSimpleName();
    }

    @Override
    public String name() {
        return "double";
    }

    @Override
    public Double of(long n) {
        return (double) n;
    }

    @Override
    public Double parse(String decimal) {
        try {
            return Double.parseDouble(decimal.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: '" + decimal + "'", e);
        }
    }

    @Override
    public Double exact(double x) {
        Checks.finite("value", x);
        return x;
    }

    @Override
    public Double add(Double a, Double b) {
        return a + b;
    }

    @Override
    public Double sub(Double a, Double b) {
        return a - b;
    }

    @Override
    public Double mul(Double a, Double b) {
        return a * b;
    }

    @Override
    public Double div(Double a, Double b) {
        if (b == 0.0) {
            throw new ArithmeticException("division by zero");
        }
        return a / b;
    }

    @Override
    public Double negate(Double a) {
        return -a;
    }

    @Override
    public Double sqrt(Double a) {
        if (a < 0) {
            throw new ArithmeticException("square root of negative number " + a);
        }
        return Math.sqrt(a);
    }

    @Override
    public Double abs(Double a) {
        return Math.abs(a);
    }

    @Override
    public Double exp(Double a) {
        return Math.exp(a);
    }

    @Override
    public Double log(Double a) {
        if (!(a > 0)) {
            throw new ArithmeticException("logarithm of non-positive number " + a);
        }
        return Math.log(a);
    }

    @Override
    public int signum(Double a) {
        return (int) Math.signum(a);
    }

    @Override
    public int compare(Double a, Double b) {
        return Double.compare(a, b);
    }

    @Override
    public double toDouble(Double a) {
        return a;
    }

    @Override
    public String toString(Double a) {
        return Double.toString(a);
    }

    @Override
    public double epsilon() {
        return Math.ulp(1.0) / 2;
    }

    @Override
    public DMatrixRMaj zeros(int rows, int cols) {
        Checks.dimension("rows", rows);
        Checks.dimension("cols", cols);
        return new DMatrixRMaj(rows, cols);
    }

    @Override
    public int rows(DMatrixRMaj m) {
        return m.numRows;
    }

    @Override
    public int cols(DMatrixRMaj m) {
        return m.numCols;
    }

    @Override
    public Double get(DMatrixRMaj m, int i, int j) {
        return m.get(i, j);
    }

    @Override
    public void set(DMatrixRMaj m, int i, int j, Double value) {
        m.set(i, j, value);
    }

    @Override
    public DMatrixRMaj fromDoubles(int rows, int cols, double... rowMajor) {
        Checks.size("values", rowMajor.length, rows * cols);
        for (int k = 0; k < rowMajor.length; k++) {
            Checks.finite("entry " + k, rowMajor[k]);
        }
        return new DMatrixRMaj(rows, cols, true, rowMajor.clone());
    }

    @Override
    public DMatrixRMaj fromStrings(int rows, int cols, String... rowMajor) {
        Checks.size("values", rowMajor.length, rows * cols);
        double[] d = new double[rowMajor.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = parse(rowMajor[k]);
            Checks.finite("entry " + k, d[k]);
        }
        return new DMatrixRMaj(rows, cols, true, d);
    }

    @Override
    public double[] toDoubles(DMatrixRMaj m) {
        return java.util.Arrays.copyOf(m.data, m.getNumElements());
    }

    @Override
    public DMatrixRMaj copy(DMatrixRMaj m) {
        return m.copy();
    }

    @Override
    public DMatrixRMaj transpose(DMatrixRMaj m) {
        return CommonOps_DDRM.transpose(m, null);
    }

    @Override
    public DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        return multInto(a, b, new DMatrixRMaj(a.numRows, b.numCols));
    }

    @Override
    public DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        return multTransAInto(a, b, new DMatrixRMaj(a.numCols, b.numCols));
    }

    @Override
    public DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        return multTransBInto(a, b, new DMatrixRMaj(a.numRows, b.numRows));
    }

    @Override
    public DMatrixRMaj multInto(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        Checks.same("a.cols vs b.rows", a.numCols, b.numRows);
        int m = a.numRows;
        int n = b.numCols;
        int k = a.numCols;
        requireShape(out, m, n);
        // column-major: C' (n x m) = B' (n x k) * A' (k x m)
        blas.dgemm("N", "N", n, m, k, 1.0, b.data, n, a.data, k, 0.0, out.data, n);
        return out;
    }

    @Override
    public DMatrixRMaj multTransAInto(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        Checks.same("a.rows vs b.rows", a.numRows, b.numRows);
        int m = a.numCols;
        int n = b.numCols;
        int k = a.numRows;
        requireShape(out, m, n);
        // column-major: C' (n x m) = B' (n x k) * A (k x m), A stored as A' (m x k)
        blas.dgemm("N", "T", n, m, k, 1.0, b.data, n, a.data, m, 0.0, out.data, n);
        return out;
    }

    @Override
    public DMatrixRMaj multTransBInto(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        Checks.same("a.cols vs b.cols", a.numCols, b.numCols);
        int m = a.numRows;
        int n = b.numRows;
        int k = a.numCols;
        requireShape(out, m, n);
        // column-major: C' (n x m) = B (n x k) * A' (k x m), B stored as B' (k x n)
        blas.dgemm("T", "N", n, m, k, 1.0, b.data, k, a.data, k, 0.0, out.data, n);
        return out;
    }

    @Override
    public DMatrixRMaj plus(DMatrixRMaj a, DMatrixRMaj b) {
        sameShape(a, b);
        return CommonOps_DDRM.add(a, b, null);
    }

    @Override
    public DMatrixRMaj minus(DMatrixRMaj a, DMatrixRMaj b) {
        sameShape(a, b);
        return CommonOps_DDRM.subtract(a, b, null);
    }

    @Override
    public DMatrixRMaj scale(Double s, DMatrixRMaj a) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.scale(s, a, c);
        return c;
    }

    @Override
    public DMatrixRMaj scaleInto(Double s, DMatrixRMaj m, DMatrixRMaj out) {
        requireShape(out, m.numRows, m.numCols);
        CommonOps_DDRM.scale(s, m, out);
        return out;
    }

    @Override
    public DMatrixRMaj unpackInto(DMatrixRMaj vector, int offset, DMatrixRMaj out) {
        int n = out.getNumElements();
        Checks.block(offset, n, vector.getNumElements());
        System.arraycopy(vector.data, offset, out.data, 0, n);
        return out;
    }

    @Override
    public DMatrixRMaj addScaled(DMatrixRMaj a, Double s, DMatrixRMaj b) {
        return addInPlace(a.copy(), s, b);
    }

    @Override
    public DMatrixRMaj addInPlace(DMatrixRMaj a, Double s, DMatrixRMaj b) {
        sameShape(a, b);
        CommonOps_DDRM.addEquals(a, s, b);
        return a;
    }

    @Override
    public DMatrixRMaj hadamard(DMatrixRMaj a, DMatrixRMaj b) {
        sameShape(a, b);
        return CommonOps_DDRM.elementMult(a, b, null);
    }

    @Override
    public Double dot(DMatrixRMaj a, DMatrixRMaj b) {
        sameShape(a, b);
        double s = 0;
        int n = a.getNumElements();
        for (int k = 0; k < n; k++) {
            s += a.data[k] * b.data[k];
        }
        return s;
    }

    @Override
    public Double norm(DMatrixRMaj a) {
        return NormOps_DDRM.normF(a);
    }

    @Override
    public DMatrixRMaj unpack(DMatrixRMaj vector, int offset, int rows, int cols) {
        Checks.block(offset, rows * cols, vector.getNumElements());
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(vector.data, offset, m.data, 0, rows * cols);
        return m;
    }

    @Override
    public void pack(DMatrixRMaj block, DMatrixRMaj vector, int offset) {
        int n = block.getNumElements();
        Checks.block(offset, n, vector.getNumElements());
        System.arraycopy(block.data, 0, vector.data, offset, n);
    }

    @Override
    public boolean isFinite(DMatrixRMaj m) {
        int n = m.getNumElements();
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(m.data[k])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public DMatrixRMaj scaleBySign(DMatrixRMaj m, DMatrixRMaj z, Double positive, Double otherwise) {
        return scaleBySignInto(m, z, positive, otherwise, new DMatrixRMaj(z.numRows, z.numCols));
    }

    @Override
    public DMatrixRMaj scaleBySignInto(DMatrixRMaj m, DMatrixRMaj z, Double positive, Double otherwise,
                                       DMatrixRMaj out) {
        sameShape(m, z);
        requireShape(out, z.numRows, z.numCols);
        long pBits = Double.doubleToRawLongBits(positive);
        long oBits = Double.doubleToRawLongBits(otherwise);
        long diff = pBits ^ oBits;
        double[] md = m.data;
        double[] zd = z.data;
        double[] rd = out.data;
        int n = z.getNumElements();
        for (int k = 0; k < n; k++) {
            // branch-free (the signs of z are unpredictable): the raw bits of z, as a signed long, are
            // >= 1 exactly when z > 0 (or z is a positive NaN); the slope's bits are then selected exactly
            long zb = Double.doubleToRawLongBits(zd[k]);
            long positiveMask = ~((zb - 1) | zb) >> 63;
            rd[k] = md[k] * Double.longBitsToDouble(oBits ^ (diff & positiveMask));
        }
        return out;
    }

    @Override
    public DMatrixRMaj multPlusRow(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj row) {
        return multPlusRowInto(a, b, row, new DMatrixRMaj(a.numRows, b.numCols));
    }

    @Override
    public DMatrixRMaj multPlusRowInto(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj row, DMatrixRMaj out) {
        Checks.same("a.cols vs b.rows", a.numCols, b.numRows);
        int m = a.numRows;
        int n = b.numCols;
        int k = a.numCols;
        Checks.size("row", row.getNumElements(), n);
        requireShape(out, m, n);
        for (int i = 0; i < m; i++) {
            System.arraycopy(row.data, 0, out.data, i * n, n);
        }
        blas.dgemm("N", "N", n, m, k, 1.0, b.data, n, a.data, k, 1.0, out.data, n);
        return out;
    }

    @Override
    public DMatrixRMaj columnSums(DMatrixRMaj m) {
        int r = m.numRows;
        int c = m.numCols;
        DMatrixRMaj s = new DMatrixRMaj(c, 1);
        double[] sd = s.data;
        double[] md = m.data;
        int i = 0;
        // four rows per sweep of the sums (a quarter of the loads and stores of them); each sum still adds
        // its column's entries one at a time from the first row to the last, so the rounding is unchanged
        for (; i + 4 <= r; i += 4) {
            int o0 = i * c;
            int o1 = o0 + c;
            int o2 = o1 + c;
            int o3 = o2 + c;
            for (int j = 0; j < c; j++) {
                sd[j] = (((sd[j] + md[o0 + j]) + md[o1 + j]) + md[o2 + j]) + md[o3 + j];
            }
        }
        for (; i < r; i++) {
            int off = i * c;
            for (int j = 0; j < c; j++) {
                sd[j] += md[off + j];
            }
        }
        return s;
    }

    @Override
    public DMatrixRMaj softmaxCrossEntropyGradientInto(DMatrixRMaj f, DMatrixRMaj y, Double s, DMatrixRMaj out) {
        sameShape(f, y);
        requireShape(out, f.numRows, f.numCols);
        int n = f.numRows;
        int c = f.numCols;
        double scale = s;
        double[] fd = f.data;
        double[] yd = y.data;
        double[] od = out.data;
        for (int i = 0; i < n; i++) {
            int off = i * c;
            double max = fd[off];
            for (int j = 1; j < c; j++) {
                max = Math.max(max, fd[off + j]);
            }
            // the same operations, in the same order, as the interface's default: bit-identical
            double sum = 0;
            for (int j = 0; j < c; j++) {
                double ej = Math.exp(fd[off + j] - max);
                od[off + j] = ej;
                sum += ej;
            }
            double ySum = 0;
            for (int j = 0; j < c; j++) {
                ySum += yd[off + j];
            }
            for (int j = 0; j < c; j++) {
                od[off + j] = scale * (ySum * (od[off + j] / sum) - yd[off + j]);
            }
        }
        return out;
    }

    private static void requireShape(DMatrixRMaj out, int rows, int cols) {
        if (out.numRows != rows || out.numCols != cols) {
            throw new IllegalArgumentException("out must be " + rows + "x" + cols + ", got "
                    + out.numRows + "x" + out.numCols);
        }
    }

    private static void sameShape(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException("shape mismatch: " + a.numRows + "x" + a.numCols
                    + " vs " + b.numRows + "x" + b.numCols);
        }
    }
}
