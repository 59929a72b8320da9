/**
 * Claim {@code prop2}: <em>"gradient flow over a deep linear neural network with scalar output, started
 * at a random near-zero initialisation, converges (almost surely) to a global minimum"</em> -- the
 * gradient-flow result that the paper (Elkabetz &amp; Cohen, NeurIPS 2021) translates to gradient descent
 * in Theorem 3 (claim {@code thm3}). Time to converge is of order {@code alpha^-(N-2)} for depth
 * {@code N >= 3} and {@code log(1/alpha)} for {@code N = 2} (math brief, section 4).
 *
 * <p>Checks ({@link gfgd.prop2.Prop2Check}, on the brief's explicit data):
 * <ul>
 *   <li>every flow reaches {@code f - f* <= 1e-4 (f(theta_0) - f*)} within its budget (figure
 *       {@code failures} = 0), {@code f*} the least-squares optimum over linear predictors;</li>
 *   <li>the hitting time's exponent against {@code 1/alpha} is 1 for N = 3 and 2 for N = 4 within 0.1
 *       (figures {@code iterationExponent_N3}, {@code iterationExponent_N4}); N = 2 grows logarithmically
 *       (figure {@code n2Increment}, time per decade);</li>
 *   <li>negative control: the measure-zero starts (two zero layers; the sign-balanced scalar start) do not
 *       converge, so "for every initialisation" is refuted.</li>
 * </ul>
 * The predicate is {@link gfgd.prop2.FlowConverges}; the registered claim is {@link gfgd.prop2.Prop2Claim};
 * the shared machinery is {@link gfgd.dln}. Under {@code property-tests/gfgd/prop2/},
 * {@code FlowConvergesProperties} checks the predicate on random problems from
 * {@code gfgd.objective.DeepLinearProblems}.
 */
package gfgd.prop2;
