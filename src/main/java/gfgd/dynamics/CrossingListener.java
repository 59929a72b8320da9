package gfgd.dynamics;

/** Told of every located sign change of a {@link PiecewiseSmoothField}'s switching functions. */
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
