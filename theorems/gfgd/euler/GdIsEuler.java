package gfgd.euler;

import gfgd.claims.Series;
import gfgd.dynamics.Euler;
import gfgd.dynamics.GradientDescent;
import gfgd.dynamics.GradientFlow;
import gfgd.dynamics.GridHandler;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.MatrixPower;
import gfgd.objective.Quadratic;

/**
 * The predicate of claim {@code euler} on one instance {@code (f, theta_0, eta, K)}: for
 * {@code k = 0..K}, the GD iterates equal the closed form and each GD step equals the Euler map of the
 * gradient-flow field, up to a relative tolerance.
 *
 * <p>Relative deviation of {@code x} from a reference {@code y}: {@code ||x - y|| / max(||y||, ||theta_0||)}
 * (Euclidean norms), computed in the instance's arithmetic and reported as a double.
 */
public final class GdIsEuler {

    private GdIsEuler() {
    }

    /**
     * What one GD run measured.
     *
     * @param maxVsClosedForm largest relative deviation of {@code theta_k} from the closed form, over the sampled k
     * @param maxVsEulerMap   largest relative deviation of {@code theta_{k+1}} from the Euler map of {@code theta_k}
     * @param closedForm      deviation from the closed form against k (sampled)
     * @param eulerMap        deviation from the Euler map against k = 1..K
     * @param gradientNorm    {@code ||grad f(theta_k)||} against k = 0..K
     */
    public record Deviations(double maxVsClosedForm, double maxVsEulerMap, Series closedForm, Series eulerMap,
            Series gradientNorm) {
    }

    /**
     * Whether the claim holds on this run: both deviations are at most {@code tolerance}.
     */
    public static boolean holds(Deviations d, double tolerance) {
        return d.maxVsClosedForm() <= tolerance && d.maxVsEulerMap() <= tolerance;
    }

    /**
     * {@code T^k [theta_0; 1]} restricted to its first {@code n} entries, with the affine GD map in
     * homogeneous coordinates {@code T = [[I - eta A, eta b], [0, 1]]}, so that
     * {@code T^k = [[(I - eta A)^k, sum_{j<k} (I - eta A)^j eta b], [0, 1]]} and the result is the closed
     * form {@code (I - eta A)^k theta_0 + sum_{j<k} (I - eta A)^j eta b}. {@code T^k} is computed by
     * squaring ({@link MatrixPower}), about {@code 2 log2 k} products. Arguments are not modified.
     */
    public static <S, M> M closedForm(Quadratic<S, M> f, M theta0, S eta, long k) {
        return fromHomogeneous(f.arithmetic(), MatrixPower.power(f.arithmetic(), affineMap(f, eta), k),
                theta0);
    }

    /** {@code T = [[I - eta A, eta b], [0, 1]]}, {@code (n+1) x (n+1)}. */
    static <S, M> M affineMap(Quadratic<S, M> f, S eta) {
        Arithmetic<S, M> a = f.arithmetic();
        int n = f.dimension();
        M step = a.minus(a.identity(n), a.scale(eta, f.matrix()));
        M shift = a.scale(eta, f.linear());
        M t = a.zeros(n + 1, n + 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(t, i, j, a.get(step, i, j));
            }
            a.set(t, i, n, a.get(shift, i, 0));
        }
        a.set(t, n, n, a.one());
        return t;
    }

    private static <S, M> M fromHomogeneous(Arithmetic<S, M> a, M power, M theta0) {
        int n = a.rows(theta0);
        M out = a.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            S s = a.get(power, i, n);
            for (int j = 0; j < n; j++) {
                s = a.add(s, a.mul(a.get(power, i, j), a.get(theta0, j, 0)));
            }
            a.set(out, i, 0, s);
        }
        return out;
    }

    /**
     * Runs GD with step {@code gdEta} for {@code steps} steps from {@code theta0} and measures it against
     * the closed form (every {@code closedFormEvery} steps and at the last) and the Euler map (every
     * step), both with step {@code eta}. With {@code gdEta = eta} the claim says both deviations vanish
     * up to rounding; the negative control passes a perturbed {@code gdEta}. No argument is modified.
     *
     * @throws IllegalArgumentException if {@code steps < 1} or {@code closedFormEvery < 1}
     * @throws IllegalStateException    if GD stops early (a state not finite in the arithmetic)
     */
    public static <S, M> Deviations measure(Quadratic<S, M> f, M theta0, S eta, S gdEta, long steps,
            long closedFormEvery) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (closedFormEvery < 1) {
            throw new IllegalArgumentException("closedFormEvery must be >= 1, got " + closedFormEvery);
        }
        Arithmetic<S, M> a = f.arithmetic();
        Euler<S, M> euler = Euler.of(GradientFlow.of(f), eta);
        M transition = affineMap(f, eta);
        S theta0Squared = a.dot(theta0, theta0);
        int closedSamples = (int) ((steps + closedFormEvery - 1) / closedFormEvery) + 1;
        double[] closedK = new double[closedSamples];
        double[] closedDev = new double[closedSamples];
        double[] eulerK = new double[(int) steps];
        double[] eulerDev = new double[(int) steps];
        double[] gradK = new double[(int) steps + 1];
        double[] gradNorm = new double[(int) steps + 1];
        GridHandler<M> observer = new GridHandler<>() {
            private M previous;
            private M power;
            private long powerK;
            private int c;

            @Override
            public void handleStep(long k, M theta) {
                gradK[(int) k] = k;
                M g = f.gradient(theta);
                gradNorm[(int) k] = Math.sqrt(a.toDouble(a.dot(g, g)));
                if (k > 0) {
                    eulerK[(int) k - 1] = k;
                    eulerDev[(int) k - 1] = relative(a, theta, euler.step(previous), theta0Squared);
                }
                previous = a.copy(theta);
                if (k % closedFormEvery == 0 || k == steps) {
                    // T^k = T^(k - powerK) T^powerK: each sample is a power by squaring of T (log2 steps).
                    power = power == null ? MatrixPower.power(a, transition, k)
                            : a.mult(MatrixPower.power(a, transition, k - powerK), power);
                    powerK = k;
                    closedK[c] = k;
                    closedDev[c++] = relative(a, theta, fromHomogeneous(a, power, theta0), theta0Squared);
                }
            }
        };
        GradientDescent.Result<S, M> r = GradientDescent.of(f, gdEta)
                .withDivergenceFactor(Double.POSITIVE_INFINITY).run(theta0, steps, observer);
        if (!r.completed()) {
            throw new IllegalStateException("GD stopped early: " + r.reason());
        }
        return new Deviations(max(closedDev), max(eulerDev),
                new Series("vs closed form", closedK, closedDev),
                new Series("vs Euler map", eulerK, eulerDev),
                new Series("gradient norm", gradK, gradNorm));
    }

    /**
     * {@code ||x - y|| / max(||y||, ||theta_0||)} as a double ({@code ||x - y||} when both norms are 0):
     * the ratio of squared norms is formed in the arithmetic, its square root in double (no apfloat sqrt).
     */
    private static <S, M> double relative(Arithmetic<S, M> a, M x, M y, S theta0Squared) {
        M diff = a.minus(x, y);
        S num = a.dot(diff, diff);
        if (a.signum(num) == 0) {
            return 0.0;
        }
        S scale = a.dot(y, y);
        if (a.compare(scale, theta0Squared) < 0) {
            scale = theta0Squared;
        }
        return Math.sqrt(a.toDouble(a.signum(scale) == 0 ? num : a.div(num, scale)));
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
