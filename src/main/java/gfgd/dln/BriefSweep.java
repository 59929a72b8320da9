package gfgd.dln;

import gfgd.claims.Plot;
import gfgd.claims.Series;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.objective.Dataset;
import gfgd.objective.Datasets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The deterministic sweep behind claims {@code prop2} and {@code thm3}: the math brief's explicit data
 * ({@link Datasets#briefExample()}), depths 2, 3, 4 with the brief's widths, Gaussian starts
 * {@code alpha G} with {@code G} fixed per seed, over the brief's scales {@code alpha}; each run is handed
 * to a method (GF or GD) that returns its {@link Convergence.Run}. The result computes the figures both
 * claims report: failures, the fitted exponents of the hitting count against {@code alpha} for N = 3 and
 * 4, and N = 2's increase per decade of {@code 1/alpha}.
 */
public final class BriefSweep {

    /** The target relative gap {@code (f - f*) / (f(theta_0) - f*)} (brief 4: {@code 1e-4}). */
    public static final double EPS = 1e-4;

    /** The fitted exponents must be within this of {@code N - 2} (brief 4 observes 0.986-0.993 and 1.988-1.995). */
    public static final double EXPONENT_TOLERANCE = 0.1;

    private BriefSweep() {
    }

    /** The brief's widths: N = 2 uses [3,3,1], N = 3 [3,3,2,1], N = 4 [3,3,4,2,1]. */
    public static int[] widths(int depth) {
        return switch (depth) {
            case 2 -> new int[] {3, 3, 1};
            case 3 -> new int[] {3, 3, 2, 1};
            case 4 -> new int[] {3, 3, 4, 2, 1};
            default -> throw new IllegalArgumentException("the brief's sweep has depths 2, 3, 4, got " + depth);
        };
    }

    /**
     * The scales of depth {@code N}: for N = 2 three decades (the growth is logarithmic, so the decades are
     * cheap); for N = 3 and 4 the brief's values (N = 4 stops at 0.01: its K grows like alpha^-2).
     */
    public static double[] alphas(int depth) {
        return switch (depth) {
            case 2 -> new double[] {0.01, 0.001, 0.0001};
            case 3 -> new double[] {0.1, 0.03, 0.01, 0.003, 0.001};
            case 4 -> new double[] {0.1, 0.05, 0.03, 0.02, 0.01};
            default -> throw new IllegalArgumentException("the brief's sweep has depths 2, 3, 4, got " + depth);
        };
    }

    /**
     * The exponent is fitted on the scales at or below this (brief 4: the asymptotic regime starts at
     * 0.01 for N = 3 and 0.02 for N = 4; above, the final phase adds a constant that bends the line).
     */
    public static double fitAlphaMax(int depth) {
        return depth == 3 ? 0.01 : depth == 4 ? 0.02 : 0.01;
    }

    /** The seeds of the sweep: 4 (quick) or 8 (thorough), derived from the settings' seed. */
    public static long[] seeds(Settings settings) {
        long[] s = new long[settings.choose(4, 8)];
        for (int i = 0; i < s.length; i++) {
            s[i] = settings.seed() * 1000 + i;
        }
        return s;
    }

    /** One run of the sweep. */
    public record Measured(int depth, double alpha, long seed, Problem problem, Convergence.Run run) {
    }

    /** Runs {@code method} on every (depth, alpha, seed) of the sweep, in a fixed order. */
    public static Result run(Settings settings, Function<Problem, Convergence.Run> method) {
        Dataset data = Datasets.briefExample();
        List<Measured> runs = new ArrayList<>();
        for (int depth = 2; depth <= 4; depth++) {
            for (long seed : seeds(settings)) {
                for (double alpha : alphas(depth)) {
                    Problem p = Problem.of(data, widths(depth),
                            new NearZeroStart(NearZeroStart.Distribution.GAUSSIAN, alpha, seed));
                    runs.add(new Measured(depth, alpha, seed, p, method.apply(p)));
                }
            }
        }
        return new Result(runs);
    }

    /**
     * The runs of a sweep and the figures computed from them.
     *
     * @param runs every run, in sweep order
     */
    public record Result(List<Measured> runs) {

        public Result {
            runs = List.copyOf(runs);
        }

        /** How many runs did not reach the gap within their budget. */
        public int failures() {
            return (int) runs.stream().filter(m -> !m.run().reached()).count();
        }

        /**
         * Records the figures both claims share and requires them: {@code runs}, {@code failures} (must be
         * 0), {@code maxBudgetUse}, and when every run converged {@code iterationExponent_N3} and
         * {@code iterationExponent_N4} (within {@link #EXPONENT_TOLERANCE} of 1 and 2) and {@code n2Increment}
         * (in {@code [n2Min, n2Max]}, {@code unit} per decade of {@code 1/alpha}).
         *
         * @return whether every run converged (so that the scaling figures exist)
         */
        public boolean report(Verdict.Builder v, String method, double n2Min, double n2Max, String unit) {
            v.figure("runs", runs.size()).figure("failures", failures()).figure("maxBudgetUse", maxBudgetUse());
            v.require(failures() == 0, failures() + " of " + runs.size() + " " + method + " runs did not converge; first: "
                    + firstFailure());
            if (failures() > 0) {
                return false;
            }
            double n3 = exponent(3);
            double n4 = exponent(4);
            double n2 = n2Increment();
            v.figure("iterationExponent_N3", n3).figure("iterationExponent_N4", n4).figure("n2Increment", n2);
            v.require(Math.abs(n3 - 1) <= EXPONENT_TOLERANCE,
                    "iterationExponent_N3 = " + n3 + " is not within " + EXPONENT_TOLERANCE + " of 1");
            v.require(Math.abs(n4 - 2) <= EXPONENT_TOLERANCE,
                    "iterationExponent_N4 = " + n4 + " is not within " + EXPONENT_TOLERANCE + " of 2");
            v.require(n2 >= n2Min && n2 <= n2Max,
                    "n2Increment = " + n2 + " " + unit + " per decade is outside [" + n2Min + ", " + n2Max + "]");
            return true;
        }

        /** The largest fraction of its budget a converged run used (how much room the budget left). */
        public double maxBudgetUse() {
            return runs.stream().filter(m -> m.run().reached()).mapToDouble(m -> m.run().hit() / m.run().budget())
                    .max().orElse(0);
        }

        /** The first run that failed, in words; empty if none. */
        public String firstFailure() {
            return runs.stream().filter(m -> !m.run().reached()).findFirst()
                    .map(m -> m.problem() + ": " + m.run().reason()).orElse("");
        }

        /** The pooled exponent of the hitting count against {@code 1/alpha} for depth N, on {@code alpha <= fitAlphaMax(N)}. */
        public double exponent(int depth) {
            return Scaling.pooledExponent(points(depth, fitAlphaMax(depth)));
        }

        /** N = 2: the increase of the hitting count per decade of {@code 1/alpha}. */
        public double n2Increment() {
            return Scaling.incrementPerDecade(points(2, 1));
        }

        private List<Scaling.Point> points(int depth, double alphaMax) {
            return runs.stream().filter(m -> m.depth() == depth && m.alpha() <= alphaMax * (1 + 1e-9)
                    && m.run().reached()).map(m -> new Scaling.Point(m.seed(), m.alpha(), m.run().hit())).toList();
        }

        /**
         * Two plots: the hitting count against {@code log10(1/alpha)} (geometric mean over seeds, with the
         * budget), and its distribution (empirical CDF of {@code log10} of the hitting count, per depth).
         *
         * @param what the hitting count's name, e.g. "K (GD steps)" or "T (GF time)"
         */
        public List<Plot> plots(String what) {
            List<Series> scaling = new ArrayList<>();
            List<Series> cdf = new ArrayList<>();
            for (int depth = 2; depth <= 4; depth++) {
                double[] alphas = alphas(depth);
                double[] x = new double[alphas.length];
                double[] hit = new double[alphas.length];
                double[] budget = new double[alphas.length];
                for (int i = 0; i < alphas.length; i++) {
                    int d = depth;
                    double a = alphas[i];
                    List<Measured> at = runs.stream().filter(m -> m.depth() == d && m.alpha() == a).toList();
                    x[i] = Math.log10(1 / a);
                    hit[i] = Math.exp(at.stream().filter(m -> m.run().reached())
                            .mapToDouble(m -> Math.log(m.run().hit())).average().orElse(Double.NaN));
                    budget[i] = Math.exp(at.stream().mapToDouble(m -> Math.log(m.run().budget())).average().orElseThrow());
                }
                if (Arrays.stream(hit).allMatch(h -> h > 0)) {
                    scaling.add(new Series("N = " + depth, x, hit));
                }
                scaling.add(new Series("budget N = " + depth, x, budget));
                int d = depth;
                double[] sorted = runs.stream().filter(m -> m.depth() == d && m.run().reached() && m.run().hit() > 0)
                        .mapToDouble(m -> Math.log10(m.run().hit())).sorted().toArray();
                if (sorted.length > 0) {
                    double[] fraction = new double[sorted.length];
                    for (int i = 0; i < sorted.length; i++) {
                        fraction[i] = (i + 1.0) / sorted.length;
                    }
                    cdf.add(new Series("N = " + depth, sorted, fraction));
                }
            }
            List<Plot> plots = new ArrayList<>();
            plots.add(Plot.logY("hitting-vs-alpha", what + " to reach (f - f*) <= " + EPS + " (f(0) - f*), geometric mean over seeds",
                    "log10(1/alpha)", what, scaling));
            if (!cdf.isEmpty()) {
                plots.add(Plot.linear("hitting-distribution", "Distribution of " + what + " over all runs",
                        "log10 " + what, "fraction of runs", cdf));
            }
            return plots;
        }
    }

    /**
     * The measure-zero starts the negative controls try: two zero layers (N = 3 and 4 on the brief's data,
     * the other layers {@code 0.1 G} with {@code G} from the settings' seed) and the sign-balanced scalar
     * start (N = 2, 3, 4, {@code alpha = 0.1}). From each, GD and GF stay at or converge to a saddle.
     */
    public static List<Problem> degenerateProblems(Settings settings) {
        List<Problem> list = new ArrayList<>();
        for (int depth = 3; depth <= 4; depth++) {
            list.add(DegenerateStarts.twoZeroLayers(Datasets.briefExample(), widths(depth), 0.1, settings.seed()));
        }
        for (int depth = 2; depth <= 4; depth++) {
            list.add(DegenerateStarts.signBalancedScalar(depth, 0.1));
        }
        return list;
    }
}
