package gfgd.taylor;

import gfgd.numeric.ArrayMatrix;

/** A dense row-major matrix of {@link Traced} scalars; created and operated on through a {@link TracingArithmetic}. */
public final class TracedMatrix extends ArrayMatrix<Traced> {

    TracedMatrix(int rows, int cols, Traced[] data) {
        super(rows, cols, data);
    }
}
