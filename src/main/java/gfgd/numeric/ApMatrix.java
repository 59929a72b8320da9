package gfgd.numeric;

import org.apfloat.Apfloat;

/**
 * A dense row-major matrix of {@link Apfloat}. Created and operated on through {@link ApfloatArithmetic};
 * the entry array is owned by the matrix.
 */
public final class ApMatrix {

    final int rows;
    final int cols;
    final Apfloat[] data;

    ApMatrix(int rows, int cols, Apfloat[] data) {
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

    /** Entry (i, j). */
    public Apfloat get(int i, int j) {
        return data[i * cols + j];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ApMatrix ").append(rows).append('x').append(cols).append(" [");
        for (int k = 0; k < data.length; k++) {
            sb.append(k == 0 ? "" : (k % cols == 0 ? "; " : ", ")).append(data[k].toString(true));
        }
        return sb.append(']').toString();
    }
}
