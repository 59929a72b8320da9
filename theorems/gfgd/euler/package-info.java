/**
 * Claim {@code euler}: <em>"gradient descent is Euler's method for gradient flow"</em> -- the premise
 * of the paper (Elkabetz &amp; Cohen, NeurIPS 2021, Section 2): GD with step {@code eta},
 * {@code theta_{k+1} = theta_k - eta grad f(theta_k)}, is the Euler discretisation with step
 * {@code eta} of GF, {@code theta'(t) = -grad f(theta(t))}, so that GD's {@code theta_k} is compared
 * with GF's {@code theta(k eta)}.
 *
 * <p>Checks (on quadratics {@code f = 1/2 theta'A theta - b'theta}, apfloat at 40 digits):
 * <ul>
 *   <li>GD iterates equal the closed form {@code theta_k = (I - eta A)^k theta_0
 *       + sum_{j<k} (I - eta A)^j eta b}, computed independently as a power by squaring of the
 *       affine map in homogeneous coordinates ({@link gfgd.euler.GdIsEuler#closedForm});</li>
 *   <li>every GD step equals the Euler map {@code theta + eta g(theta)} of the field
 *       {@code g = GradientFlow.of(f)};</li>
 *   <li>negative control: GD run with the wrong step {@code eta (1 + 1e-6)} against the closed form and
 *       Euler map at {@code eta} must be detected.</li>
 * </ul>
 * The predicate is {@link gfgd.euler.GdIsEuler}; the sweep is {@link gfgd.euler.EulerCheck}; the
 * registered claim is {@link gfgd.euler.EulerClaim}. Under {@code property-tests/gfgd/euler/},
 * {@code GdIsEulerProperties} checks the same predicate (and its control) on random small quadratics,
 * semidefinite and indefinite, of dimensions 1 to 4.
 */
package gfgd.euler;
