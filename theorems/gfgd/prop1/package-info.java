/**
 * Claim {@code prop1}, Proposition 1 of Elkabetz &amp; Cohen (NeurIPS 2021), as summarised by the authors:
 * <blockquote>for every {@code m > 0} there is an objective on which gradient descent needs a step size
 * {@code eta} in {@code O(e^{-mt})} to stay close to gradient flow up to time {@code t}.</blockquote>
 * The exponential factor of Theorem 1's bound, {@code exp(-int lambda_-)}, cannot be removed in general.
 *
 * <p>Two exhibits (the formulas are derived in the project's math brief, section 2, and summarised in
 * {@code paper-notes.md}):
 * <ul>
 *   <li><b>Family A</b>, {@link gfgd.prop1.ExpandingQuadratic}: {@code f = -(m/2) x^2}, in closed form and
 *       exactly (apfloat, {@code k*} up to {@code 10^22} and beyond); {@code eta* = (2 eps/(m^2 t)) e^{-mt} e^{delta}}
 *       with {@code |delta| <= 0.01}. Not convincing alone: the flow grows like {@code e^{mt}}, and measured
 *       relatively ({@link gfgd.prop1.ExpandingQuadratic#relativeThreshold}) the threshold is polynomial.</li>
 *   <li><b>Family B</b>, {@link gfgd.prop1.CircleSaddle}: {@code f = -(m/2)(||p|| - 1)^2 - c p_1/||p||},
 *       whose flow stays on the unit circle; GD iterated step by step in cancellation-free polar form;
 *       {@code ln eta* + m t} stays in a narrow band while {@code m t} sweeps 1 to 14 (16), and GD at
 *       {@code 4 eta*} leaves the circle.</li>
 * </ul>
 * Checks (the predicate is {@link gfgd.prop1.ExponentialNecessity}, the sweep
 * {@link gfgd.prop1.Prop1Check}, the registered claim {@link gfgd.prop1.Prop1Claim}):
 * <ul>
 *   <li>Family A: {@code maxMt >= 40}, {@code |slope + 1| <= 0.01} for the prefactor-corrected
 *       {@code ln eta*} against {@code m t}, {@code maxResidual <= 1e-2}; every {@code k*} confirmed by the
 *       GD power {@code (1 + eta m)^k} computed by squaring over a {@code BigInteger} {@code k}.</li>
 *   <li>Family B: {@code bandWidth <= 3} over {@code >= 10} units of {@code m t}; {@code escapeAt4x >= 2}.</li>
 *   <li>Negative control: the convex counterparts ({@code m -> -m}) under the same predicate must fail.</li>
 * </ul>
 * Under {@code property-tests/gfgd/prop1/}, {@code GapMonotonicityProperties} checks that Family A's gap
 * {@code E} increases in {@code eta} and in {@code k}, the monotonicity the threshold search relies on.
 */
package gfgd.prop1;
