package gfgd.prop1;

import gfgd.claims.Plot;
import gfgd.claims.Series;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deterministic sweep of claim {@code prop1}: exact thresholds {@code eta* = t/k*} of Family A
 * ({@link ExpandingQuadratic}) over {@code m t = 1..40} (quick) or {@code 1..80} (thorough), and bisected
 * thresholds of Family B ({@link CircleSaddle}) over {@code m t = 1..14} (quick) or {@code 1..16}
 * (thorough), each decided by {@link ExponentialNecessity}. With {@code control} true every instance is
 * replaced by its convex counterpart ({@code m -> -m}), which must fail.
 *
 * <p>Nothing here is random: the seed of the settings is recorded but unused.
 */
public final class Prop1Check {

    /** Family A's distance tolerance at time {@code t} (the brief's; {@code x_0 = 1}). */
    public static final String EPS_A = "0.01";

    /** Family B's distance tolerance: 10% of the trajectory's scale (the unit circle), the brief's. */
    public static final double EPS_B = 0.1;

    /** Family B's tangential strength {@code c} (the brief's). */
    public static final double C = 1;

    /** Family B's start angle {@code phi_0 = pi/2}, where {@code sin^2 phi_0 = 1} (the brief's). */
    public static final double PHI0 = Math.PI / 2;

    /** Family B's brief-table tolerance on {@code k*}: the brief bisected to 0.05%. */
    public static final double BRIEF_B_RELATIVE = 5e-4;

    /** The brief's Family A table: {@code (m, t)} and {@code k*} as printed (significant digits as given). */
    static final String[][] BRIEF_A = {
        {"1", "1", "135"}, {"2", "1", "1476"}, {"5", "1", "185507"}, {"10", "1", "1.10132e8"},
        {"20", "1", "9.7033e12"}, {"40", "1", "1.88308e22"}, {"1", "10", "1.10132e8"},
        {"1", "40", "1.88308e22"}, {"4", "10", "1.88308e22"},
    };

    /** The brief's Family B table at {@code t = 1}: {@code m -> k*} (bisected to 0.05% there). */
    static final Map<Integer, Long> BRIEF_B = Map.of(1, 7L, 2, 12L, 4, 55L, 6, 308L, 8, 1801L, 10, 10848L, 12, 67232L);

    /** Multiples of {@code eta*} at which Family B's escape is plotted (the brief quotes them at m = 8). */
    static final int[] ESCAPE_FACTORS = {1, 4, 16, 64};

    /** The {@code m} of the escape plot. */
    static final double ESCAPE_PLOT_M = 8;

    private Prop1Check() {
    }

    /**
     * One Family A threshold.
     *
     * @param m          curvature magnitude (decimal)
     * @param t          time (decimal)
     * @param mt         {@code m t}
     * @param threshold  the threshold and its cross-check
     * @param logPrefactor {@code ln(m^2 t / (2 eps))}
     */
    record PointA(String m, String t, double mt, ExpandingQuadratic.Threshold threshold, double logPrefactor) {
    }

    /**
     * One Family B threshold.
     *
     * @param m          curvature magnitude
     * @param t          time
     * @param kStar      least {@code k} within {@code eps}
     * @param logEtaStar {@code ln(t / k*)}
     * @param escape     {@code distance(ceil(k* / 4)) / eps}, capped at {@code DIVERGED / eps}
     * @param linearTheory the linear theory's {@code ln eta* + m t} (repelling instance; 0 for the control, where it has no meaning)
     */
    record PointB(double m, double t, long kStar, double logEtaStar, double escape, double linearTheory) {
        double mt() {
            return m * t;
        }
    }

    /** Family A's {@code (m, t)} pairs: {@code t = 1, m = 1..40} (or 80), plus pairs with {@code t != 1}. */
    static List<String[]> familyAInstances(Settings settings) {
        List<String[]> list = new ArrayList<>();
        int maxM = settings.choose(40, 80);
        for (int m = 1; m <= maxM; m++) {
            list.add(new String[] {Integer.toString(m), "1"});
        }
        list.addAll(List.of(new String[] {"1", "10"}, new String[] {"1", "40"}, new String[] {"4", "10"},
                new String[] {"0.5", "7"}, new String[] {"2.5", "4"}));
        if (settings.isThorough()) {
            list.addAll(List.of(new String[] {"0.25", "100"}, new String[] {"16", "3.5"}, new String[] {"100", "0.6"}));
        }
        return list;
    }

    /** Family B's {@code (m, t)} pairs: {@code t = 1} with {@code m} up to 14 (or 16), plus pairs with {@code t != 1}. */
    static List<double[]> familyBInstances(Settings settings) {
        List<double[]> list = new ArrayList<>();
        double[] ms = settings.isThorough()
                ? new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
                : new double[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14};
        for (double m : ms) {
            list.add(new double[] {m, 1});
        }
        list.addAll(List.of(new double[] {4, 2}, new double[] {4, 3}, new double[] {2, 4}));
        if (settings.isThorough()) {
            list.addAll(List.of(new double[] {6, 2}, new double[] {8, 2}));
        }
        return list;
    }

    static List<PointA> familyA(Settings settings, boolean control) {
        List<PointA> points = new ArrayList<>();
        for (String[] mt : familyAInstances(settings)) {
            ExpandingQuadratic q = control ? ExpandingQuadratic.convex(mt[0], mt[1], EPS_A)
                    : ExpandingQuadratic.expanding(mt[0], mt[1], EPS_A);
            points.add(new PointA(mt[0], mt[1], q.mt(), q.threshold(), q.logPrefactor()));
        }
        return points;
    }

    static List<PointB> familyB(Settings settings, boolean control) {
        List<PointB> points = new ArrayList<>();
        for (double[] mt : familyBInstances(settings)) {
            points.add(familyBPoint(mt[0], mt[1], control));
        }
        return points;
    }

    static CircleSaddle circle(double m, boolean control) {
        return control ? CircleSaddle.attracting(m, C, PHI0) : CircleSaddle.repelling(m, C, PHI0);
    }

    static PointB familyBPoint(double m, double t, boolean control) {
        CircleSaddle b = circle(m, control);
        long k = b.threshold(t, EPS_B);
        double escape = capped(b.distanceAt(t, (k + 3) / 4)) / EPS_B;
        double theory = control ? 0 : b.linearTheoryLogEtaStarPlusMt(t, EPS_B);
        return new PointB(m, t, k, Math.log(t / k), escape, theory);
    }

    private static double capped(double distance) {
        return Math.min(distance, CircleSaddle.DIVERGED);
    }

    /** Whether {@code k}, rounded half-even to the significant digits of {@code printed}, equals it. */
    static boolean roundsTo(BigInteger k, String printed) {
        BigDecimal p = new BigDecimal(printed);
        BigDecimal rounded = new BigDecimal(k).round(new MathContext(p.precision(), RoundingMode.HALF_EVEN));
        return rounded.compareTo(p) == 0;
    }

    /** Runs both families; {@code control} swaps every instance for its convex counterpart. */
    static Verdict run(Settings settings, boolean control) {
        Verdict.Builder v = Verdict.builder(settings);
        List<PointA> a = familyA(settings, control);
        List<PointB> b = familyB(settings, control);

        double[] mtA = a.stream().mapToDouble(PointA::mt).toArray();
        double[] logA = a.stream().mapToDouble(p -> p.threshold().logEtaStar()).toArray();
        double[] preA = a.stream().mapToDouble(PointA::logPrefactor).toArray();
        ExponentialNecessity.ClosedForm ca = ExponentialNecessity.ClosedForm.of(mtA, logA, preA);
        long unconfirmed = a.stream().filter(p -> !p.threshold().confirmed()).count();
        double maxCross = a.stream().mapToDouble(p -> p.threshold().crossCheckGap()).max().orElse(0);
        double minLogEta = a.stream().mapToDouble(p -> p.threshold().logEtaStar()).min().orElse(0);
        v.figure("familyAPoints", a.size())
                .figure("maxMt", ca.maxMt())
                .figure("slope", ca.slope())
                .figure("maxResidual", ca.maxResidual())
                .figure("minLog10EtaStarA", minLogEta / Math.log(10))
                .figure("maxClosedFormVsPowerGap", maxCross)
                .figure("thresholdsNotConfirmedByPower", unconfirmed);
        v.require(unconfirmed == 0, unconfirmed + " Family A thresholds are not confirmed by the GD power form");
        v.require(ca.maxMt() >= ExponentialNecessity.MIN_MAX_MT,
                "Family A reaches m t = " + ca.maxMt() + " < " + ExponentialNecessity.MIN_MAX_MT);
        v.require(Math.abs(ca.slope() + 1) <= ExponentialNecessity.SLOPE_TOLERANCE, String.format(Locale.ROOT,
                "Family A: slope of ln eta* + ln(m^2 t/(2 eps)) against m t is %.4f, not -1 within %s", ca.slope(),
                ExponentialNecessity.SLOPE_TOLERANCE));
        v.require(ca.maxResidual() <= ExponentialNecessity.RESIDUAL_TOLERANCE, String.format(Locale.ROOT,
                "Family A: |ln eta* + m t + ln(m^2 t/(2 eps))| reaches %.4g > %s", ca.maxResidual(),
                ExponentialNecessity.RESIDUAL_TOLERANCE));
        if (!control) {
            long mismatches = java.util.Arrays.stream(BRIEF_A).filter(row -> a.stream()
                    .filter(p -> p.m().equals(row[0]) && p.t().equals(row[1])).noneMatch(
                            p -> roundsTo(p.threshold().kStar(), row[2]))).count();
            v.figure("briefTableAMismatches", mismatches);
        }

        double[] mtB = b.stream().mapToDouble(PointB::mt).toArray();
        double[] logB = b.stream().mapToDouble(PointB::logEtaStar).toArray();
        double[] escB = b.stream().mapToDouble(PointB::escape).toArray();
        ExponentialNecessity.Bounded cb = ExponentialNecessity.Bounded.of(mtB, logB, escB);
        v.figure("familyBPoints", b.size())
                .figure("maxMtB", java.util.Arrays.stream(mtB).max().orElse(0))
                .figure("mtSpanB", cb.mtSpan())
                .figure("bandWidth", cb.bandWidth())
                .figure("escapeAt4x", cb.escapeAt4x())
                .figure("slopeB", cb.slope());
        v.require(cb.mtSpan() >= ExponentialNecessity.MIN_MT_SPAN,
                "Family B spans m t over " + cb.mtSpan() + " < " + ExponentialNecessity.MIN_MT_SPAN);
        v.require(cb.bandWidth() <= ExponentialNecessity.BAND_MAX, String.format(Locale.ROOT,
                "Family B: ln eta* + m t spans a band of width %.3f > %s", cb.bandWidth(), ExponentialNecessity.BAND_MAX));
        v.require(cb.escapeAt4x() >= ExponentialNecessity.ESCAPE_MIN, String.format(Locale.ROOT,
                "Family B: GD at about 4 eta* ends only %.3f eps from the flow (< %s)", cb.escapeAt4x(),
                ExponentialNecessity.ESCAPE_MIN));
        if (!control) {
            double gap = b.stream().mapToDouble(p -> Math.abs(p.logEtaStar() + p.mt() - p.linearTheory())).max().orElse(0);
            double brief = b.stream().filter(p -> p.t() == 1 && BRIEF_B.containsKey((int) p.m()))
                    .mapToDouble(p -> Math.abs(p.kStar() - BRIEF_B.get((int) p.m())) / (double) BRIEF_B.get((int) p.m()))
                    .max().orElse(0);
            v.figure("maxLinearTheoryGapB", gap).figure("briefTableBMaxRelDiff", brief);
        }

        String which = control ? "convex counterparts (m -> -m)" : "Family A and Family B";
        v.plot(Plot.linear("log-eta-star", "ln eta* against m t: " + which, "m t", "ln eta*",
                logEtaSeries(a, b, ca.maxMt(), control)));
        v.plot(Plot.logY("escape", "Family B" + (control ? " (convex)" : "") + ", m = " + (int) ESCAPE_PLOT_M
                + ", t = 1: distance to the flow at t against eta / eta*", "eta / eta*", "distance at t",
                escapeSeries(control)));
        return v.build();
    }

    /** ln eta* against m t for the {@code t = 1} instances of each family, and the line {@code -m t}. */
    private static List<Series> logEtaSeries(List<PointA> a, List<PointB> b, double maxMt, boolean control) {
        List<PointA> a1 = a.stream().filter(p -> p.t().equals("1")).sorted(Comparator.comparingDouble(PointA::mt)).toList();
        List<PointB> b1 = b.stream().filter(p -> p.t() == 1).sorted(Comparator.comparingDouble(PointB::mt)).toList();
        String suffix = control ? " (convex)" : "";
        return List.of(
                new Series("Family A" + suffix + ", t = 1", a1.stream().mapToDouble(PointA::mt).toArray(),
                        a1.stream().mapToDouble(p -> p.threshold().logEtaStar()).toArray()),
                new Series("Family B" + suffix + ", t = 1", b1.stream().mapToDouble(PointB::mt).toArray(),
                        b1.stream().mapToDouble(PointB::logEtaStar).toArray()),
                new Series("e^(-m t): ln eta = -m t", new double[] {0, maxMt}, new double[] {0, -maxMt}));
    }

    /** Family B's distance at {@code t = 1} for {@code k = ceil(k* / f)}, {@code f} in {@link #ESCAPE_FACTORS}. */
    private static List<Series> escapeSeries(boolean control) {
        CircleSaddle c = circle(ESCAPE_PLOT_M, control);
        long k = c.threshold(1, EPS_B);
        double[] x = new double[ESCAPE_FACTORS.length];
        double[] y = new double[ESCAPE_FACTORS.length];
        for (int i = 0; i < x.length; i++) {
            long kf = Math.max(1, (k + ESCAPE_FACTORS[i] - 1) / ESCAPE_FACTORS[i]);
            x[i] = (double) k / kf;
            y[i] = capped(c.distanceAt(1, kf));
        }
        return List.of(new Series("GD distance at t = 1", x, y),
                new Series("eps = " + EPS_B, new double[] {1, x[x.length - 1]}, new double[] {EPS_B, EPS_B}));
    }
}
