package gfgd.dynamics;

/**
 * Observes a trajectory on the grid {@code t = k * eta}: gradient descent calls it at its iterates,
 * a gradient-flow solver at its dense-output samples, so that GD and GF are compared at equal
 * continuous time. All methods default to doing nothing. Handlers must not modify the states they are
 * given (copy what they keep).
 *
 * @param <M> state type ({@code d x 1} vectors)
 */
public interface GridHandler<M> {

    /** Called once before the first sample, with the grid spacing {@code eta} as a double. */
    default void init(M theta0, double eta) {
    }

    /** Called at grid point {@code k} (time {@code k * eta}) with the state there. */
    default void handleStep(long k, M theta) {
    }

    /** Called once after the last sample, with its index and state. */
    default void finish(long k, M theta) {
    }
}
