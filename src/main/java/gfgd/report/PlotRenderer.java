package gfgd.report;

import gfgd.claims.Plot;
import gfgd.claims.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler;

/** Draws a {@link Plot} as a PNG with XChart, headless (no display needed). */
public final class PlotRenderer {

    /** Pixel size of every plot. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 600;

    /** Series with more points than this are drawn as lines without markers. */
    static final int MARKER_LIMIT = 60;

    private PlotRenderer() {
    }

    /** The PNG bytes of {@code plot}. */
    public static byte[] png(Plot plot) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setYAxisLogarithmic(plot.logY());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setMarkerSize(4);
        for (Series s : plot.series()) {
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            if (s.size() > MARKER_LIMIT) {
                xy.setMarker(SeriesMarkers.NONE);
            }
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw plot " + plot.name(), e);
        }
    }
}
