package gfgd.euler;

import gfgd.claims.Claim;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;

/** Claim {@code euler}: gradient descent is Euler's method for gradient flow (see the package documentation). */
public final class EulerClaim implements Claim {

    @Override
    public String id() {
        return "euler";
    }

    @Override
    public String title() {
        return "GD is Euler's method for GF";
    }

    @Override
    public String reference() {
        return "Section 2 (GD as the Euler discretisation of GF; the premise of Theorem 1)";
    }

    @Override
    public String statement() {
        return "On quadratics f(theta) = 1/2 theta'A theta - b'theta (A symmetric; two explicit instances, one "
                + "indefinite, plus seeded random positive-definite ones) and step sizes eta = c/rho(A), "
                + "c in {0.1, 1, 1.9}, the gradient-descent iterates theta_{k+1} = theta_k - eta grad f(theta_k), "
                + "k = 0..K, computed in apfloat (" + EulerCheck.DIGITS + " digits + guard), (i) equal the closed "
                + "form (I - eta A)^k theta_0 + sum_{j<k} (I - eta A)^j eta b (a power by squaring of the affine "
                + "map in homogeneous coordinates) and (ii) each equal the Euler map theta_k + eta g(theta_k) of "
                + "the gradient-flow field g = -grad f, both to relative deviation <= " + EulerCheck.TOLERANCE + ".";
    }

    @Override
    public String negativeControlDescription() {
        return "GD run with the wrong step eta(1 + 1e-6), compared with the closed form and Euler map at eta, must be detected.";
    }

    @Override
    public Verdict check(Settings settings) {
        return EulerCheck.run(settings, false);
    }

    @Override
    public Verdict negativeControl(Settings settings) {
        return EulerCheck.run(settings, true);
    }
}
