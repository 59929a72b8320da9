package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.objective.Objective;

/**
 * Gradient descent {@code theta_{k+1} = theta_k - eta grad f(theta_k)}, i.e. Euler's method on
 * {@link GradientFlow} with step {@code eta}, in either arithmetic.
 *
 * <p>{@link #run} reports to {@link GridHandler}s on the grid {@code t = k * eta}, sampled every
 * {@link #sampleEvery()} steps, and stops with {@link Status#DIVERGED} (never a silent NaN) when the
 * state stops being finite (checked at every step) or the loss, evaluated every {@link #checkEvery()}
 * steps (default: every step) and at the last, is not finite or exceeds
 * {@code divergenceFactor * max(|f(theta_0)|, 1)}. The iterate is updated in place inside the loop
 * ({@code theta <- theta - eta grad f(theta)}); nothing the caller passes is modified. Immutable:
 * configuration returns new instances.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class GradientDescent<S, M> {

    /** Default divergence factor: a loss {@code 10^12} times the initial one is a blow-up, not a transient. */
    public static final double DEFAULT_DIVERGENCE_FACTOR = 1e12;

    /** Receives progress of long runs: {@code k} steps done out of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void report(long k, long total);
    }

    /** How a run ended. */
    public enum Status {
        /** All requested steps were taken with a finite state and loss below the divergence limit. */
        COMPLETED,
        /** The run stopped early: non-finite state or loss, or loss above the divergence limit. */
        DIVERGED
    }

    /**
     * The outcome of {@link #run}.
     *
     * @param state       the last iterate (on divergence: the first iterate found diverged); owned by the caller
     * @param steps       the number of steps taken
     * @param status      {@link Status#COMPLETED} or {@link Status#DIVERGED}
     * @param reason      why the run stopped, naming the step and the offending value
     * @param initialLoss {@code f(theta_0)}
     * @param finalLoss   {@code f(state)} (may be non-finite in double when diverged)
     */
    public record Result<S, M>(M state, long steps, Status status, String reason, S initialLoss, S finalLoss) {

        public boolean completed() {
            return status == Status.COMPLETED;
        }
    }

    private final Objective<S, M> f;
    private final S eta;
    private final S minusEta;
    private final long sampleEvery;
    private final long checkEvery;
    private final double divergenceFactor;
    private final long progressEvery;
    private final Progress progress;

    private GradientDescent(Objective<S, M> f, S eta, long sampleEvery, long checkEvery, double divergenceFactor,
                            long progressEvery, Progress progress) {
        this.f = f;
        this.eta = eta;
        this.minusEta = f.arithmetic().negate(eta);
        this.sampleEvery = sampleEvery;
        this.checkEvery = checkEvery;
        this.divergenceFactor = divergenceFactor;
        this.progressEvery = progressEvery;
        this.progress = progress;
    }

    /**
     * Gradient descent on {@code f} with step {@code eta}, handlers called at every step, the loss
     * checked at every step, divergence factor {@link #DEFAULT_DIVERGENCE_FACTOR}, no progress reports.
     *
     * @throws IllegalArgumentException if {@code eta <= 0} or not finite, naming eta and its value
     */
    public static <S, M> GradientDescent<S, M> of(Objective<S, M> f, S eta) {
        if (f == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        StepSizes.requirePositive("eta", f.arithmetic(), eta);
        return new GradientDescent<>(f, eta, 1, 1, DEFAULT_DIVERGENCE_FACTOR, 0, null);
    }

    /**
     * This method with handlers called at {@code k = 0, every, 2*every, ...} and at the last step.
     *
     * @throws IllegalArgumentException if {@code every < 1}
     */
    public GradientDescent<S, M> withSampleEvery(long every) {
        requireAtLeastOne("sampleEvery", every);
        return new GradientDescent<>(f, eta, every, checkEvery, divergenceFactor, progressEvery, progress);
    }

    /**
     * This method with the loss evaluated for the divergence check every {@code every} steps and at the
     * last step (each check costs about one gradient evaluation); the state's finiteness is checked at
     * every step regardless, so a non-finite state never reaches a handler.
     *
     * @throws IllegalArgumentException if {@code every < 1}
     */
    public GradientDescent<S, M> withCheckEvery(long every) {
        requireAtLeastOne("checkEvery", every);
        return new GradientDescent<>(f, eta, sampleEvery, every, divergenceFactor, progressEvery, progress);
    }

    /**
     * This method with divergence declared when the loss exceeds {@code factor * max(|f(theta_0)|, 1)};
     * {@code Double.POSITIVE_INFINITY} keeps only the non-finite checks.
     *
     * @throws IllegalArgumentException if {@code factor} is not positive (or is NaN)
     */
    public GradientDescent<S, M> withDivergenceFactor(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("divergenceFactor must be positive, got " + factor);
        }
        return new GradientDescent<>(f, eta, sampleEvery, checkEvery, factor, progressEvery, progress);
    }

    /**
     * This method reporting to {@code progress} after every {@code every} steps.
     *
     * @throws IllegalArgumentException if {@code every < 1} or {@code progress} is null
     */
    public GradientDescent<S, M> withProgress(long every, Progress progress) {
        requireAtLeastOne("progressEvery", every);
        if (progress == null) {
            throw new IllegalArgumentException("progress must not be null");
        }
        return new GradientDescent<>(f, eta, sampleEvery, checkEvery, divergenceFactor, every, progress);
    }

    public Objective<S, M> objective() {
        return f;
    }

    /** The step size {@code eta}. */
    public S eta() {
        return eta;
    }

    public long sampleEvery() {
        return sampleEvery;
    }

    public long checkEvery() {
        return checkEvery;
    }

    public double divergenceFactor() {
        return divergenceFactor;
    }

    /** This method as Euler's method on the gradient flow of the objective. */
    public Euler<S, M> asEuler() {
        return Euler.of(GradientFlow.of(f), eta);
    }

    /**
     * One step {@code theta - eta grad f(theta)}, a new vector; {@code theta} is not modified.
     *
     * @throws IllegalArgumentException if {@code theta} is not a {@code d x 1} vector
     */
    public M step(M theta) {
        f.requireParameters(theta);
        return f.arithmetic().addScaled(theta, minusEta, f.gradient(theta));
    }

    /**
     * Runs {@code steps} steps from {@code theta0} (not modified). Each handler gets
     * {@code init(theta0, eta)}, then {@code handleStep(k, theta_k)} at {@code k = 0, every, 2*every, ...}
     * and at {@code k = steps}, then {@code finish(steps, theta_steps)}. On divergence at step {@code j}
     * the run stops there: handlers get {@code finish(j, theta_j)} (no {@code handleStep} for the
     * diverged state) and the result says {@link Status#DIVERGED}, naming {@code j} and the value.
     * Handlers must not modify the states they are given.
     *
     * @throws IllegalArgumentException if {@code steps < 0} or {@code theta0} is not a {@code d x 1} vector
     *                                  or not finite
     */
    @SafeVarargs
    public final Result<S, M> run(M theta0, long steps, GridHandler<M>... handlers) {
        Arithmetic<S, M> a = f.arithmetic();
        f.requireParameters(theta0);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (!a.isFinite(theta0)) {
            throw new IllegalArgumentException("theta0 must be finite, got " + firstNonFinite(a, theta0));
        }
        S loss0 = f.value(theta0);
        double l0 = a.toDouble(loss0);
        if (!Double.isFinite(l0)) {
            throw new IllegalArgumentException("f(theta0) must be finite, got " + a.toString(loss0));
        }
        double limit = divergenceFactor * Math.max(Math.abs(l0), 1.0);
        double etaDouble = a.toDouble(eta);
        M theta = a.copy(theta0);
        for (GridHandler<M> h : handlers) {
            h.init(theta0, etaDouble);
        }
        for (GridHandler<M> h : handlers) {
            h.handleStep(0, theta);
        }
        String reason = null;
        S lastLoss = loss0;
        long lastLossAt = 0;
        long k = 0;
        M gradient = a.zeros(f.dimension(), 1);
        while (k < steps) {
            a.addInPlace(theta, minusEta, f.gradientInto(theta, gradient));
            k++;
            if (!a.isFinite(theta)) {
                reason = "diverged at step " + k + ": state entry " + firstNonFinite(a, theta);
                break;
            }
            boolean sample = k % sampleEvery == 0 || k == steps;
            if (k % checkEvery == 0 || k == steps) {
                lastLoss = f.value(theta);
                lastLossAt = k;
                double l = a.toDouble(lastLoss);
                if (!Double.isFinite(l) || l > limit) {
                    reason = "diverged at step " + k + ": loss = " + a.toString(lastLoss) + (l > limit
                            ? " exceeds " + limit + " (divergenceFactor " + divergenceFactor
                              + " x max(|initial loss " + l0 + "|, 1))"
                            : " is not finite as a double");
                    break;
                }
            }
            if (sample) {
                for (GridHandler<M> h : handlers) {
                    h.handleStep(k, theta);
                }
            }
            if (progress != null && k % progressEvery == 0) {
                progress.report(k, steps);
            }
        }
        for (GridHandler<M> h : handlers) {
            h.finish(k, theta);
        }
        S lossFinal = lastLossAt == k ? lastLoss : f.value(theta);
        Status status = reason == null ? Status.COMPLETED : Status.DIVERGED;
        return new Result<>(a.copy(theta), k, status, reason == null ? "completed " + k + " steps" : reason,
                loss0, lossFinal);
    }

    private static <S, M> String firstNonFinite(Arithmetic<S, M> a, M m) {
        double[] d = a.toDoubles(m);
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                return "[" + i + "] = " + d[i];
            }
        }
        return "(none)";
    }

    private static void requireAtLeastOne(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
    }

    @Override
    public String toString() {
        return "GradientDescent(eta=" + f.arithmetic().toString(eta) + ", " + f + ")";
    }
}
