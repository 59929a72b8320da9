package gfgd.dln;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Fits of how an iteration count or time grows as the initialisation scale {@code alpha} shrinks. */
public final class Scaling {

    /** One measurement: a run of seed {@code group} at scale {@code alpha} took {@code value} (steps or time). */
    public record Point(long group, double alpha, double value) {
    }

    private Scaling() {
    }

    /**
     * The pooled exponent {@code p} of {@code log value = c_group + p log(1/alpha)}: a least-squares fit with
     * one intercept per group (seed) and a common slope. For {@code value ~ alpha^-(N-2)} it is {@code N - 2}.
     *
     * @throws IllegalArgumentException if no group has two distinct {@code alpha}, or a value is not positive
     */
    public static double pooledExponent(List<Point> points) {
        for (Point p : points) {
            if (!(p.value() > 0)) {
                throw new IllegalArgumentException("values must be positive for a log-log fit, got " + p);
            }
        }
        return pooledSlope(points, p -> Math.log(1 / p.alpha()), p -> Math.log(p.value()));
    }

    /**
     * The increase of {@code value} per decade of {@code 1/alpha}, pooled over groups as in
     * {@link #pooledExponent}: for {@code value = A + B ln(1/alpha)} it is {@code B ln 10}.
     */
    public static double incrementPerDecade(List<Point> points) {
        return pooledSlope(points, p -> Math.log10(1 / p.alpha()), Point::value);
    }

    /** The common slope of y against x with one intercept per group: the slope after removing each group's means. */
    private static double pooledSlope(List<Point> points, ToDoubleFunction<Point> x, ToDoubleFunction<Point> y) {
        double sxy = 0;
        double sxx = 0;
        for (long g : points.stream().mapToLong(Point::group).distinct().toArray()) {
            List<Point> in = points.stream().filter(p -> p.group() == g).toList();
            double mx = in.stream().mapToDouble(x).average().orElseThrow();
            double my = in.stream().mapToDouble(y).average().orElseThrow();
            for (Point p : in) {
                double dx = x.applyAsDouble(p) - mx;
                sxx += dx * dx;
                sxy += dx * (y.applyAsDouble(p) - my);
            }
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("no group has two distinct alpha: " + points);
        }
        return sxy / sxx;
    }
}
