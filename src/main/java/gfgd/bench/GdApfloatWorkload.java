package gfgd.bench;

import gfgd.dynamics.GradientDescent;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.InitialPoint;
import gfgd.objective.Initialisations;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * {@code gd-apfloat}: 1000 gradient-descent steps with {@code eta = 0.01} (the exact decimal) at 30
 * significant digits from the fixed initial point of the deep linear workload (5-4-3-1 net, m = 20),
 * as in WORKLOADS.md.
 *
 * <p>Timing: untimed runs (at least {@link #WARMUP_RUNS} and {@link #WARMUP_SECONDS}, then until a
 * run is within {@link #WARMUP_SETTLED} of the fastest, at most {@link #WARMUP_MAX_SECONDS}) let the
 * JIT compile the arithmetic, then {@link #TIMED_RUNS} timed runs; {@code msPerStep} is the median over the
 * timed runs of wall time per step ({@code cpuMsPerStep}: the same for the thread's CPU time, which a busy machine distorts
 * less). The loss is checked for divergence every {@link #LOSS_CHECK_EVERY} steps.
 *
 * <p>Honesty check: the same run at {@link #REFERENCE_DIGITS} digits; {@code agreeingDigits} is the
 * minimum over the 35 components of {@code -log10(|x30 - x50| / |x50|)}, rounded down.
 */
public final class GdApfloatWorkload implements Workload {

    /** Significant digits of the timed run. */
    public static final int DIGITS = 30;
    /** Significant digits of the reference run the final state is compared with. */
    public static final int REFERENCE_DIGITS = 50;
    public static final int STEPS = 1000;
    public static final String ETA = "0.01";
    /** Untimed runs before timing, at least this many (JIT compilation of the arithmetic kernels). */
    public static final int WARMUP_RUNS = 10;
    /**
     * ... and at least this much wall time: on a busy machine the JIT compiler threads get little CPU,
     * and 10 runs (well under a second) left the first timed runs several times slower.
     */
    public static final double WARMUP_SECONDS = 3.0;
    /** ... and until a warm-up run is within 25% of the fastest one so far (JIT done), or 30 s have passed. */
    public static final double WARMUP_SETTLED = 1.25;
    public static final double WARMUP_MAX_SECONDS = 30.0;
    public static final int TIMED_RUNS = 5;
    /**
     * The divergence check evaluates the loss (about the cost of a gradient on this workload) every 10
     * steps: ~10% overhead instead of ~70% at every step, and a blow-up is still stopped within 10 steps.
     */
    public static final int LOSS_CHECK_EVERY = 10;

    private final int warmupRuns;
    private final double warmupSeconds;
    private final int timedRuns;

    /** The workload as specified: warm-up as above, then {@link #TIMED_RUNS} timed runs. */
    public GdApfloatWorkload() {
        this(WARMUP_RUNS, WARMUP_SECONDS, TIMED_RUNS);
    }

    /** The same computation with another warm-up and number of timed runs (tests use no warm-up, 1 run). */
    GdApfloatWorkload(int warmupRuns, double warmupSeconds, int timedRuns) {
        if (warmupRuns < 0 || !(warmupSeconds >= 0) || timedRuns < 1) {
            throw new IllegalArgumentException("need warmupRuns >= 0, warmupSeconds >= 0 and timedRuns >= 1, got "
                    + warmupRuns + ", " + warmupSeconds + " and " + timedRuns);
        }
        this.warmupRuns = warmupRuns;
        this.warmupSeconds = warmupSeconds;
        this.timedRuns = timedRuns;
    }

    @Override
    public String name() {
        return "gd-apfloat";
    }

    @Override
    public String description() {
        return "1000 GD steps, eta = 0.01, 30 digits (apfloat), deep linear net 5-4-3-1, m = 20";
    }

    @Override
    public Map<String, Object> run(PrintStream progress) {
        Dataset data = Datasets.deepLinearWorkload();
        InitialPoint init = Initialisations.deepLinearWorkload();
        int[] widths = Initialisations.deepLinearWorkloadWidths();

        ApfloatArithmetic a = ApfloatArithmetic.digits(DIGITS);
        DeepLinear<Apfloat, ApMatrix> f = DeepLinear.of(a, data, widths);
        ApMatrix theta0 = init.vector(a);
        GradientDescent<Apfloat, ApMatrix> gd = GradientDescent.of(f, a.parse(ETA)).withCheckEvery(LOSS_CHECK_EVERY);

        progress.println("gd-apfloat: warm-up (at least " + warmupRuns + " runs of " + STEPS + " steps and "
                + warmupSeconds + " s)");
        int warmups = 0;
        long warmupStart = System.nanoTime();
        double best = Double.POSITIVE_INFINITY;
        double last = Double.POSITIVE_INFINITY;
        while (warmups < warmupRuns || elapsed(warmupStart) < warmupSeconds
                || (last > WARMUP_SETTLED * best && elapsed(warmupStart) < WARMUP_MAX_SECONDS)) {
            long t = System.nanoTime();
            requireCompleted(gd.run(theta0, STEPS));
            last = elapsed(t);
            best = Math.min(best, last);
            warmups++;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] wall = new double[timedRuns];
        double[] cpu = new double[timedRuns];
        GradientDescent.Result<Apfloat, ApMatrix> result = null;
        for (int r = 0; r < timedRuns; r++) {
            progress.println("gd-apfloat: timed run " + (r + 1) + " of " + timedRuns);
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = gd.run(theta0, STEPS);
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            requireCompleted(result);
            wall[r] = (t1 - t0) / 1e9;
            cpu[r] = (c1 - c0) / 1e9;
        }

        progress.println("gd-apfloat: reference run at " + REFERENCE_DIGITS + " digits");
        ApfloatArithmetic ref = ApfloatArithmetic.digits(REFERENCE_DIGITS);
        DeepLinear<Apfloat, ApMatrix> fRef = DeepLinear.of(ref, data, widths);
        GradientDescent.Result<Apfloat, ApMatrix> reference = GradientDescent.of(fRef, ref.parse(ETA))
                .withCheckEvery(LOSS_CHECK_EVERY).run(init.vector(ref), STEPS);
        requireCompleted(reference);

        double worst = 0;
        List<String> state = new ArrayList<>();
        for (int i = 0; i < f.dimension(); i++) {
            Apfloat x = a.get(result.state(), i, 0);
            Apfloat xr = ref.get(reference.state(), i, 0);
            state.add(decimal(x));
            if (xr.signum() != 0) {
                worst = Math.max(worst, ref.toDouble(ref.abs(ref.div(ref.sub(x, xr), xr))));
            } else if (x.signum() != 0) {
                worst = Double.POSITIVE_INFINITY;
            }
        }
        int agreeing = worst == 0 ? REFERENCE_DIGITS : (int) Math.floor(-Math.log10(worst));

        double medianWall = median(wall);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", name());
        out.put("steps", result.steps());
        out.put("eta", ETA);
        out.put("digits", DIGITS);
        out.put("guardDigits", a.precision().guardDigits());
        out.put("seconds", medianWall);
        out.put("msPerStep", medianWall * 1e3 / STEPS);
        out.put("cpuMsPerStep", median(cpu) * 1e3 / STEPS);
        out.put("msPerStepRuns", Arrays.stream(wall).map(s -> s * 1e3 / STEPS).boxed().toList());
        out.put("warmupRuns", warmups);
        out.put("lossCheckEvery", LOSS_CHECK_EVERY);
        out.put("lossInit", decimal(result.initialLoss()));
        out.put("lossFinal", decimal(result.finalLoss()));
        out.put("status", result.status().toString());
        out.put("referenceDigits", REFERENCE_DIGITS);
        out.put("agreeingDigits", agreeing);
        out.put("maxRelativeDifferenceToReference", worst);
        out.put("state", state);
        return out;
    }

    private static double elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** {@code x} rounded to {@link #DIGITS} significant digits, as a decimal string. */
    private static String decimal(Apfloat x) {
        return x.signum() == 0 ? "0" : ApfloatMath.roundToPrecision(x, DIGITS, RoundingMode.HALF_EVEN).toString(true);
    }

    private static void requireCompleted(GradientDescent.Result<?, ?> r) {
        if (!r.completed()) {
            throw new IllegalStateException("gd-apfloat: " + r.reason());
        }
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
