package gfgd.fig2;

import gfgd.claims.Series;
import gfgd.dynamics.GradientDescent;
import gfgd.dynamics.GridHandler;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.objective.Objective;
import java.util.Arrays;
import java.util.List;

/**
 * The predicate of claim {@code fig2} on one instance {@code (f, theta_0, eta, K, r_1..r_n)}: gradient
 * descent with step {@code eta} and with steps {@code eta / r} from the same {@code theta_0}, compared at
 * equal continuous time {@code t = k eta} (iterate {@code k} of the first, iterate {@code r k} of the
 * others), stays close relative to the distance travelled.
 *
 * <p>Sampling: {@code S} equally spaced times {@code t_j = j (K / S) eta}, {@code j = 1..S} (and
 * {@code t_0 = 0}). With {@code theta(t)} the run at {@code eta} and {@code theta_r(t)} the run at
 * {@code eta / r}:
 * <pre>
 *   ratio_r(t)   = ||theta(t) - theta_r(t)|| / ||theta(t) - theta_0||
 *   lossGap_r(t) = |f(theta(t)) - f(theta_r(t))| / |f(theta_0) - f(theta(t))|
 * </pre>
 * (Euclidean norms; {@code j >= 1}, and a time whose denominator is 0 is skipped). The first-order
 * expansion of GD in its step (Theorem 1, leading order: {@code theta_k - theta(k eta) = eta e(k eta)
 * + O(eta^2)}) gives {@code theta(t) - theta_r(t) = eta (1 - 1/r) e(t) + O(eta^2)}, so
 * {@code ratio_r / (1 - 1/r)} should not depend on {@code r} to first order; {@link #firstOrderFit}
 * measures how far it does.
 *
 * <p>Runs are in {@code f}'s arithmetic through {@link GradientDescent} (in place, matrix-level);
 * samples are kept as doubles.
 */
public final class StepRefinement {

    private StepRefinement() {
    }

    /**
     * One gradient-descent run sampled at {@code samples + 1} equally spaced times.
     *
     * @param step    the step size
     * @param steps   the steps asked for
     * @param times   {@code t_j}, {@code j = 0..samples} (only those reached when the run diverged)
     * @param losses  {@code f(theta(t_j))}
     * @param states  {@code theta(t_j)} as doubles
     * @param status  how the run ended ({@link GradientDescent.Result#reason()})
     * @param completed whether every step was taken
     */
    public record Trajectory(double step, long steps, double[] times, double[] losses, double[][] states,
            String status, boolean completed) {

        /** The number of samples reached, {@code t_0} included. */
        public int size() {
            return times.length;
        }
    }

    /**
     * Runs GD with step {@code eta} for {@code steps} steps from {@code theta0} (not modified), keeping
     * the state and loss at {@code k = 0, steps/samples, 2 steps/samples, ..., steps}. The loss is checked
     * for divergence at those samples (the state's finiteness at every step).
     *
     * @param progress receives {@code (k, steps)} every {@code progressEvery} steps; null for none
     * @throws IllegalArgumentException if {@code samples < 1}, {@code steps} is not a positive multiple of
     *                                  {@code samples}, or {@code eta} is not positive
     */
    public static <S, M> Trajectory sample(Objective<S, M> f, M theta0, double eta, long steps, int samples,
            long progressEvery, GradientDescent.Progress progress) {
        Checks.dimension("samples", samples);
        if (steps < 1 || steps % samples != 0) {
            throw new IllegalArgumentException("steps must be a positive multiple of samples = " + samples
                    + ", got " + steps);
        }
        Arithmetic<S, M> a = f.arithmetic();
        long every = steps / samples;
        double[] times = new double[samples + 1];
        double[] losses = new double[samples + 1];
        double[][] states = new double[samples + 1][];
        int[] count = {0};
        GridHandler<M> keep = new GridHandler<>() {
            @Override
            public void handleStep(long k, M theta) {
                int j = (int) (k / every);
                times[j] = k * eta;
                losses[j] = a.toDouble(f.value(theta));
                states[j] = a.toDoubles(theta);
                count[0] = j + 1;
            }
        };
        GradientDescent<S, M> gd = GradientDescent.of(f, a.exact(eta)).withSampleEvery(every).withCheckEvery(every);
        if (progress != null) {
            gd = gd.withProgress(progressEvery, progress);
        }
        GradientDescent.Result<S, M> r = gd.run(theta0, steps, keep);
        int n = count[0];
        return new Trajectory(eta, steps, Arrays.copyOf(times, n), Arrays.copyOf(losses, n),
                Arrays.copyOf(states, n), r.reason(), r.completed());
    }

    /**
     * The comparison of a run at {@code eta} with runs at {@code eta / r}, over the samples all of them
     * reached.
     *
     * @param ratios            {@code r_1..r_n}
     * @param times             {@code t_j}, {@code j = 0..}
     * @param lossReference     {@code f(theta(t_j))}
     * @param lossRefined       {@code f(theta_r(t_j))}, one row per {@code r}
     * @param distanceFromStart {@code ||theta(t_j) - theta_0||}
     * @param distanceToRefined {@code ||theta(t_j) - theta_r(t_j)||}, one row per {@code r}
     * @param maxRelDistance    {@code max_j ratio_r(t_j)}, per {@code r}
     * @param maxRelLossGap     {@code max_j lossGap_r(t_j)}, per {@code r}
     * @param firstOrderFit     {@link #firstOrderFit} of {@code maxRelDistance}
     */
    public record Comparison(int[] ratios, double[] times, double[] lossReference, double[][] lossRefined,
            double[] distanceFromStart, double[][] distanceToRefined, double[] maxRelDistance,
            double[] maxRelLossGap, double firstOrderFit) {

        /** {@code max_r maxRelDistance_r}. */
        public double worstRelDistance() {
            return Arrays.stream(maxRelDistance).max().orElseThrow();
        }

        /** {@code ratio_r(t_j)} for {@code j >= 1} as a series against {@code t} (the {@code r}-th row). */
        public Series relativeDistance(int index, String name) {
            int n = times.length - 1;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int j = 1; j <= n; j++) {
                x[j - 1] = times[j];
                y[j - 1] = distanceFromStart[j] == 0 ? 0 : distanceToRefined[index][j] / distanceFromStart[j];
            }
            return new Series(name, x, y);
        }
    }

    /**
     * Compares {@code reference} (step {@code eta}) with {@code refined} (steps {@code eta / r_i}, same
     * start, {@code r_i K} steps, sampled at the same times).
     *
     * @throws IllegalArgumentException if the counts differ, a ratio is below 2, a refined run's step or
     *                                  sample times do not match, or fewer than two samples were reached
     */
    public static Comparison compare(Trajectory reference, List<Trajectory> refined, int[] ratios) {
        Checks.size("refined runs", refined.size(), ratios.length);
        int n = reference.size();
        for (int i = 0; i < ratios.length; i++) {
            if (ratios[i] < 2) {
                throw new IllegalArgumentException("ratios[" + i + "] must be >= 2, got " + ratios[i]);
            }
            Trajectory t = refined.get(i);
            double expected = reference.step() / ratios[i];
            if (Math.abs(t.step() - expected) > 1e-12 * expected || t.steps() != ratios[i] * reference.steps()) {
                throw new IllegalArgumentException("refined run " + i + " must take " + ratios[i] * reference.steps()
                        + " steps of eta/" + ratios[i] + " = " + expected + ", got " + t.steps() + " of " + t.step());
            }
            n = Math.min(n, t.size());
        }
        if (n < 2) {
            throw new IllegalArgumentException("fewer than two common samples (" + n + "): "
                    + (reference.completed() ? "a refined run" : "the reference run") + " diverged at once");
        }
        double[] times = Arrays.copyOf(reference.times(), n);
        double[] lossRef = Arrays.copyOf(reference.losses(), n);
        double[] fromStart = new double[n];
        double[][] lossRefined = new double[ratios.length][n];
        double[][] toRefined = new double[ratios.length][n];
        double[] maxDist = new double[ratios.length];
        double[] maxLoss = new double[ratios.length];
        double[] start = reference.states()[0];
        for (int j = 0; j < n; j++) {
            fromStart[j] = distance(reference.states()[j], start);
        }
        for (int i = 0; i < ratios.length; i++) {
            Trajectory t = refined.get(i);
            if (!Arrays.equals(t.states()[0], start)) {
                throw new IllegalArgumentException("refined run " + i + " starts elsewhere than the reference run");
            }
            for (int j = 0; j < n; j++) {
                if (Math.abs(t.times()[j] - times[j]) > 1e-9 * Math.max(times[j], reference.step())) {
                    throw new IllegalArgumentException("refined run " + i + " is sampled at t = " + t.times()[j]
                            + " where the reference is at " + times[j]);
                }
                lossRefined[i][j] = t.losses()[j];
                toRefined[i][j] = distance(reference.states()[j], t.states()[j]);
                if (j >= 1 && fromStart[j] > 0) {
                    maxDist[i] = Math.max(maxDist[i], toRefined[i][j] / fromStart[j]);
                }
                double drop = Math.abs(lossRef[0] - lossRef[j]);
                if (j >= 1 && drop > 0) {
                    maxLoss[i] = Math.max(maxLoss[i], Math.abs(lossRef[j] - lossRefined[i][j]) / drop);
                }
            }
        }
        return new Comparison(ratios.clone(), times, lossRef, lossRefined, fromStart, toRefined, maxDist, maxLoss,
                firstOrderFit(ratios, maxDist));
    }

    /**
     * How far {@code c_r = ratio_r / (1 - 1/r)} is from constant across {@code r}:
     * {@code (max_r c_r - min_r c_r) / max_r c_r}, in [0, 1] (0 when every {@code c_r} is 0). The first
     * order law {@code ratio_r = (1 - 1/r) c + O(eta^2)} makes it {@code O(eta)}.
     *
     * @throws IllegalArgumentException if the lengths differ, there are none, or a ratio is below 2
     */
    public static double firstOrderFit(int[] ratios, double[] ratio) {
        Checks.size("ratio", ratio.length, ratios.length);
        Checks.dimension("ratios", ratios.length);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < ratios.length; i++) {
            if (ratios[i] < 2) {
                throw new IllegalArgumentException("ratios[" + i + "] must be >= 2, got " + ratios[i]);
            }
            double c = ratio[i] / (1 - 1.0 / ratios[i]);
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        return max == 0 ? 0 : (max - min) / max;
    }

    /** Whether the instance satisfies the claim: every {@code maxRelDistance_r <= threshold} and the fit within {@code fitTolerance}. */
    public static boolean holds(Comparison c, double threshold, double fitTolerance) {
        return c.worstRelDistance() <= threshold && c.firstOrderFit() <= fitTolerance;
    }

    private static double distance(double[] u, double[] v) {
        double s = 0;
        for (int k = 0; k < u.length; k++) {
            double d = u[k] - v[k];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
