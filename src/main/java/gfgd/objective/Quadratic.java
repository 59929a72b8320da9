package gfgd.objective;

import gfgd.numeric.Arithmetic;

/**
 * The quadratic {@code f(x) = 1/2 x'Ax - b'x} with a symmetric {@code n x n} matrix {@code A}:
 * {@code grad f(x) = Ax - b}, {@code H(x) v = Av}, {@code H = A}.
 *
 * <p>The ground truth that needs no solver: gradient flow is {@code x(t) = x* + exp(-tA)(x0 - x*)}
 * and gradient descent {@code x_k = x* + (I - eta A)^k (x0 - x*)} when {@code Ax* = b}. Immutable;
 * {@code A} and {@code b} are copied at the boundary.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class Quadratic<S, M> implements Objective<S, M> {

    private final Arithmetic<S, M> a;
    private final M matrix;
    private final M linear;
    private final int n;
    private final S half;

    private Quadratic(Arithmetic<S, M> a, M matrix, M linear) {
        this.a = a;
        this.matrix = matrix;
        this.linear = linear;
        this.n = a.rows(matrix);
        this.half = a.ratio(1, 2);
    }

    /**
     * {@code f(x) = 1/2 x'Ax - b'x}. Neither argument is modified (both are copied).
     *
     * @param a arithmetic
     * @param A symmetric {@code n x n} matrix (checked entry by entry, exactly)
     * @param b {@code n x 1} vector
     * @throws IllegalArgumentException if {@code A} is not square or not symmetric (naming the entry),
     *                                  if {@code b} is not an {@code n x 1} vector, or an entry is not finite
     */
    public static <S, M> Quadratic<S, M> of(Arithmetic<S, M> a, M A, M b) {
        int rows = a.rows(A);
        int cols = a.cols(A);
        if (rows != cols) {
            throw new IllegalArgumentException("A must be square, got " + rows + "x" + cols);
        }
        if (a.rows(b) != rows || a.cols(b) != 1) {
            throw new IllegalArgumentException("b must be a " + rows + "x1 vector (A is " + rows + "x" + cols
                    + "), got " + a.rows(b) + "x" + a.cols(b));
        }
        if (!a.isFinite(A)) {
            throw new IllegalArgumentException("A must be finite, got " + firstNonFinite(a, A));
        }
        if (!a.isFinite(b)) {
            throw new IllegalArgumentException("b must be finite, got " + firstNonFinite(a, b));
        }
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < rows; j++) {
                S aij = a.get(A, i, j);
                S aji = a.get(A, j, i);
                if (a.compare(aij, aji) != 0) {
                    throw new IllegalArgumentException("A must be symmetric, but A[" + i + "][" + j + "] = "
                            + a.toString(aij) + " != A[" + j + "][" + i + "] = " + a.toString(aji));
                }
            }
        }
        return new Quadratic<>(a, a.copy(A), a.copy(b));
    }

    /** {@code f(x) = 1/2 x'Ax} (no linear term). See {@link #of(Arithmetic, Object, Object)}. */
    public static <S, M> Quadratic<S, M> of(Arithmetic<S, M> a, M A) {
        return of(a, A, a.zeros(a.rows(A), 1));
    }

    private static <S, M> String firstNonFinite(Arithmetic<S, M> a, M m) {
        double[] d = a.toDoubles(m);
        int cols = a.cols(m);
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                return "entry [" + k / cols + "][" + k % cols + "] = " + d[k];
            }
        }
        return "a non-finite entry";
    }

    /** {@code A} (a copy). */
    public M matrix() {
        return a.copy(matrix);
    }

    /** {@code b} (a copy). */
    public M linear() {
        return a.copy(linear);
    }

    @Override
    public Arithmetic<S, M> arithmetic() {
        return a;
    }

    @Override
    public int dimension() {
        return n;
    }

    /** {@code 1/2 x'Ax - b'x}. */
    @Override
    public S value(M theta) {
        requireParameters(theta);
        M ax = a.mult(matrix, theta);
        return a.sub(a.mul(half, a.dot(theta, ax)), a.dot(linear, theta));
    }

    /** {@code Ax - b}. */
    @Override
    public M gradient(M theta) {
        requireParameters(theta);
        return a.minus(a.mult(matrix, theta), linear);
    }

    /** {@code Av} (independent of {@code theta}). */
    @Override
    public M hessianVectorProduct(M theta, M v) {
        requireParameters(theta);
        if (a.rows(v) != n || a.cols(v) != 1) {
            throw new IllegalArgumentException("v must be a " + n + "x1 vector, got " + a.rows(v) + "x" + a.cols(v));
        }
        return a.mult(matrix, v);
    }

    /** {@code A} (a copy). */
    @Override
    public M hessian(M theta) {
        requireParameters(theta);
        return a.copy(matrix);
    }

    @Override
    public boolean isPolynomial() {
        return true;
    }

    @Override
    public String toString() {
        return "Quadratic(n=" + n + ", " + a.name() + ")";
    }
}
