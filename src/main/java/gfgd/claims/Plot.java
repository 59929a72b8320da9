package gfgd.claims;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A plot of a verdict: one or more series on shared axes. The report draws it (PNG) and writes each
 * series as CSV.
 *
 * @param name   a file-safe name, unique within the claim: lower case letters, digits and '-'
 * @param title  the plot's title
 * @param xLabel the abscissa's label
 * @param yLabel the ordinate's label
 * @param logY   whether the ordinate is logarithmic (every y must then be positive)
 * @param series the lines, at least one, with distinct names
 */
public record Plot(String name, String title, String xLabel, String yLabel, boolean logY, List<Series> series) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Plot {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("plot name must be lower-case letters, digits and '-', got '" + name + "'");
        }
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("plot '" + name + "' has no series");
        }
        if (series.stream().map(Series::name).distinct().count() != series.size()) {
            throw new IllegalArgumentException("plot '" + name + "' has two series with the same name: "
                    + series.stream().map(Series::name).toList());
        }
        if (logY) {
            for (Series s : series) {
                for (double y : s.y()) {
                    if (!(y > 0)) {
                        throw new IllegalArgumentException("plot '" + name + "' is logarithmic but series '"
                                + s.name() + "' has y = " + y);
                    }
                }
            }
        }
    }

    /** A plot with linear axes. */
    public static Plot linear(String name, String title, String xLabel, String yLabel, List<Series> series) {
        return new Plot(name, title, xLabel, yLabel, false, series);
    }

    /** A plot with a logarithmic ordinate. */
    public static Plot logY(String name, String title, String xLabel, String yLabel, List<Series> series) {
        return new Plot(name, title, xLabel, yLabel, true, series);
    }
}
