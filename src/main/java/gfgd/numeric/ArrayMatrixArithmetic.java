package gfgd.numeric;

import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * The matrix operations shared by the arithmetics over {@link ArrayMatrix}: the loops over entries
 * are written once here, each entry computed by the arithmetic's own scalar operations ({@link #add},
 * {@link #sub}, {@link #mul}) and each inner product by its {@link #sumOfProducts}, so an interval
 * arithmetic rounds outward and a tracing arithmetic records, with the same matrix code.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public abstract class ArrayMatrixArithmetic<S, M extends ArrayMatrix<S>> implements Arithmetic<S, M> {

    /** A matrix wrapping {@code data} (not copied), row-major, {@code rows * cols} entries. */
    protected abstract M matrix(int rows, int cols, S[] data);

    /** A new array of {@code n} scalars. */
    protected abstract S[] newArray(int n);

    /** {@code sum_k x_k y_k} over arrays of equal length, as this arithmetic computes inner products. */
    protected abstract S sumOfProducts(S[] x, S[] y);

    /** The live entries of {@code m}, row-major (writes change {@code m}). */
    protected static <E> E[] entries(ArrayMatrix<E> m) {
        return m.data;
    }

    /** @throws IllegalArgumentException naming both shapes unless {@code a} and {@code b} have the same */
    protected static void sameShape(ArrayMatrix<?> a, ArrayMatrix<?> b) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("shape mismatch: " + a.rows + "x" + a.cols + " vs " + b.rows + "x" + b.cols);
        }
    }

    @Override
    public M zeros(int rows, int cols) {
        Checks.dimension("rows", rows);
        Checks.dimension("cols", cols);
        S[] d = newArray(rows * cols);
        Arrays.fill(d, zero());
        return matrix(rows, cols, d);
    }

    @Override
    public int rows(M m) {
        return m.rows;
    }

    @Override
    public int cols(M m) {
        return m.cols;
    }

    @Override
    public S get(M m, int i, int j) {
        return m.get(i, j);
    }

    @Override
    public double[] toDoubles(M m) {
        double[] d = new double[m.data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = toDouble(m.data[k]);
        }
        return d;
    }

    @Override
    public M copy(M m) {
        return matrix(m.rows, m.cols, m.data.clone());
    }

    @Override
    public M transpose(M m) {
        S[] d = newArray(m.data.length);
        for (int i = 0; i < m.rows; i++) {
            for (int j = 0; j < m.cols; j++) {
                d[j * m.rows + i] = m.data[i * m.cols + j];
            }
        }
        return matrix(m.cols, m.rows, d);
    }

    @Override
    public M mult(M a, M b) {
        Checks.same("a.cols vs b.rows", a.cols, b.rows);
        S[] d = newArray(a.rows * b.cols);
        S[] x = newArray(a.cols);
        S[] y = newArray(a.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.cols; j++) {
                for (int k = 0; k < a.cols; k++) {
                    x[k] = a.data[i * a.cols + k];
                    y[k] = b.data[k * b.cols + j];
                }
                d[i * b.cols + j] = sumOfProducts(x, y);
            }
        }
        return matrix(a.rows, b.cols, d);
    }

    @Override
    public M multTransA(M a, M b) {
        return mult(transpose(a), b);
    }

    @Override
    public M multTransB(M a, M b) {
        return mult(a, transpose(b));
    }

    @Override
    public M plus(M a, M b) {
        return entrywise(a, b, this::add);
    }

    @Override
    public M minus(M a, M b) {
        return entrywise(a, b, this::sub);
    }

    @Override
    public M scale(S s, M a) {
        S[] d = newArray(a.data.length);
        for (int k = 0; k < d.length; k++) {
            d[k] = mul(s, a.data[k]);
        }
        return matrix(a.rows, a.cols, d);
    }

    @Override
    public M addScaled(M a, S s, M b) {
        return addInPlace(copy(a), s, b);
    }

    @Override
    public M hadamard(M a, M b) {
        return entrywise(a, b, this::mul);
    }

    /** {@code op} applied to each pair of entries of {@code a} and {@code b}, which have the same shape. */
    private M entrywise(M a, M b, BinaryOperator<S> op) {
        sameShape(a, b);
        S[] d = newArray(a.data.length);
        for (int k = 0; k < d.length; k++) {
            d[k] = op.apply(a.data[k], b.data[k]);
        }
        return matrix(a.rows, a.cols, d);
    }

    @Override
    public S dot(M a, M b) {
        sameShape(a, b);
        return sumOfProducts(a.data, b.data);
    }

    @Override
    public M unpack(M vector, int offset, int rows, int cols) {
        Checks.block(offset, rows * cols, vector.data.length);
        return matrix(rows, cols, Arrays.copyOfRange(vector.data, offset, offset + rows * cols));
    }

    @Override
    public void pack(M block, M vector, int offset) {
        Checks.block(offset, block.data.length, vector.data.length);
        System.arraycopy(block.data, 0, vector.data, offset, block.data.length);
    }
}
