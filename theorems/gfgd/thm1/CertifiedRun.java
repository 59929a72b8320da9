package gfgd.thm1;

import gfgd.curvature.CertifiedComparison;
import gfgd.curvature.CertifiedCurvatureBound;
import gfgd.dynamics.ValidatedTaylorFlow;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.Objective;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One run of claim {@code thm1-certified} on one {@link CertifiedInstance} and step size: the
 * {@link CertifiedComparison} {@code err_j <= E_j}, then {@code E_j <= eta B(j eta) (1 + c_j eta)} with
 * {@code B} enclosed by {@link CertifiedCurvatureBound} and
 * <pre>
 *   1 + c_j eta = exp(eta c1) (1 + eta c2),   c1 = t Lip (sqrt(d) max_{i<=j} E_i/eta + G),
 *   c2 = t Q' exp(Lambda) / (2 B(t)),          Q' = Lip G^2 + Hmax^2 G,      t = j eta,
 * </pre>
 * {@code G, Hmax} upper bounds of {@code ||grad f||} and {@code ||H||} along the flow up to {@code t},
 * {@code Lambda} an upper bound of {@code -int_0^t lambda_-}, {@code Lip} a Hessian Lipschitz constant on the
 * balls {@code B(theta(t_i), sqrt(d) E_i + eta G)} (the derivation is in paper-notes.md, section thm1-certified).
 */
final class CertifiedRun {

    /** Pieces per grid interval for the enclosure of B (its lower bound loses O(eta / PIECES) relative). */
    static final int PIECES = 4;

    /**
     * The outcome of a run.
     *
     * @param discrete  {@code err_j <= E_j} (or the control's {@code err_j <= C_j})
     * @param curvature decisions of {@code E_j <= eta B (1 + c_j eta)}: certified, undecided, refuted counts
     * @param cMax      the largest {@code c_j}
     * @param minMargin the smallest relative gap of the second inequality over {@code j >= 1}
     * @param ratio     {@code E_n / (eta B_lo(T))}: how close the discrete bound is to its limit
     * @param bT        the enclosure of {@code B(T)}
     */
    record Outcome(CertifiedComparison.Result discrete, long[] curvature, double cMax, double minMargin, double ratio,
                   Interval bT) {
    }

    private CertifiedRun() {
    }

    /** The control's run: {@code err_j <= C_j} only. */
    static CertifiedComparison.Result control(CertifiedInstance in, int digits, BigDecimal eta, long n) {
        IntervalArithmetic a = IntervalArithmetic.digits(digits);
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(a);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, in.objective(tr));
        return CertifiedComparison.run(a, in.objective(a), flow, in.start(a), eta, n, true);
    }

    /** Both inequalities for {@code j = 0..n} at {@code digits} digits. */
    static Outcome run(CertifiedInstance in, int digits, BigDecimal eta, long n) {
        IntervalArithmetic a = IntervalArithmetic.digits(digits);
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(a);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, in.objective(tr));
        Objective<Interval, IntervalMatrix> f = in.objective(a);
        BigDecimal tau = eta.divide(BigDecimal.valueOf(PIECES), MathContext.UNLIMITED);
        ValidatedTaylorFlow.Enclosure fine = flow.enclose(in.start(a), tau, Math.multiplyExact(n, PIECES));
        CertifiedComparison.Result r = CertifiedComparison.run(a, f, fine.every(PIECES), false);
        CertifiedCurvatureBound.Profile p = CertifiedCurvatureBound.along(a, f, flow, fine, PIECES);
        int d = f.dimension();
        double sqrtD = Math.sqrt(d) * (1 + 1e-15);
        long[] counts = new long[3];
        double cMax = 0;
        double minMargin = Double.POSITIVE_INFINITY;
        double lip = 0;
        double eMax = 0;
        MathContext down = a.down();
        MathContext up = a.up();
        for (int j = 0; j <= n; j++) {
            BigDecimal e = r.bounds().get(j);
            BigDecimal bLo = p.bLo().get(j);
            double g = up(p.gradient().get(j));
            eMax = Math.max(eMax, up(e.divide(eta, up)));
            if (j > 0) {
                IntervalMatrix centre = r.flowGrid().get(j - 1);
                double radius = Math.nextUp(sqrtD * up(r.bounds().get(j - 1)) + up(eta) * g
                        + up(a.maxWidth(centre)) * sqrtD);
                lip = Math.max(lip, lipschitz(in).onBall(a.toDoubles(centre), radius));
            }
            if (e.signum() == 0 && j == 0) {
                counts[0]++;
                continue;
            }
            if (bLo.signum() <= 0) {
                counts[1]++;
                continue;
            }
            double t = eta.doubleValue() * j;
            double hm = up(p.hessian().get(j));
            double qPrime = lip * g * g + hm * hm * g;
            double c1 = t * lip * (sqrtD * eMax + g);
            Interval expLambda = a.exp(a.enclose(p.lambda().get(j)));
            Interval c2 = a.div(a.mul(a.enclose(new BigDecimal(t * (1 + 1e-15)).multiply(new BigDecimal(qPrime))), expLambda),
                    a.mul(a.of(2), a.enclose(bLo)));
            Interval factor = a.mul(a.exp(a.mul(a.enclose(eta), a.enclose(new BigDecimal(c1)))),
                    a.add(a.one(), a.mul(a.enclose(eta), c2)));
            BigDecimal onePlusCEta = factor.hi();
            cMax = Math.max(cMax, onePlusCEta.subtract(BigDecimal.ONE).divide(eta, MathContext.DECIMAL64).doubleValue());
            BigDecimal rhsLo = eta.multiply(bLo).multiply(onePlusCEta).round(down);
            BigDecimal rhsHi = eta.multiply(p.bHi().get(j)).multiply(onePlusCEta).round(up);
            CertifiedComparison.Decision dec = CertifiedComparison.decide(a.interval(e, e), new Interval(rhsLo, rhsHi));
            counts[dec.ordinal()]++;
            minMargin = Math.min(minMargin, rhsLo.subtract(e).divide(rhsLo, MathContext.DECIMAL64).doubleValue());
        }
        BigDecimal bT = p.bLo().get(Math.toIntExact(n));
        double ratio = r.bounds().get(Math.toIntExact(n)).divide(eta.multiply(bT), MathContext.DECIMAL64).doubleValue();
        return new Outcome(r, counts, cMax, minMargin == Double.POSITIVE_INFINITY ? 0 : minMargin, ratio,
                new Interval(bT, p.bHi().get(Math.toIntExact(n))));
    }

    private static HessianLipschitz lipschitz(CertifiedInstance in) {
        return in.lipschitz();
    }

    /** {@code x} as a double not below it. */
    private static double up(BigDecimal x) {
        double v = x.doubleValue();
        return new BigDecimal(v).compareTo(x) >= 0 ? v : Math.nextUp(v);
    }
}
