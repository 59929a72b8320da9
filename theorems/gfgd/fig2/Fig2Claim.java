package gfgd.fig2;

import gfgd.claims.Claim;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;

/** Claim {@code fig2}: reducing the step size of GD barely changes its trajectory (see the package documentation). */
public final class Fig2Claim implements Claim {

    @Override
    public String id() {
        return "fig2";
    }

    @Override
    public String title() {
        return "Figure 2: GD with eta0 and eta0/r barely differ";
    }

    @Override
    public String reference() {
        return "Figure 2 (GD with eta0 = 1e-3 against eta0/r, r = 2, 5, 10, 20, fully connected nets on MNIST)";
    }

    @Override
    public String statement() {
        return "For fully connected networks without biases (linear and ReLU), softmax cross-entropy, a seeded "
                + "Xavier-uniform start theta(0), gradient descent with step eta0 and with step eta0/r, "
                + "r in {2, 5, 10, 20}, from theta(0), compared at 100 equally spaced times t = k eta0 (iterate k "
                + "against iterate r k), satisfy max_t ||theta_eta0(t) - theta_eta0/r(t)|| / ||theta_eta0(t) - "
                + "theta(0)|| <= " + Fig2Check.THRESHOLD + " for every r and both variants, and the ratios of the smooth "
                + "(linear) net follow the first-order law ratio_r = (1 - 1/r) c: (max_r c_r - min_r c_r) / max_r c_r <= "
                + Fig2Check.FIT_TOLERANCE + ", c_r = ratio_r / (1 - 1/r) (reported for ReLU). Quick: the first 1000 "
                + "digits, [64, 50, 50, 10], eta0 = 6e-3, "
                + "200 steps; thorough: mnist-1000 (pixels (x - 0.1307)/0.3081), [784, 50, 50, 10], eta0 = 1e-3, "
                + "10,000 steps; float64.";
    }

    @Override
    public String negativeControlDescription() {
        return "The same comparison with the step eta = " + Fig2Check.CONTROL_EDGE_FRACTION
                + " x 2/lambda_max(theta(0)), near GD's edge of stability (lambda_max by Lanczos), must exceed the threshold.";
    }

    @Override
    public Verdict check(Settings settings) {
        return Fig2Check.run(settings, false);
    }

    @Override
    public Verdict negativeControl(Settings settings) {
        return Fig2Check.run(settings, true);
    }
}
