/**
 * Claim {@code thm2}: Theorem 2 of Elkabetz &amp; Cohen (NeurIPS 2021) in the precise form of the math
 * brief, section 3: <em>"for deep linear nets initialised near zero, the Hessian's negative curvature
 * along gradient flow is small in aggregate"</em> -- not pointwise. {@code lambda_min} is unbounded below
 * across space and reaches an O(1), alpha-independent minimum along every flow from near zero; what
 * holds is that {@code int_0^inf lambda_- dt = -(N-1) ln(1/alpha) + O(1)}, so {@code exp(-int lambda_-)}
 * is polynomial, not exponential, in {@code 1/alpha}.
 *
 * <p>Setting: {@code f = 1/(2m)||W_N...W_1 X - y||^2} on the brief's explicit data ({@code d_0 = 3},
 * {@code m = 5}), depths 2, 3, 4 with widths {@code [3]}, {@code [3,2]}, {@code [3,4,2]}; gradient flow by
 * {@link gfgd.curvature.CurvatureFlow} (DOP853 in a rescaled clock carrying {@code int lambda_-} as a
 * state), {@code lambda_min} by the dense Hessian spectrum. Checks ({@link gfgd.thm2.Thm2Check}):
 * <ol>
 *   <li>across space (3a): explicit families reach {@code lambda_min <= -1e6} (figure
 *       {@code mostNegativeAcrossSpace}); dense and Lanczos values match the exact ones ({@code 1 - s^2},
 *       {@code -s}, {@code -||W_N...W_3||_2 ||b||}) to 1e-12 relative;</li>
 *   <li>the pointwise bound (3b) {@code lambda_min >= -(N-1)||grad l(W_{N:1})|| max_{i<j} prod_{l!=i,j}||W_l||_2}
 *       at random points on the explicit and on Gaussian data ({@code maxBoundRatioRandom <= 1 + 1e-9})
 *       and along every flow, and its sharpness ({@code maxBoundRatioTrajectory >= 0.95} at
 *       {@code alpha = 0.01});</li>
 *   <li>the integral (3c.2): from {@code theta_0 = alpha G} (fixed directions {@code G}, alpha over two
 *       decades) the band width of {@code int lambda_- + (N-1) ln(1/alpha)} ({@code integralBandWidth}) and
 *       the fitted slopes ({@code integralSlope_N2/N3/N4} within 0.1 of {@code N-1}); the balanced scalar
 *       net's closed form reproduced to 1e-6 ({@code closedFormGap});</li>
 *   <li>the gradient-power form (3c.3) for near-balanced init, N = 3, 4: {@code maxGradientPowerRatio}
 *       bounded and not growing as alpha shrinks; falsifier F1's ratios in the evidence.</li>
 * </ol>
 * Negative control (must FAIL): pointwise smallness {@code min_t lambda_min >= -sqrt(alpha)} (brief
 * 3c.1), and the gradient-power bound of check 4 on unbalanced init (F1). A ReLU net 3-4-4-1 without
 * biases ({@link gfgd.dynamics.ReluFlow}, kinks located) is profiled as evidence only: convergence to a
 * global minimum is not claimed there. The registered claim is {@link gfgd.thm2.Thm2Claim}; the
 * predicates on one net are in {@link gfgd.thm2.CurvatureAlongFlow}. Under
 * {@code property-tests/gfgd/thm2/}, {@code PointwiseBoundProperties} checks the bound of 3b on generated
 * deep linear nets.
 */
package gfgd.thm2;
