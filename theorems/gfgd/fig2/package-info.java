/**
 * Claim {@code fig2}: the paper's Figure 2 (Elkabetz &amp; Cohen, NeurIPS 2021): <em>"reducing the step
 * size of gradient descent barely changes its trajectory"</em> -- GD with step {@code eta0 = 1e-3} on
 * fully connected networks {@code [784, 50, 50, 10]} (linear and ReLU, no biases, cross-entropy) over
 * 1000 MNIST images, compared at equal time {@code t = k eta0} with every {@code r}-th iterate of GD with
 * step {@code eta0 / r}, {@code r = 2, 5, 10, 20}, from the same initialisation: the training losses
 * coincide and the runs stay far closer to each other than to their start. This is the empirical side of
 * Theorem 1: GD stays close to gradient flow, of which every smaller step is a better approximation.
 *
 * <p>Checks ({@link gfgd.fig2.Fig2Check}, predicate {@link gfgd.fig2.StepRefinement}):
 * <ul>
 *   <li>for each {@code r} and each variant,
 *       {@code maxRelDistance_r = max_t ||theta_eta0(t) - theta_eta0/r(t)|| / ||theta_eta0(t) - theta(0)||}
 *       is at most {@link gfgd.fig2.Fig2Check#THRESHOLD} (0.1), a bound justified by Theorem 1's first-order
 *       term {@code eta (1 - 1/r) e(t)} (paper-notes.md, fig2);</li>
 *   <li>the ratios of the linear net (a smooth loss, where Theorem 1's expansion applies) follow the
 *       first-order law: {@code ratio_r / (1 - 1/r)} is constant across {@code r} within
 *       {@link gfgd.fig2.Fig2Check#FIT_TOLERANCE} ({@code firstOrderFit}); the ReLU net's fit is
 *       reported;</li>
 *   <li>{@code maxRelLossGap_r}, the largest loss difference relative to the loss decrease, is
 *       reported;</li>
 *   <li>negative control: the same comparison at {@code eta = 0.95 x 2 / lambda_max(theta(0))}, near the
 *       edge of stability of GD ({@code lambda_max} by {@link gfgd.curvature.Lanczos}), must exceed the
 *       threshold.</li>
 * </ul>
 * Quick settings run the first 1000 digits ({@code [64, 50, 50, 10]}, {@code eta0 = 6e-3}, 200 steps);
 * thorough settings the published setup on mnist-1000 ({@link gfgd.objective.Mnist}). The registered
 * claim is {@link gfgd.fig2.Fig2Claim}.
 */
package gfgd.fig2;
