package gfgd.taylor;

/** A dense row-major matrix of {@link Traced} scalars; created and operated on through a {@link TracingArithmetic}. */
public final class TracedMatrix {

    final int rows;
    final int cols;
    final Traced[] data;

    TracedMatrix(int rows, int cols, Traced[] data) {
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
}
