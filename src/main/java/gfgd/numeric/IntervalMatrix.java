package gfgd.numeric;

import java.util.Arrays;

/** A dense row-major matrix of {@link Interval}s; created and operated on through an {@link IntervalArithmetic}. */
public final class IntervalMatrix {

    final int rows;
    final int cols;
    final Interval[] data;

    IntervalMatrix(int rows, int cols, Interval[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Entry {@code (i, j)}. */
    public Interval get(int i, int j) {
        return data[i * cols + j];
    }

    @Override
    public String toString() {
        return rows + "x" + cols + " " + Arrays.toString(data);
    }
}
