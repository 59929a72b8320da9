package gfgd.numeric;

/** A dense row-major matrix of {@link Interval}s; created and operated on through an {@link IntervalArithmetic}. */
public final class IntervalMatrix extends ArrayMatrix<Interval> {

    IntervalMatrix(int rows, int cols, Interval[] data) {
        super(rows, cols, data);
    }
}
