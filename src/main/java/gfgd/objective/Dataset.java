package gfgd.objective;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import java.util.Arrays;

/**
 * A supervised data set of {@code samples} rows, each with {@code inputs} features and {@code outputs}
 * targets. Stored row-major, one row per sample (as in a CSV file). When the values were read from
 * decimal text, the text is kept so that apfloat reads the decimal value itself (0.3, not the double
 * nearest to it); otherwise apfloat takes each double's exact binary value.
 *
 * @param name    a label for reports
 * @param samples number of samples m
 * @param inputs  features per sample d_0
 * @param outputs targets per sample
 * @param x       {@code samples x inputs}, row-major
 * @param y       {@code samples x outputs}, row-major
 * @param xText   the decimal text of {@code x}, or {@code null}
 * @param yText   the decimal text of {@code y}, or {@code null}
 */
public record Dataset(String name, int samples, int inputs, int outputs,
                      double[] x, double[] y, String[] xText, String[] yText) {

    public Dataset {
        Checks.dimension("samples", samples);
        Checks.dimension("inputs", inputs);
        Checks.dimension("outputs", outputs);
        Checks.size("x", x.length, samples * inputs);
        Checks.size("y", y.length, samples * outputs);
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException("x[" + k / inputs + "][" + k % inputs + "] must be finite, got " + x[k]);
            }
        }
        for (int k = 0; k < y.length; k++) {
            if (!Double.isFinite(y[k])) {
                throw new IllegalArgumentException("y[" + k / outputs + "][" + k % outputs + "] must be finite, got " + y[k]);
            }
        }
        if (xText != null) {
            Checks.size("xText", xText.length, x.length);
        }
        if (yText != null) {
            Checks.size("yText", yText.length, y.length);
        }
        x = x.clone();
        y = y.clone();
        xText = xText == null ? null : xText.clone();
        yText = yText == null ? null : yText.clone();
    }

    /** A data set from doubles (apfloat takes their exact binary values). */
    public static Dataset of(String name, int samples, int inputs, int outputs, double[] x, double[] y) {
        return new Dataset(name, samples, inputs, outputs, x, y, null, null);
    }

    /** A data set from decimal text (apfloat reads the decimals; double the nearest doubles). */
    public static Dataset ofText(String name, int samples, int inputs, int outputs, String[] xText, String[] yText) {
        double[] x = Arrays.stream(xText).mapToDouble(Dataset::parse).toArray();
        double[] y = Arrays.stream(yText).mapToDouble(Dataset::parse).toArray();
        return new Dataset(name, samples, inputs, outputs, x, y, xText, yText);
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: '" + s + "'", e);
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public String[] xText() {
        return xText == null ? null : xText.clone();
    }

    @Override
    public String[] yText() {
        return yText == null ? null : yText.clone();
    }

    /** The inputs as a {@code samples x inputs} matrix in arithmetic {@code a}. */
    public <S, M> M inputRows(Arithmetic<S, M> a) {
        return xText != null ? a.fromStrings(samples, inputs, xText) : a.fromDoubles(samples, inputs, x);
    }

    /** The targets as a {@code samples x outputs} matrix in arithmetic {@code a}. */
    public <S, M> M targetRows(Arithmetic<S, M> a) {
        return yText != null ? a.fromStrings(samples, outputs, yText) : a.fromDoubles(samples, outputs, y);
    }

    /** The first {@code n} samples. */
    public Dataset head(int n) {
        if (n < 1 || n > samples) {
            throw new IllegalArgumentException("n must be in [1, " + samples + "], got " + n);
        }
        return new Dataset(name, n, inputs, outputs,
                Arrays.copyOf(x, n * inputs), Arrays.copyOf(y, n * outputs),
                xText == null ? null : Arrays.copyOf(xText, n * inputs),
                yText == null ? null : Arrays.copyOf(yText, n * outputs));
    }
}
