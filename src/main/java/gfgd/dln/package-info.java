/**
 * Deep linear networks with scalar output started near zero: the shared machinery of claims
 * {@code prop2} (gradient flow) and {@code thm3} (gradient descent), which must not depend on each other.
 *
 * <p>{@link gfgd.dln.Problem} (a net, its data and a start), {@link gfgd.dln.NearZeroStart} (Gaussian or
 * uniform entries of standard deviation {@code alpha}), {@link gfgd.dln.DegenerateStarts} (the
 * measure-zero starts that never converge), {@link gfgd.dln.Budget} (the time or step budget, of order
 * {@code alpha^-(N-2)} for {@code N >= 3} and {@code log(1/alpha)} for {@code N = 2}),
 * {@link gfgd.dln.Convergence} (GD and GF run until the relative optimality gap reaches {@code eps}),
 * {@link gfgd.dln.Scaling} (pooled log-log fits) and {@link gfgd.dln.BriefSweep} (the sweep on the math
 * brief's explicit data). The global optimum {@code f*} is {@link gfgd.objective.LeastSquares}.
 */
package gfgd.dln;
