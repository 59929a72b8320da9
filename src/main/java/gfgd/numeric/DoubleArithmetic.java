package gfgd.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * {@link Arithmetic} in IEEE double on EJML {@link DMatrixRMaj}. Stateless; use {@link #INSTANCE}.
 */
public final class DoubleArithmetic implements Arithmetic<Double, DMatrixRMaj> {

    /** The only instance. */
    public static final DoubleArithmetic INSTANCE = new DoubleArithmetic();

    private DoubleArithmetic() {
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
        Checks.same("a.cols vs b.rows", a.numCols, b.numRows);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    @Override
    public DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        Checks.same("a.rows vs b.rows", a.numRows, b.numRows);
        DMatrixRMaj c = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, c);
        return c;
    }

    @Override
    public DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        Checks.same("a.cols vs b.cols", a.numCols, b.numCols);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numRows);
        CommonOps_DDRM.multTransB(a, b, c);
        return c;
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

    private static void sameShape(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException("shape mismatch: " + a.numRows + "x" + a.numCols
                    + " vs " + b.numRows + "x" + b.numCols);
        }
    }
}
