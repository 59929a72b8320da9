package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.objective.Objective;
import java.util.SplittableRandom;

/** Small objectives written once against {@link Arithmetic}, for the solver tests. */
final class TestObjectives {

    private TestObjectives() {
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

    /** The field {@code theta' = g(theta)} in {@code dimension} dimensions. */
    static <S, M> VectorField<S, M> field(Arithmetic<S, M> a, int dimension, java.util.function.UnaryOperator<M> g) {
        return new VectorField<>() {
            @Override
            public Arithmetic<S, M> arithmetic() {
                return a;
            }

            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public M derivative(M theta) {
                return g.apply(theta);
            }
        };
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
