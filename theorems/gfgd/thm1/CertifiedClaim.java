package gfgd.thm1;

import gfgd.claims.Claim;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;

/** Claim {@code thm1-certified}: Theorem 1's discrete bound proved on instances by interval arithmetic (see the package documentation). */
public final class CertifiedClaim implements Claim {

    @Override
    public String id() {
        return "thm1-certified";
    }

    @Override
    public String title() {
        return "Theorem 1 certified on instances (interval enclosures of GD and GF)";
    }

    @Override
    public String reference() {
        return "Theorem 1 (GD stays close to GF; math brief 1c, the Euler-map bound E_j), as a computer-assisted proof";
    }

    @Override
    public String statement() {
        return "On the tilted double well from (0.05, 0), the depth-3 scalar net (abc-1)^2/2 from (0.3, 0.25, 0.2) "
                + "and a deep linear net 3-1-1 on the brief's data, for eta in {0.02, 0.01} (0.005 thorough) and "
                + "T = " + CertifiedCheck.HORIZON + ", every step j <= T/eta satisfies ||theta_j - theta(j eta)|| <= E_j "
                + "(E_0 = 0, E_{j+1} = L_j E_j + delta_j, L_j and delta_j rigorous upper bounds), proved by enclosures "
                + "at " + CertifiedCheck.DIGITS + " digits: validated Taylor integration of GF, interval GD, interval "
                + "Cholesky eigenvalue bounds. PASS only if every step is CERTIFIED.";
    }

    @Override
    public String negativeControlDescription() {
        return "The convex-case bound eta (t/2) max_{s<=t} ||H grad f|| (no exponential factor) in place of E_j on "
                + "the tilted double well at eta = 0.01 must be REFUTED (a proved violation) at some step.";
    }

    @Override
    public Verdict check(Settings settings) {
        return CertifiedCheck.run(settings);
    }

    @Override
    public Verdict negativeControl(Settings settings) {
        return CertifiedCheck.control(settings);
    }
}
