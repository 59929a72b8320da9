package gfgd.objective;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The least-squares optimum over linear predictors of a scalar-output data set,
 * <pre>
 *   f* = min_w 1/(2m) ||w X - y||^2,     w* = y X' (X X')^+   (minimum-norm minimiser),
 * </pre>
 * with the data moments that govern deep linear nets started near zero: {@code b = -y X'/m = grad l(0)}
 * and the spectrum of {@code Sxx = X X'/m}. A deep linear net with scalar output represents exactly the
 * linear predictors (any widths), so {@code f*} is its global minimum. Computed in double with EJML's
 * SVD pseudo-inverse, so rank-deficient data ({@code m <= d_0}, where {@code f* = 0}) are handled.
 *
 * @param w        {@code w*}, the minimum-norm minimiser ({@code d_0} entries)
 * @param fStar    {@code f*}
 * @param bNorm    {@code ||b|| = ||y X'||/m}: the rate at which near-zero nets escape the origin
 * @param sxxMax   {@code lambda_max(Sxx)}
 * @param sxxMinPositive the smallest eigenvalue of {@code Sxx} above {@link #RANK_TOLERANCE} times {@code sxxMax}
 */
public record LeastSquares(double[] w, double fStar, double bNorm, double sxxMax, double sxxMinPositive) {

    /** Eigenvalues of {@code Sxx} below this fraction of the largest are its null space (double rounding ~1e-16). */
    public static final double RANK_TOLERANCE = 1e-10;

    public LeastSquares {
        w = w.clone();
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    /** {@code ||w*||}. */
    public double wNorm() {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * The optimum of {@code data}.
     *
     * @throws IllegalArgumentException if the data have more than one output, naming the count
     */
    public static LeastSquares of(Dataset data) {
        if (data.outputs() != 1) {
            throw new IllegalArgumentException("least squares over linear predictors needs scalar outputs, got "
                    + data.outputs() + " outputs in " + data.name());
        }
        int m = data.samples();
        int d = data.inputs();
        DMatrixRMaj rows = new DMatrixRMaj(m, d, true, data.x());
        DMatrixRMaj y = new DMatrixRMaj(m, 1, true, data.y());
        DMatrixRMaj pinv = new DMatrixRMaj(d, m);
        CommonOps_DDRM.pinv(rows, pinv);
        DMatrixRMaj w = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(pinv, y, w);
        DMatrixRMaj r = new DMatrixRMaj(m, 1);
        CommonOps_DDRM.mult(rows, w, r);
        CommonOps_DDRM.subtractEquals(r, y);
        double fStar = CommonOps_DDRM.dot(r, r) / (2.0 * m);
        DMatrixRMaj b = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.multTransA(rows, y, b);
        double bNorm = Math.sqrt(CommonOps_DDRM.dot(b, b)) / m;
        DMatrixRMaj sxx = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(rows, rows, sxx);
        CommonOps_DDRM.scale(1.0 / m, sxx);
        double[] eig = symmetricEigenvalues(sxx);
        double max = eig[d - 1];
        double minPositive = max;
        for (double l : eig) {
            if (l > RANK_TOLERANCE * max) {
                minPositive = Math.min(minPositive, l);
            }
        }
        return new LeastSquares(w.data, fStar, bNorm, max, minPositive);
    }

    /**
     * The eigenvalues of the symmetric matrix {@code s} in ascending order (EJML's symmetric
     * decomposition; {@code s} is not modified). Objectives depend on the arithmetic only, so this does
     * not go through {@code gfgd.curvature}.
     */
    private static double[] symmetricEigenvalues(DMatrixRMaj s) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s.numRows, false, true);
        if (!eig.decompose(s.copy())) {
            throw new IllegalStateException("symmetric eigen-decomposition of X'X/m failed");
        }
        double[] values = new double[s.numRows];
        for (int i = 0; i < values.length; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        return values;
    }
}
