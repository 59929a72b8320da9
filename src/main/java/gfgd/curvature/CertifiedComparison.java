package gfgd.curvature;

import gfgd.dynamics.ValidatedTaylorFlow;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.Objective;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A certified comparison of GD and GF along an enclosed trajectory (one objective, one step size, one
 * horizon), everything in
 * {@link IntervalArithmetic}:
 * <ul>
 *   <li>{@code theta(j eta)} enclosed by {@link ValidatedTaylorFlow}, {@code theta_j} by GD in intervals
 *       (exact decimal {@code eta}), so {@code err_j = ||theta_j - theta(j eta)||} has an enclosure;</li>
 *   <li>the discrete bound of math brief 1c, {@code E_0 = 0, E_{j+1} = L_j E_j + delta_j}, with
 *       {@code delta_j} the upper end of the enclosure of {@code ||theta(j eta) - eta grad f(theta(j eta)) -
 *       theta((j+1) eta)||} and {@code L_j = max(1 - eta lambda_lo, eta lambda_hi - 1)}, where
 *       {@code [lambda_lo, lambda_hi]} are {@link CertifiedEigenBounds} of the Hessian enclosed over the box
 *       {@code theta(j eta) +- E_j} (which contains the ball of radius {@code E_j}). Every quantity is an
 *       upper bound of the brief's, so the brief's induction proves {@code err_j <= E_j} for these {@code E_j};</li>
 *   <li>the convex-case bound (the negative control) {@code C_j = eta (t/2) max_{s <= t} ||H grad f(theta(s))||}
 *       at {@code t = j eta}, the max bounded above over the integrator's a-priori boxes.</li>
 * </ul>
 * Each comparison {@code lhs <= rhs} is CERTIFIED when {@code hi(lhs) <= lo(rhs)}, REFUTED when
 * {@code lo(lhs) > hi(rhs)} (a proved violation), UNDECIDED otherwise.
 */
public final class CertifiedComparison {

    /** The three ways a comparison of enclosures can end. */
    public enum Decision { CERTIFIED, REFUTED, UNDECIDED }

    /** The first refuted step of a run: its index, time and both enclosures. */
    public record Refutation(long step, BigDecimal time, Interval lhs, Interval rhs) {
    }

    /**
     * The outcome of a run.
     *
     * @param certified  steps whose inequality is CERTIFIED
     * @param undecided  steps whose inequality is UNDECIDED
     * @param refuted    steps whose inequality is REFUTED
     * @param firstRefutation the first refuted step (null if none)
     * @param maxWidth   the largest width of an enclosure of theta(j eta), theta_j or err_j
     * @param minMargin  the smallest relative gap {@code (lo(rhs) - hi(lhs)) / lo(rhs)} over steps {@code j >= 2}
     *                   (at {@code j = 1} the two sides are the same quantity, {@code E_1 = delta_0 = err_1})
     * @param finalErr   the enclosure of {@code err_n}
     * @param finalBound the enclosure of the right side at {@code j = n}
     * @param thetaT     the enclosure of {@code theta(T)}
     * @param gdT        the enclosure of {@code theta_n}
     * @param flowGrid   the enclosures of {@code theta(j eta)}, {@code j = 0..n}
     * @param bounds     the right sides at {@code j = 0..n} ({@code E_j}, or {@code C_j} for the control)
     */
    public record Result(long certified, long undecided, long refuted, Refutation firstRefutation, double maxWidth,
                  double minMargin, Interval finalErr, Interval finalBound, IntervalMatrix thetaT, IntervalMatrix gdT,
                  List<IntervalMatrix> flowGrid, List<BigDecimal> bounds) {
    }

    private CertifiedComparison() {
    }

    /**
     * Runs the comparison {@code err_j <= E_j} ({@code convex} false) or {@code err_j <= C_j} ({@code convex}
     * true) for {@code j = 0..n}: {@code f} and {@code start} in {@code a}, {@code flow} the validated
     * integrator of {@code f}'s gradient flow.
     */
    public static Result run(IntervalArithmetic a, Objective<Interval, IntervalMatrix> f, ValidatedTaylorFlow flow,
                      IntervalMatrix start, BigDecimal eta, long n, boolean convex) {
        return run(a, f, flow.enclose(start, eta, n), convex);
    }

    /** The same on an existing enclosure of the flow on the grid {@code j * eta}, {@code j = 0..n}. */
    public static Result run(IntervalArithmetic a, Objective<Interval, IntervalMatrix> f, ValidatedTaylorFlow.Enclosure enc,
                             boolean convex) {
        BigDecimal eta = enc.eta();
        long n = enc.grid().size() - 1;
        IntervalMatrix start = enc.grid().get(0);
        List<IntervalMatrix> grid = enc.grid();
        Interval etaI = a.enclose(eta);
        MathContext up = a.up();
        BigDecimal e = BigDecimal.ZERO;
        BigDecimal maxHg = BigDecimal.ZERO;
        int stepIndex = 0;
        List<ValidatedTaylorFlow.Step> steps = enc.steps();
        IntervalMatrix gd = start;
        long certified = 0;
        long undecided = 0;
        long refuted = 0;
        Refutation first = null;
        double maxWidth = enc.maxWidth().doubleValue();
        double minMargin = Double.POSITIVE_INFINITY;
        Interval err = a.zero();
        Interval rhs = a.zero();
        List<BigDecimal> bounds = new ArrayList<>();
        for (long j = 0; j <= n; j++) {
            IntervalMatrix x = grid.get(Math.toIntExact(j));
            BigDecimal t = eta.multiply(BigDecimal.valueOf(j));
            err = a.norm(a.minus(gd, x));
            maxWidth = Math.max(maxWidth, Math.max(a.maxWidth(gd).doubleValue(), err.width().doubleValue()));
            if (convex) {
                while (stepIndex < steps.size() && steps.get(stepIndex).t0().compareTo(t) < 0) {
                    IntervalMatrix y = steps.get(stepIndex).apriori();
                    maxHg = maxHg.max(a.norm(f.hessianVectorProduct(y, f.gradient(y))).hi());
                    stepIndex++;
                }
                BigDecimal c = eta.multiply(t).multiply(maxHg).divide(BigDecimal.valueOf(2), up);
                rhs = a.interval(c, c);
            } else {
                rhs = a.interval(e, e);
            }
            bounds.add(rhs.hi());
            Decision d = decide(err, rhs);
            switch (d) {
                case CERTIFIED -> certified++;
                case UNDECIDED -> undecided++;
                case REFUTED -> {
                    refuted++;
                    if (first == null) {
                        first = new Refutation(j, t, err, rhs);
                    }
                }
                default -> throw new IllegalStateException("unknown decision " + d);
            }
            if (j >= 2 && rhs.lo().signum() > 0) {
                minMargin = Math.min(minMargin, rhs.lo().subtract(err.hi()).divide(rhs.lo(), MathContext.DECIMAL64).doubleValue());
            }
            if (j == n) {
                break;
            }
            IntervalMatrix next = grid.get(Math.toIntExact(j + 1));
            if (!convex) {
                BigDecimal delta = a.norm(a.minus(a.addScaled(x, a.negate(etaI), f.gradient(x)), next)).hi();
                IntervalMatrix ball = a.copy(x);
                Interval pad = a.symmetric(e);
                for (int i = 0; i < a.rows(x); i++) {
                    a.set(ball, i, 0, a.add(a.get(x, i, 0), pad));
                }
                IntervalMatrix h = f.hessian(ball);
                BigDecimal lo = CertifiedEigenBounds.lowerBoundOfMin(a, h);
                BigDecimal hi = CertifiedEigenBounds.upperBoundOfMax(a, h);
                BigDecimal l = BigDecimal.ONE.subtract(eta.multiply(lo), up).max(eta.multiply(hi).subtract(BigDecimal.ONE, up));
                e = l.multiply(e, up).add(delta, up);
            }
            gd = a.addScaled(gd, a.negate(etaI), f.gradient(gd));
        }
        if (minMargin == Double.POSITIVE_INFINITY) {
            minMargin = 0;
        }
        return new Result(certified, undecided, refuted, first, maxWidth, minMargin, err, rhs, grid.get(grid.size() - 1), gd,
                grid, List.copyOf(bounds));
    }

    /** CERTIFIED if {@code hi(lhs) <= lo(rhs)}, REFUTED if {@code lo(lhs) > hi(rhs)}, else UNDECIDED. */
    public static Decision decide(Interval lhs, Interval rhs) {
        if (lhs.hi().compareTo(rhs.lo()) <= 0) {
            return Decision.CERTIFIED;
        }
        if (lhs.lo().compareTo(rhs.hi()) > 0) {
            return Decision.REFUTED;
        }
        return Decision.UNDECIDED;
    }

    /** {@code x} to six significant digits (for evidence text). */
    public static String six(BigDecimal x) {
        return x.round(new MathContext(6, RoundingMode.HALF_EVEN)).toString();
    }
}
