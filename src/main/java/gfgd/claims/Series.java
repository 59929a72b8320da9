package gfgd.claims;

import gfgd.numeric.Checks;
import java.util.Arrays;

/**
 * One plotted line: points {@code (x[i], y[i])}. The arrays are copied in and out.
 *
 * @param name the legend entry, e.g. {@code "eta = 0.1/lambda_max"}
 * @param x    abscissae, finite
 * @param y    ordinates, finite, as many as {@code x}
 */
public record Series(String name, double[] x, double[] y) {

    public Series {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("series name must not be blank, got '" + name + "'");
        }
        Checks.size("series '" + name + "' y", y.length, x.length);
        for (int i = 0; i < x.length; i++) {
            Checks.finite("series '" + name + "' x[" + i + "]", x[i]);
            Checks.finite("series '" + name + "' y[" + i + "]", y[i]);
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The number of points. */
    public int size() {
        return x.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && s.name.equals(name) && Arrays.equals(s.x, x) && Arrays.equals(s.y, y);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points]";
    }
}
