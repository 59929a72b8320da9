package gfgd.dynamics;

/**
 * The state reached by a gradient-flow solver and the evidence of its accuracy.
 *
 * @param theta         {@code theta(time)}, a {@code d x 1} vector (owned by the result; callers must not modify it)
 * @param time          the final time {@code T}
 * @param errorEstimate the solver's estimate of {@code ||theta - theta_exact(T)||_inf} (absolute, max-norm);
 *                      {@code 0} for closed forms, {@code NaN} when no estimate was asked for
 * @param steps         accepted integration steps (0 for closed forms)
 * @param crossings     events located on a piecewise-smooth field: switching-function sign changes,
 *                      entries into and exits from sliding along a kink (0 for smooth fields)
 * @param method        which solver produced it, e.g. {@code "DOP853(rtol=1e-12, atol=1e-12)"}
 * @param <M>           state type
 */
public record FlowResult<M>(M theta, double time, double errorEstimate, long steps, long crossings, String method) {
}
