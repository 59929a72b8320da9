package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.objective.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small objectives written once against {@link Arithmetic}, for the solver tests. */
final class TestObjectives {

    private TestObjectives() {
    }

    /** {@code f = 1/2 x'Ax - b'x}. */
    static <S, M> Objective<S, M> quadratic(Arithmetic<S, M> a, M A, M b) {
        return new Objective<>() {
            @Override
            public Arithmetic<S, M> arithmetic() {
                return a;
            }

            @Override
            public int dimension() {
                return a.rows(A);
            }

            @Override
            public S value(M x) {
                return a.sub(a.mul(a.ratio(1, 2), a.dot(x, a.mult(A, x))), a.dot(b, x));
            }

            @Override
            public M gradient(M x) {
                return a.minus(a.mult(A, x), b);
            }

            @Override
            public M hessianVectorProduct(M x, M v) {
                return a.mult(A, v);
            }

            @Override
            public boolean isPolynomial() {
                return true;
            }
        };
    }

    /**
     * Deep linear net {@code (1/(2m)) ||W_N ... W_1 X - Y||_F^2} with {@code X} inputs x samples, {@code Y}
     * outputs x samples; theta = [W_1, ..., W_N] row-major, W_j is widths[j] x widths[j-1].
     */
    static <S, M> DeepLinearTestNet<S, M> deepLinear(Arithmetic<S, M> a, M X, M Y, int... widths) {
        return new DeepLinearTestNet<>(a, X, Y, widths);
    }

    static final class DeepLinearTestNet<S, M> implements Objective<S, M> {
        final Arithmetic<S, M> a;
        final M x;
        final M y;
        final int[] widths;
        final int dim;

        DeepLinearTestNet(Arithmetic<S, M> a, M x, M y, int[] widths) {
            this.a = a;
            this.x = x;
            this.y = y;
            this.widths = widths.clone();
            int n = 0;
            for (int j = 1; j < widths.length; j++) {
                n += widths[j] * widths[j - 1];
            }
            this.dim = n;
        }

        int depth() {
            return widths.length - 1;
        }

        /** W_j, 1-based. */
        M layer(M theta, int j) {
            int off = 0;
            for (int i = 1; i < j; i++) {
                off += widths[i] * widths[i - 1];
            }
            return a.unpack(theta, off, widths[j], widths[j - 1]);
        }

        private M product(M theta, int from, int to) {
            M p = a.identity(widths[from - 1]);
            for (int j = from; j <= to; j++) {
                p = a.mult(layer(theta, j), p);
            }
            return p;
        }

        private M residual(M theta) {
            return a.minus(a.mult(product(theta, 1, depth()), x), y);
        }

        @Override
        public Arithmetic<S, M> arithmetic() {
            return a;
        }

        @Override
        public int dimension() {
            return dim;
        }

        @Override
        public S value(M theta) {
            M r = residual(theta);
            return a.div(a.dot(r, r), a.of(2L * a.cols(x)));
        }

        @Override
        public M gradient(M theta) {
            int n = depth();
            M e = a.scale(a.ratio(1, a.cols(x)), residual(theta));
            M ex = a.multTransB(e, x);
            List<M> blocks = new ArrayList<>();
            for (int j = 1; j <= n; j++) {
                M left = product(theta, j + 1, n);
                M right = product(theta, 1, j - 1);
                blocks.add(a.multTransB(a.multTransA(left, ex), right));
            }
            return a.concat(blocks);
        }

        @Override
        public M hessianVectorProduct(M theta, M v) {
            throw new UnsupportedOperationException("not needed by the solver tests");
        }

        @Override
        public boolean isPolynomial() {
            return true;
        }
    }

    /** Seeded Gaussian entries scaled by {@code scale}, as exact doubles. */
    static double[] gaussian(long seed, int n, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            v[i] = scale * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return v;
    }

    /** {@code -grad f} augmented with {@code E' = ||grad f||^2}: state [theta; E]. */
    static <S, M> VectorField<S, M> energyAugmented(Objective<S, M> f) {
        Arithmetic<S, M> a = f.arithmetic();
        int d = f.dimension();
        return new VectorField<>() {
            @Override
            public Arithmetic<S, M> arithmetic() {
                return a;
            }

            @Override
            public int dimension() {
                return d + 1;
            }

            @Override
            public M derivative(M state) {
                M theta = a.unpack(state, 0, d, 1);
                M g = f.gradient(theta);
                M out = a.zeros(d + 1, 1);
                a.pack(a.scale(a.of(-1), g), out, 0);
                a.set(out, d, 0, a.dot(g, g));
                return out;
            }
        };
    }
}
