package gfgd.euler;

import gfgd.claims.Plot;
import gfgd.claims.Series;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.objective.Quadratic;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The deterministic sweep of claim {@code euler}: quadratics (two explicit ones, and seeded random
 * ones) times step sizes {@code eta = c / rho(A)} for {@code c} in {@link #STEP_FRACTIONS}, each run
 * through {@link GdIsEuler#measure} in apfloat at {@link #DIGITS} digits.
 */
public final class EulerCheck {

    /** Requested significant digits of the apfloat arithmetic (plus its default guard digits). */
    public static final int DIGITS = 40;

    /**
     * Relative tolerance of "equal". GD and the closed form round differently: each of at most a few
     * thousand steps or matrix products adds a few units of 10^-49 (working precision 50 digits), so
     * their gap stays below 1e-44; 1e-30 leaves more than ten orders of margin and still sits more than
     * twenty orders below the 1e-6 step perturbation the negative control must expose.
     */
    public static final double TOLERANCE = 1e-30;

    /** Relative step perturbation of the negative control: GD runs with {@code eta (1 + 1e-6)}. */
    public static final String CONTROL_STEP_FACTOR = "1.000001";

    /** Step sizes as fractions of {@code 2 / rho(A)}-stability: small, moderate, near the edge (1.9 < 2). */
    static final double[] STEP_FRACTIONS = {0.1, 1.0, 1.9};

    /** Steps of the indefinite instance, where GD grows like 1.8^k: kept well inside double range for the loss. */
    static final int INDEFINITE_STEPS = 200;

    /**
     * One quadratic {@code f = 1/2 theta'A theta - b'theta} with a start, as exact decimal strings.
     *
     * @param name   how the report names it
     * @param n      dimension
     * @param matrix {@code A}, row-major, symmetric
     * @param linear {@code b}
     * @param theta0 the start
     * @param steps  GD steps to run (0: the settings' default)
     */
    record Instance(String name, int n, String[] matrix, String[] linear, String[] theta0, int steps) {
    }

    private EulerCheck() {
    }

    /** The explicit positive-definite instance whose runs are plotted. */
    static Instance explicitInstance() {
        return new Instance("explicit 3x3 positive definite", 3,
                new String[] {"2", "0.5", "0", "0.5", "1", "0.25", "0", "0.25", "0.5"},
                new String[] {"1", "-0.5", "0.25"}, new String[] {"0.3", "-0.2", "0.1"}, 0);
    }

    /** An indefinite instance: GD (and GF) leave along the negative eigenvector; the claim still holds. */
    static Instance indefiniteInstance() {
        return new Instance("explicit 2x2 indefinite", 2, new String[] {"1", "0.5", "0.5", "-0.3"},
                new String[] {"0.2", "0.1"}, new String[] {"1", "1"}, INDEFINITE_STEPS);
    }

    /**
     * A seeded random positive-definite instance: {@code A = B B' + I/20} with {@code B}'s entries,
     * {@code b} and {@code theta_0} uniform on the multiples of 1/16 in [-1, 1] (exact decimals).
     */
    static Instance randomInstance(SplittableRandom random, int n) {
        BigDecimal[][] bm = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bm[i][j] = sixteenth(random);
            }
        }
        String[] matrix = new String[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int k = 0; k < n; k++) {
                    s = s.add(bm[i][k].multiply(bm[j][k]));
                }
                if (i == j) {
                    s = s.add(new BigDecimal("0.05"));
                }
                matrix[i * n + j] = s.stripTrailingZeros().toPlainString();
            }
        }
        String[] linear = new String[n];
        String[] theta0 = new String[n];
        for (int i = 0; i < n; i++) {
            linear[i] = sixteenth(random).toPlainString();
            theta0[i] = sixteenth(random).toPlainString();
        }
        return new Instance("random " + n + "x" + n + " positive definite", n, matrix, linear, theta0, 0);
    }

    private static BigDecimal sixteenth(SplittableRandom random) {
        return BigDecimal.valueOf(random.nextInt(-16, 17)).divide(BigDecimal.valueOf(16));
    }

    /** The instances of a sweep: the two explicit ones, then random ones of dimensions 3, 5 (quick) or 2..9 (thorough). */
    static List<Instance> instances(Settings settings) {
        List<Instance> list = new ArrayList<>(List.of(explicitInstance(), indefiniteInstance()));
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[] dims = settings.isThorough() ? new int[] {2, 3, 4, 5, 6, 7, 8, 9} : new int[] {3, 5};
        for (int n : dims) {
            list.add(randomInstance(random, n));
        }
        return list;
    }

    /** The spectral radius {@code max |lambda_i(A)|} in double (EJML symmetric eigen-decomposition); picks step sizes only. */
    static double spectralRadius(Instance in) {
        double rho = 0;
        for (double l : eigenvalues(in)) {
            rho = Math.max(rho, Math.abs(l));
        }
        return rho;
    }

    private static double[] eigenvalues(Instance in) {
        DMatrixRMaj m = new DMatrixRMaj(in.n(), in.n());
        for (int i = 0; i < in.n() * in.n(); i++) {
            m.data[i] = Double.parseDouble(in.matrix()[i]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(in.n(), false, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("eigen-decomposition failed for " + in.name());
        }
        double[] values = new double[in.n()];
        for (int i = 0; i < in.n(); i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        return values;
    }

    /** The smallest eigenvalue of {@code A} in double (EJML symmetric eigen-decomposition). */
    static double smallestEigenvalue(Instance in) {
        double min = Double.POSITIVE_INFINITY;
        for (double l : eigenvalues(in)) {
            min = Math.min(min, l);
        }
        return min;
    }

    /** {@code c / rho} rounded to six significant digits, as a decimal string (so apfloat reads it exactly). */
    static String stepSize(double c, double rho) {
        return new BigDecimal(c / rho).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /**
     * Runs the sweep. With {@code control} false GD uses the same step as the closed form and Euler map
     * (the claim); with {@code control} true GD uses {@code eta * }{@link #CONTROL_STEP_FACTOR} (the
     * negative control, which must FAIL).
     */
    static Verdict run(Settings settings, boolean control) {
        Verdict.Builder v = Verdict.builder(settings);
        ApfloatArithmetic ap = ApfloatArithmetic.digits(DIGITS);
        Apfloat factor = ap.parse(CONTROL_STEP_FACTOR);
        int defaultSteps = settings.choose(300, 2000);
        int closedFormEvery = settings.choose(10, 20);
        List<Instance> instances = instances(settings);
        int runs = 0;
        int violating = 0;
        String firstViolation = "";
        double maxClosed = 0;
        double maxEuler = 0;
        double minRun = Double.POSITIVE_INFINITY;
        List<Series> gradient = new ArrayList<>();
        List<Series> closed = new ArrayList<>();
        List<Series> euler = new ArrayList<>();
        for (Instance in : instances) {
            Quadratic<Apfloat, ApMatrix> q = Quadratic.of(ap, ap.fromStrings(in.n(), in.n(), in.matrix()),
                    ap.fromStrings(in.n(), 1, in.linear()));
            ApMatrix theta0 = ap.fromStrings(in.n(), 1, in.theta0());
            double rho = spectralRadius(in);
            int steps = in.steps() > 0 ? in.steps() : defaultSteps;
            for (double c : STEP_FRACTIONS) {
                String eta = stepSize(c, rho);
                Apfloat etaAp = ap.parse(eta);
                Apfloat gdEta = control ? ap.mul(etaAp, factor) : etaAp;
                GdIsEuler.Deviations d = GdIsEuler.measure(q, theta0, etaAp, gdEta, steps, closedFormEvery);
                runs++;
                maxClosed = Math.max(maxClosed, d.maxVsClosedForm());
                maxEuler = Math.max(maxEuler, d.maxVsEulerMap());
                minRun = Math.min(minRun, Math.max(d.maxVsClosedForm(), d.maxVsEulerMap()));
                if (!GdIsEuler.holds(d, TOLERANCE)) {
                    if (violating++ == 0) {
                        firstViolation = in.name() + ", eta = " + eta + ": GD deviates from the "
                                + (d.maxVsEulerMap() > TOLERANCE ? "Euler map by " + d.maxVsEulerMap()
                                        : "closed form by " + d.maxVsClosedForm())
                                + " (relative) > tolerance " + TOLERANCE;
                    }
                }
                if (in == instances.get(0)) {
                    String label = String.format(Locale.ROOT, "eta = %s/rho(A) = %s", c, eta);
                    gradient.add(rename(d.gradientNorm(), label));
                    closed.add(rename(d.closedForm(), label));
                    euler.add(rename(d.eulerMap(), label));
                }
            }
        }
        v.figure("runs", runs)
                .figure("stepsPerRun", defaultSteps)
                .figure("maxRelDeviationGdVsClosedForm", maxClosed)
                .figure("maxRelDeviationGdVsEulerMap", maxEuler)
                .figure("minRunDeviation", minRun)
                .figure("runsViolating", violating)
                .figure("tolerance", TOLERANCE)
                .figure("workingDigits", ap.precision().workingDigits());
        v.require(violating == 0, firstViolation + (violating > 1 ? " (" + violating + " of " + runs + " runs violate)" : ""));
        String who = control ? "GD with step eta(1+1e-6)" : "GD";
        v.plot(Plot.logY("gradient-norm", who + " on the explicit quadratic: gradient norm", "step k",
                "||grad f(theta_k)||", gradient));
        logPlot("deviation-closed-form", who + " vs closed form at eta (zero deviations not drawn)",
                "relative deviation", closed, defaultSteps).ifPresent(v::plot);
        logPlot("deviation-euler-map", who + " vs Euler map of GF at eta (zero deviations not drawn)",
                "relative deviation", euler, defaultSteps).ifPresent(v::plot);
        return v.build();
    }

    private static Series rename(Series s, String name) {
        return new Series(name, s.x(), s.y());
    }

    /**
     * A log-scale plot of the positive points of each series, with the tolerance as a horizontal line;
     * empty when no series has a positive point (every deviation exactly zero).
     */
    private static Optional<Plot> logPlot(String name, String title, String yLabel, List<Series> series,
            int steps) {
        List<Series> kept = new ArrayList<>();
        for (Series s : series) {
            double[] x = s.x();
            double[] y = s.y();
            int m = 0;
            for (double yi : y) {
                m += yi > 0 ? 1 : 0;
            }
            if (m == 0) {
                continue;
            }
            double[] px = new double[m];
            double[] py = new double[m];
            for (int i = 0, j = 0; i < y.length; i++) {
                if (y[i] > 0) {
                    px[j] = x[i];
                    py[j++] = y[i];
                }
            }
            kept.add(new Series(s.name(), px, py));
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        kept.add(new Series("tolerance " + TOLERANCE, new double[] {0, steps}, new double[] {TOLERANCE, TOLERANCE}));
        return Optional.of(Plot.logY(name, title, "step k", yLabel, kept));
    }
}
