package gfgd.numeric;

import java.util.Arrays;

/**
 * A dense row-major matrix of object scalars {@code E}: the matrix type of the arithmetics whose
 * scalars are objects of their own ({@link IntervalMatrix}, the tape's traced matrices), created and
 * operated on through an {@link ArrayMatrixArithmetic}.
 *
 * @param <E> scalar type
 */
public abstract class ArrayMatrix<E> {

    final int rows;
    final int cols;
    /** The entries, row-major; the arithmetic owns them (see {@link ArrayMatrixArithmetic#entries}). */
    final E[] data;

    /** Wraps {@code data} (not copied), which holds {@code rows * cols} entries. */
    protected ArrayMatrix(int rows, int cols, E[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public final int rows() {
        return rows;
    }

    public final int cols() {
        return cols;
    }

    /** Entry {@code (i, j)}. */
    public final E get(int i, int j) {
        return data[i * cols + j];
    }

    @Override
    public String toString() {
        return rows + "x" + cols + " " + Arrays.toString(data);
    }
}
