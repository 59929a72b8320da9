package gfgd.curvature;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.objective.Objective;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The full spectrum of a symmetric matrix in double: EJML's symmetric eigen-decomposition, with the
 * residual {@code ||H V - V Lambda||_F / ||H||_F} that every eigen-solve carries into the evidence.
 *
 * @param values    the eigenvalues in ascending order
 * @param vectors   the unit eigenvectors as the columns of a {@code d x d} matrix, in the order of {@code values}
 * @param residual  {@code ||H V - V Lambda||_F / max(||H||_F, tiny)}: how well the decomposition reproduces {@code H}
 */
public record DenseSpectrum(double[] values, DMatrixRMaj vectors, double residual) {

    public DenseSpectrum {
        values = values.clone();
        vectors = vectors.copy();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public DMatrixRMaj vectors() {
        return vectors.copy();
    }

    /** The dimension {@code d}. */
    public int dimension() {
        return values.length;
    }

    /** {@code lambda_min}. */
    public double min() {
        return values[0];
    }

    /** {@code lambda_max}. */
    public double max() {
        return values[values.length - 1];
    }

    /** {@code lambda_- = min(lambda_min, 0)}. */
    public double negativePart() {
        return Math.min(values[0], 0.0);
    }

    /** The unit eigenvector of eigenvalue {@code i} (ascending order), a new array. */
    public double[] vector(int i) {
        double[] v = new double[values.length];
        for (int r = 0; r < v.length; r++) {
            v[r] = vectors.get(r, i);
        }
        return v;
    }

    /**
     * The spectrum of the symmetric matrix {@code h} (not modified). Symmetry is enforced by using
     * {@code (h + h')/2}.
     *
     * @throws IllegalArgumentException if {@code h} is not square or has a non-finite entry
     * @throws IllegalStateException    if EJML's decomposition fails
     */
    public static DenseSpectrum of(DMatrixRMaj h) {
        DMatrixRMaj s = symmetrised(h);
        int d = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(s.copy())) {
            throw new IllegalStateException("symmetric eigen-decomposition failed on a " + d + "x" + d + " matrix");
        }
        Integer[] order = new Integer[d];
        double[] raw = new double[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
        double[] values = new double[d];
        DMatrixRMaj vectors = new DMatrixRMaj(d, d);
        for (int c = 0; c < d; c++) {
            values[c] = raw[order[c]];
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            for (int r = 0; r < d; r++) {
                vectors.set(r, c, v.get(r, 0));
            }
        }
        DMatrixRMaj hv = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(s, vectors, hv);
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < d; r++) {
                hv.add(r, c, -values[c] * vectors.get(r, c));
            }
        }
        double norm = NormOps_DDRM.normF(s);
        double residual = NormOps_DDRM.normF(hv) / Math.max(norm, Double.MIN_NORMAL);
        return new DenseSpectrum(values, vectors, residual);
    }

    /**
     * The eigenvalues alone of the symmetric matrix {@code h} (not modified), ascending: EJML's symmetric
     * QR algorithm without eigenvectors (several times faster than {@link #of(DMatrixRMaj)}; no residual).
     *
     * @throws IllegalArgumentException if {@code h} is not square or has a non-finite entry
     * @throws IllegalStateException    if EJML's decomposition fails
     */
    public static double[] valuesOf(DMatrixRMaj h) {
        DMatrixRMaj s = symmetrised(h);
        int d = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(s)) {
            throw new IllegalStateException("symmetric eigenvalue computation failed on a " + d + "x" + d + " matrix");
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        return values;
    }

    /** {@code (h + h')/2}, after checking that {@code h} is square, non-empty and finite. */
    private static DMatrixRMaj symmetrised(DMatrixRMaj h) {
        int d = h.numRows;
        if (h.numCols != d || d < 1) {
            throw new IllegalArgumentException("the matrix must be square and non-empty, got " + h.numRows + "x" + h.numCols);
        }
        for (int i = 0; i < d * d; i++) {
            Checks.finite("matrix entry (" + i / d + ", " + i % d + ")", h.data[i]);
        }
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        CommonOps_DDRM.transpose(h, s);
        CommonOps_DDRM.add(0.5, h, 0.5, s, s);
        return s;
    }

    /** The eigenvalues alone of {@code f}'s dense Hessian at {@code theta}, ascending ({@link #valuesOf}). */
    public static <S, M> double[] valuesOfHessian(Objective<S, M> f, M theta) {
        f.requireParameters(theta);
        int d = f.dimension();
        return valuesOf(new DMatrixRMaj(d, d, true, f.arithmetic().toDoubles(f.hessian(theta))));
    }

    /** The spectrum of the {@code d x d} symmetric matrix stored row-major in {@code rowMajor}. */
    public static DenseSpectrum of(int d, double... rowMajor) {
        Checks.size("row-major entries", rowMajor.length, d * d);
        return of(new DMatrixRMaj(d, d, true, rowMajor));
    }

    /**
     * The spectrum of {@code f}'s dense Hessian at {@code theta}, computed in {@code f}'s arithmetic
     * ({@link Objective#hessian}) and decomposed in double.
     */
    public static <S, M> DenseSpectrum ofHessian(Objective<S, M> f, M theta) {
        f.requireParameters(theta);
        Arithmetic<S, M> a = f.arithmetic();
        int d = f.dimension();
        return of(d, a.toDoubles(f.hessian(theta)));
    }
}
