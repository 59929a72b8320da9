package gfgd.thm1;

import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.curvature.CertifiedComparison;
import java.math.BigDecimal;

/**
 * The sweep of claim {@code thm1-certified}: every {@link CertifiedInstance} times the step sizes
 * {@link #etas}, horizon {@link #HORIZON}, each a {@link CertifiedRun} at {@link #DIGITS} digits. PASS
 * only if every step of every run is CERTIFIED.
 */
public final class CertifiedCheck {

    /** Significant digits of the interval end points (the issue asks for 50 or more). */
    public static final int DIGITS = 50;

    /** Horizon T: the brief's Java parameters for 1c (and at least 2, as the issue asks). */
    public static final BigDecimal HORIZON = new BigDecimal("2");

    /** Step size of the negative control (instance (a)). */
    static final BigDecimal CONTROL_ETA = new BigDecimal("0.01");

    private CertifiedCheck() {
    }

    /** Step sizes: 0.02 and 0.01 (quick), and 0.005 (thorough). */
    static String[] etas(Settings settings) {
        return settings.isThorough() ? new String[] {"0.02", "0.01", "0.005"} : new String[] {"0.02", "0.01"};
    }

    static long steps(BigDecimal eta) {
        return HORIZON.divide(eta).longValueExact();
    }

    /**
     * The claim: {@code err_j <= E_j} and {@code E_j <= eta B(j eta)(1 + c_j eta)} both CERTIFIED at every
     * step of every instance and step size.
     */
    public static Verdict run(Settings settings) {
        Verdict.Builder v = Verdict.builder(settings);
        long discreteCertified = 0;
        long curvatureCertified = 0;
        long undecided = 0;
        long refuted = 0;
        long steps = 0;
        double maxWidth = 0;
        double minMargin = Double.POSITIVE_INFINITY;
        double cMax = 0;
        for (CertifiedInstance in : CertifiedInstance.values()) {
            for (String etaText : etas(settings)) {
                BigDecimal eta = new BigDecimal(etaText);
                long n = steps(eta);
                CertifiedRun.Outcome o = CertifiedRun.run(in, DIGITS, eta, n);
                CertifiedComparison.Result r = o.discrete();
                long[] c = o.curvature();
                steps += n + 1;
                discreteCertified += r.certified();
                curvatureCertified += c[0];
                undecided += r.undecided() + c[2];
                refuted += r.refuted() + c[1];
                maxWidth = Math.max(maxWidth, r.maxWidth());
                minMargin = Math.min(minMargin, Math.min(r.minMargin(), o.minMargin()));
                cMax = Math.max(cMax, o.cMax());
                String key = in.label() + ".eta" + etaText;
                v.figure(key + ".errT", r.finalErr().hi().doubleValue());
                v.figure(key + ".ET", r.finalBound().hi().doubleValue());
                v.figure(key + ".BT", o.bT().lo().doubleValue());
                v.figure(key + ".ET_over_etaBT", o.ratio());
                v.figure(key + ".cMax", o.cMax());
                v.require(r.undecided() == 0 && r.refuted() == 0, key + ": err_j <= E_j has " + r.undecided()
                        + " undecided and " + r.refuted() + " refuted steps of " + (n + 1)
                        + (r.firstRefutation() == null ? "" : describe(r.firstRefutation())));
                v.require(c[0] == n + 1, key + ": E_j <= eta B (1 + c eta) has " + c[2] + " undecided and " + c[1]
                        + " refuted steps of " + (n + 1));
            }
        }
        v.figure("certifiedSteps", Math.min(discreteCertified, curvatureCertified));
        v.figure("steps", steps);
        v.figure("certifiedErrBelowE", discreteCertified);
        v.figure("certifiedEBelowEtaB", curvatureCertified);
        v.figure("undecidedSteps", undecided);
        v.figure("refutedSteps", refuted);
        v.figure("maxEnclosureWidth", maxWidth);
        v.figure("minMargin", minMargin);
        v.figure("cMax", cMax);
        v.figure("digits", DIGITS);
        return v.build();
    }

    /**
     * The negative control: on instance (a) the convex-case bound {@code eta (t/2) max ||H grad f||} (no
     * exponential factor) in place of {@code E_j}; it must be REFUTED at some step. The verdict fails
     * naming the first refuted step with both enclosures.
     */
    public static Verdict control(Settings settings) {
        Verdict.Builder v = Verdict.builder(settings);
        CertifiedComparison.Result r = CertifiedRun.control(CertifiedInstance.TILTED, DIGITS, CONTROL_ETA, steps(CONTROL_ETA));
        v.figure("certifiedSteps", r.certified());
        v.figure("undecidedSteps", r.undecided());
        v.figure("refutedSteps", r.refuted());
        v.figure("maxEnclosureWidth", r.maxWidth());
        v.figure("digits", DIGITS);
        CertifiedComparison.Refutation first = r.firstRefutation();
        if (first != null) {
            v.figure("firstRefutedStep", first.step());
            v.figure("firstRefutedErrLo", first.lhs().lo().doubleValue());
            v.figure("firstRefutedBoundHi", first.rhs().hi().doubleValue());
        }
        v.require(r.refuted() == 0 && r.undecided() == 0, "convex-case bound on " + CertifiedInstance.TILTED.label()
                + " at eta = " + CONTROL_ETA + ": " + r.refuted() + " refuted and " + r.undecided() + " undecided steps"
                + (first == null ? "" : describe(first)));
        return v.build();
    }

    private static String describe(CertifiedComparison.Refutation f) {
        return "; first refuted at step " + f.step() + " (t = " + f.time() + "): err in [" + CertifiedComparison.six(f.lhs().lo())
                + ", " + CertifiedComparison.six(f.lhs().hi()) + "] > bound in [" + CertifiedComparison.six(f.rhs().lo()) + ", "
                + CertifiedComparison.six(f.rhs().hi()) + "]";
    }
}
