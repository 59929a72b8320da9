/**
 * Claim {@code thm1}, Theorem 1 of Elkabetz and Cohen (2021), as summarised by its authors: the distance
 * between gradient descent with step {@code eta} and gradient flow at time {@code t = k eta} is at most of
 * order {@code exp(-int_0^t lambda_-(s) ds) t eta}, {@code lambda_-} the negative part of the smallest
 * eigenvalue of the Hessian along the flow.
 *
 * <p>Checks ({@link gfgd.thm1.Thm1Check}), on the smooth {@link gfgd.thm1.Thm1Instance instances}:
 * <ol>
 *   <li>Leading order: GD in apfloat against the flow augmented with the variational equation
 *       ({@link gfgd.thm1.VariationalFlow}, Taylor series in apfloat): the max distance scales like
 *       {@code eta} (figure {@code errorOrder}), and {@code err/eta - e = O(eta)} (figures
 *       {@code leadingTermGap}, {@code <id>.gapOrder}).</li>
 *   <li>Curvature bound ({@link gfgd.thm1.CurvatureBound}): {@code ||e|| <= B} and {@code err <= eta B (1 + slack)}
 *       (figure {@code maxBoundRatio}).</li>
 *   <li>Discrete a-posteriori bound ({@link gfgd.thm1.DiscreteBound}, with {@link gfgd.thm1.HessianLipschitz}):
 *       {@code err_j <= E_j} at every step (figure {@code maxDiscreteRatio}).</li>
 * </ol>
 * A ReLU net is measured as evidence only ({@link gfgd.thm1.ReluEvidence}, figures {@code relu*}). The
 * negative control drops the exponential factor of the bound, which the tilted double well violates.
 *
 * <p>Claim {@code thm1-certified} ({@link gfgd.thm1.CertifiedClaim}, sweep {@link gfgd.thm1.CertifiedCheck}) proves
 * on instances, by interval arithmetic, that {@code ||theta_j - theta(j eta)|| <= E_j <= eta B(j eta)(1 + c eta)}
 * at every step {@code j <= T/eta} (figures {@code certifiedSteps}, {@code undecidedSteps}, {@code maxEnclosureWidth},
 * {@code minMargin}, {@code digits}); its control, the convex-case bound without the exponential factor, must be
 * REFUTED (a proved violation) on the tilted double well.
 */
package gfgd.thm1;
