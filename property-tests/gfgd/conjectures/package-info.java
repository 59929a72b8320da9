/**
 * Conjectures that are not claims of the paper, written as jqwik properties: the place to add a property
 * test for a new conjecture (README, "Adding a property test for a new conjecture").
 *
 * <p>{@code GradientPowerBoundProperties} is the worked example: the gradient-power bound of the math
 * brief (section 3c.3), conjectured for every initialisation, is FALSE (falsifier F1, an unbalanced start),
 * and the property is kept as an expected failure ({@link gfgd.conjectures.ExpectCounterexample}): the build
 * fails if jqwik stops finding the counterexample.
 */
package gfgd.conjectures;
