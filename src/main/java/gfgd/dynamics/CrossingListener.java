package gfgd.dynamics;

/**
 * Told of every event located on a {@link PiecewiseSmoothField}: a sign change of a switching function
 * (the pattern switches), the start of a slide along its kink, or the end of a slide.
 */
@FunctionalInterface
public interface CrossingListener {

    /**
     * @param time   the located crossing time
     * @param index  which switching function changed sign
     * @param state  the state at {@code time} (a copy the listener may keep)
     * @param value  the switching function's value there (zero to the location accuracy)
     */
    void crossed(double time, int index, double[] state, double value);
}
