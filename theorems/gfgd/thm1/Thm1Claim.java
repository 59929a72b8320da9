package gfgd.thm1;

import gfgd.claims.Claim;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;

/** Claim {@code thm1}: Theorem 1, the distance between GD and GF (see the package documentation). */
public final class Thm1Claim implements Claim {

    @Override
    public String id() {
        return "thm1";
    }

    @Override
    public String title() {
        return "GD stays within O(exp(-int lambda_-) t eta) of GF";
    }

    @Override
    public String reference() {
        return "Theorem 1 (distance between gradient descent and gradient flow)";
    }

    @Override
    public String statement() {
        return "On three smooth objectives (the 2-D tilted double well (x^2-1)^2/4 + (y-x/2)^2/2 from (0.05, 0) on "
                + "[0, 8]; the depth-3 scalar net (abc-1)^2/2 from (0.3, 0.25, 0.2) on [0, 10]; a depth-3 deep linear "
                + "net 3-3-2-1 on the brief's data from a seeded Gaussian start of scale " + Thm1Instance.DLN_ALPHA
                + " on [0, 20]) and nested step sizes eta, GD iterates theta_k (apfloat, " + Thm1Check.DIGITS
                + " digits) and the gradient flow theta(t) (Taylor series in apfloat) satisfy, at every k: "
                + "(i) max_k ||theta_k - theta(k eta)|| scales like eta^1 (log-log slope within "
                + Thm1Check.ORDER_TOLERANCE + ") and (theta_k - theta(k eta))/eta - e(k eta) = O(eta), e solving "
                + "e' = -H e - 1/2 H grad f, e(0) = 0; (ii) ||e(t)|| <= B(t) = 1/2 int_0^t exp(-int_s^t lambda_-) "
                + "||H grad f||(s) ds and ||theta_k - theta(k eta)|| <= eta B(k eta) (1 + " + Thm1Check.BOUND_SLACK
                + "), lambda_- the negative part of the smallest Hessian eigenvalue along GF; (iii) "
                + "||theta_k - theta(k eta)|| <= E_k (1 + " + Thm1Check.DISCRETE_TOLERANCE + "), E_k the a-posteriori "
                + "Euler-map bound with the supremum over its tube bounded by Weyl's inequality and an explicit "
                + "Hessian Lipschitz constant. A ReLU net is measured as evidence only (not smooth, not asserted).";
    }

    @Override
    public String negativeControlDescription() {
        return "The bound without its exponential factor, B replaced by the convex-case (t/2) max ||H grad f||, on "
                + "the 2-D tilted double well must be violated.";
    }

    @Override
    public Verdict check(Settings settings) {
        return Thm1Check.run(settings, false);
    }

    @Override
    public Verdict negativeControl(Settings settings) {
        return Thm1Check.run(settings, true);
    }
}
