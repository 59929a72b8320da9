/**
 * Claim {@code thm3}: <em>"random near-zero initialisation almost surely leads gradient descent over a
 * deep (three or more layer) linear neural network with scalar output, of fixed size, to efficiently
 * converge to a global minimum"</em> (Elkabetz &amp; Cohen, NeurIPS 2021, Theorem 3, obtained by
 * translating the gradient-flow analysis of Proposition 2, claim {@code prop2}, to GD whose step
 * satisfies {@code eta <= 1 / lambda_max} on the region it crosses). Iterations to converge are of order
 * {@code alpha^-(N-2)} for depth {@code N >= 3} and {@code log(1/alpha)} for {@code N = 2} (math brief, section 4).
 *
 * <p>Checks ({@link gfgd.thm3.Thm3Check}, on the brief's explicit data, step 0.05):
 * <ul>
 *   <li>every GD run reaches {@code f - f* <= 1e-4 (f(theta_0) - f*)} within its budget (figure
 *       {@code failures} = 0) with {@code eta lambda_max <= 1} at the start and the end
 *       ({@code maxEtaLambdaMax});</li>
 *   <li>the first such iteration K grows with exponent 1 (N = 3) and 2 (N = 4) in {@code 1/alpha}, within
 *       0.1 ({@code iterationExponent_N3}, {@code iterationExponent_N4}); for N = 2 it grows by 20 to 50
 *       steps per decade ({@code n2Increment});</li>
 *   <li>negative controls, each must fail: the measure-zero starts do not converge (refuting "for every
 *       initialisation"), and a step 1.5 times the stability edge {@code 2 / lambda_max} does not converge.</li>
 * </ul>
 * The predicate is {@link gfgd.thm3.DescentConverges}; the registered claim is {@link gfgd.thm3.Thm3Claim};
 * the shared machinery is {@link gfgd.dln}. Under {@code property-tests/gfgd/thm3/},
 * {@code DescentConvergesProperties} checks the predicate on random problems from
 * {@code gfgd.objective.DeepLinearProblems}.
 */
package gfgd.thm3;
