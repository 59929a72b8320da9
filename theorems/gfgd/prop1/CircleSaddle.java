package gfgd.prop1;

import gfgd.numeric.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Family B of Proposition 1, the bounded exhibit: on {@code R^2 \ {0}},
 * <pre>
 *   f(p) = -(a/2) (||p|| - 1)^2 - c p_1 / ||p||,
 * </pre>
 * started on the unit circle at angle {@code phi_0}. With {@code a = m > 0} (the claim) the circle is
 * invariant under gradient flow and normally repelling at rate {@code m}; with {@code a = -m} (the convex
 * counterpart of the negative control) it is attracting. Either way the flow stays on the circle:
 * {@code phi(t) = 2 arctan(tan(phi_0/2) e^{-ct})}, converging to {@code (1, 0)}.
 *
 * <p>GD is iterated directly in polar coordinates {@code p = (1 + rho)(cos phi, sin phi)}, which avoids
 * the cancellation in {@code ||p|| - 1}. In the polar frame {@code grad f = -a rho r + (c sin phi / (1+rho)) phi_hat},
 * so one step {@code p - eta grad f = A r + B phi_hat} with
 * <pre>
 *   A = 1 + rho (1 + eta a),   B = -eta c sin(phi) / (1 + rho),
 *   rho <- rho (1 + eta a) + B^2 / (sqrt(A^2 + B^2) + A),   phi <- phi + atan2(B, A)
 * </pre>
 * (for {@code A <= 0}, possible only in the convex case with {@code eta m > 1}, the radius is
 * {@code sqrt(A^2 + B^2)} directly). Started on the circle with {@code a > 0}, {@code rho >= 0} at every
 * step, so GD never approaches the singularity at the origin. The distance to the flow at
 * {@code t = k eta} is {@code sqrt(rho^2 + 4 (1 + rho) sin^2((phi - phi(t)) / 2))}.
 *
 * <p>All arithmetic is double: {@code rho} is stored, never formed as a difference, so its relative
 * rounding error after {@code k} steps is about {@code k} units of {@code 2^-53} (below {@code 1e-9} for
 * the {@code 3e6} steps of {@code m t = 16}).
 */
public final class CircleSaddle {

    /** {@code |rho|} beyond which GD is declared divergent (the distance is then reported as infinite). */
    public static final double DIVERGED = 1e6;

    /** Galloping stops at {@code k = 2^MAX_DOUBLINGS} steps (about 1.1e9): far beyond {@code m t = 16}. */
    private static final int MAX_DOUBLINGS = 30;

    private final double a;
    private final double c;
    private final double phi0;

    /**
     * @param a    signed radial curvature: {@code m} (repelling circle) or {@code -m} (attracting)
     * @param c    tangential strength, {@code > 0}
     * @param phi0 starting angle, finite
     */
    private CircleSaddle(double a, double c, double phi0) {
        this.a = Checks.finite("a", a);
        this.c = Checks.positive("c", c);
        this.phi0 = Checks.finite("phi0", phi0);
    }

    /** The claim's instance (repelling circle), {@code m > 0}. @throws IllegalArgumentException naming a bad value */
    public static CircleSaddle repelling(double m, double c, double phi0) {
        return new CircleSaddle(Checks.positive("m", m), c, phi0);
    }

    /** The convex counterpart (attracting circle), {@code m > 0}. @throws IllegalArgumentException naming a bad value */
    public static CircleSaddle attracting(double m, double c, double phi0) {
        return new CircleSaddle(-Checks.positive("m", m), c, phi0);
    }

    /** The signed radial curvature {@code a}. */
    public double a() {
        return a;
    }

    public double c() {
        return c;
    }

    public double phi0() {
        return phi0;
    }

    /** The flow's angle {@code phi(t) = 2 arctan(tan(phi_0 / 2) e^{-ct})} (the flow stays on the unit circle). */
    public double flowAngle(double t) {
        return 2 * Math.atan(Math.tan(phi0 / 2) * Math.exp(-c * t));
    }

    /**
     * A GD state in polar form, {@code p = (1 + rho)(cos phi, sin phi)}.
     *
     * @param rho {@code ||p|| - 1}
     * @param phi the angle (not reduced mod 2 pi)
     */
    public record Polar(double rho, double phi) {

        /** The Cartesian point. */
        public double[] cartesian() {
            return new double[] {(1 + rho) * Math.cos(phi), (1 + rho) * Math.sin(phi)};
        }
    }

    /** The start on the unit circle, {@code (0, phi_0)}. */
    public Polar start() {
        return new Polar(0, phi0);
    }

    /** One GD step from {@code s} with step {@code eta} (the cancellation-free polar update). */
    public Polar step(Polar s, double eta) {
        double growth = 1 + eta * a;
        double aa = 1 + s.rho() * growth;
        double bb = -eta * c * Math.sin(s.phi()) / (1 + s.rho());
        double r = Math.sqrt(aa * aa + bb * bb);
        double rho = aa > 0 ? s.rho() * growth + bb * bb / (r + aa) : r - 1;
        return new Polar(rho, s.phi() + Math.atan2(bb, aa));
    }

    /** {@code ||p - (cos psi, sin psi)||} for {@code p} in polar form: {@code sqrt(rho^2 + 4(1+rho) sin^2((phi - psi)/2))}. */
    public static double distance(Polar p, double psi) {
        double s = Math.sin((p.phi() - psi) / 2);
        return Math.sqrt(p.rho() * p.rho() + 4 * (1 + p.rho()) * s * s);
    }

    /**
     * The distance between GD with {@code k} steps of {@code eta = t/k} and the flow at {@code t}; infinite
     * when GD diverges ({@code |rho| > DIVERGED} or the origin is hit).
     *
     * @throws IllegalArgumentException if {@code t <= 0} or {@code k < 1}, naming the value
     */
    public double distanceAt(double t, long k) {
        Checks.positive("t", t);
        Checks.atLeast("k", k, 1);
        double eta = t / k;
        Polar p = start();
        for (long j = 0; j < k; j++) {
            p = step(p, eta);
            if (!(Math.abs(p.rho()) <= DIVERGED) || p.rho() <= -1) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return distance(p, flowAngle(t));
    }

    /**
     * {@code k*}: the least {@code k} with {@code distanceAt(t, k) <= eps}, by {@link LeastStepCount} on
     * {@code 1/distance - 1/eps}. For the repelling instance the search starts at the linear theory's
     * {@code k = t e^{mt} / exp(linearTheoryLogEtaStarPlusMt)} and interpolates (the linear theory's
     * {@code rho(t) ~ (eta/2) int e^{m(t-s)} c^2 sin^2 phi ds} decreases in {@code k}); for the attracting
     * one it gallops from {@code k = 1} and bisects. Either way {@code distance(k* - 1) > eps >= distance(k*)}.
     *
     * @throws IllegalArgumentException if {@code t <= 0} or {@code eps <= 0}, naming the value
     * @throws IllegalStateException    if no {@code k <= 2^30} is within {@code eps}
     */
    public long threshold(double t, double eps) {
        Checks.positive("t", t);
        Checks.positive("eps", eps);
        BigInteger guess = null;
        if (a > 0) {
            double k = t * Math.exp(a * t - linearTheoryLogEtaStarPlusMt(t, eps));
            guess = BigInteger.valueOf((long) Math.min(Math.max(k, 1), 1L << MAX_DOUBLINGS));
        }
        double inverseEps = 1 / eps;
        return LeastStepCount.search(k -> {
            double d = distanceAt(t, k.longValueExact());
            return d == 0 ? BigDecimal.ONE : new BigDecimal(1 / d - inverseEps);
        }, guess, MAX_DOUBLINGS, "t = " + t + ", eps = " + eps + ", a = " + a).longValueExact();
    }

    /**
     * The linear theory's {@code ln(eta* e^{mt})}: {@code rho(t) ~ (eta/2) e^{mt} int_0^t e^{-ms} c^2 sin^2 phi(s) ds},
     * so {@code eta* e^{mt} ~ 2 eps / int_0^t e^{-ms} c^2 sin^2 phi(s) ds}. Meaningful for the repelling
     * instance ({@code a > 0}); the integral by Gauss-Legendre quadrature (Hipparchus).
     */
    public double linearTheoryLogEtaStarPlusMt(double t, double eps) {
        IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(8, 1e-13, 1e-15);
        double integral = q.integrate(100_000, s -> {
            double sin = Math.sin(flowAngle(s));
            return Math.exp(-a * s) * c * c * sin * sin;
        }, 0, t);
        return Math.log(2 * eps / integral);
    }
}
