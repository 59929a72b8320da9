package gfgd.numeric;

/**
 * Integer powers of square matrices by exponentiation by squaring:
 * {@code A^k = (A^2)^(k/2) * A^(k mod 2)}, about {@code 2 log2(k)} products, so any {@code k} up to
 * {@code Long.MAX_VALUE} (about 9.2e18) costs at most 126 matrix products.
 *
 * <p>This is what makes gradient descent on a quadratic reachable for step sizes such as
 * {@code 1e-18}: {@code x_k = x* + (I - eta A)^k (x_0 - x*)}.
 */
public final class MatrixPower {

    private MatrixPower() {
    }

    /**
     * {@code A^k} ({@code A^0 = I}), a new matrix; {@code A} is not modified.
     *
     * @param a arithmetic
     * @param A square matrix
     * @param k exponent, {@code k >= 0}
     * @throws IllegalArgumentException if {@code k < 0} or {@code A} is not square, naming the value
     */
    public static <S, M> M power(Arithmetic<S, M> a, M A, long k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        int n = a.rows(A);
        if (a.cols(A) != n) {
            throw new IllegalArgumentException("A must be square, got " + n + "x" + a.cols(A));
        }
        M result = null;
        M base = A;
        long e = k;
        while (e > 0) {
            if ((e & 1L) != 0) {
                result = result == null ? a.copy(base) : a.mult(result, base);
            }
            e >>>= 1;
            if (e > 0) {
                base = a.mult(base, base);
            }
        }
        return result == null ? a.identity(n) : result;
    }
}
