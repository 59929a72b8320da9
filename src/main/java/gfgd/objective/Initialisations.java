package gfgd.objective;

import gfgd.numeric.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Initial points {@code theta_0}: seeded Gaussian and uniform with a scale, Xavier/Glorot uniform per
 * layer of a {@link DeepLinear} layout, and explicit values from CSV (decimal text kept).
 *
 * <p>Every random initialisation draws from one {@link SplittableRandom} created from its {@code seed},
 * entry by entry in parameter order, so the same arguments give the same point on every machine.
 */
public final class Initialisations {

    /** The class-path resource holding the initial point of the deep linear benchmark workloads. */
    public static final String DEEP_LINEAR_WORKLOAD_INIT = "/gfgd/benchmarks/deeplinear_init.csv";

    /** The widths of the deep linear benchmark workloads' network: 5-4-3-1. */
    private static final int[] DEEP_LINEAR_WORKLOAD_WIDTHS = {5, 4, 3, 1};

    private static final String[] HEADER = {"k", "name", "i", "j", "value"};

    private Initialisations() {
    }

    /**
     * {@code theta_0} with entries iid {@code N(0, scale^2)}.
     *
     * @throws IllegalArgumentException if {@code dimension < 1} or {@code scale} is not positive and finite
     */
    public static InitialPoint gaussian(int dimension, double scale, long seed) {
        Checks.dimension("dimension", dimension);
        Checks.positive("scale", scale);
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            v[k] = scale * r.nextGaussian();
        }
        return InitialPoint.of("gaussian(scale=" + scale + ",seed=" + seed + ")", v);
    }

    /**
     * {@code theta_0} with entries iid uniform on {@code [-scale, scale)}: {@code scale * (2u - 1)},
     * {@code u = nextDouble()}.
     *
     * @throws IllegalArgumentException if {@code dimension < 1} or {@code scale} is not positive and finite
     */
    public static InitialPoint uniform(int dimension, double scale, long seed) {
        Checks.dimension("dimension", dimension);
        Checks.positive("scale", scale);
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            v[k] = scale * (2 * r.nextDouble() - 1);
        }
        return InitialPoint.of("uniform(scale=" + scale + ",seed=" + seed + ")", v);
    }

    /**
     * Xavier/Glorot uniform in the {@link DeepLinear} layout: layer {@code W_j} ({@code d_j x d_{j-1}})
     * iid uniform on {@code [-a_j, a_j)} with {@code a_j = sqrt(6 / (d_{j-1} + d_j))}.
     *
     * @param widths {@code d_0, ..., d_N}, {@code N >= 1}
     * @throws IllegalArgumentException for bad widths (naming the entry)
     */
    public static InitialPoint xavier(int[] widths, long seed) {
        double[] v = new double[DeepLinear.parameterCount(widths)];
        SplittableRandom r = new SplittableRandom(seed);
        int off = 0;
        for (int j = 1; j < widths.length; j++) {
            double limit = Math.sqrt(6.0 / (widths[j - 1] + widths[j]));
            int size = widths[j] * widths[j - 1];
            for (int k = 0; k < size; k++) {
                v[off + k] = limit * (2 * r.nextDouble() - 1);
            }
            off += size;
        }
        return InitialPoint.of("xavier" + Arrays.toString(widths) + "(seed=" + seed + ")", v);
    }

    /**
     * An explicit point from CSV with header {@code k,name,i,j,value}: one parameter per line, {@code k}
     * running 0, 1, 2, ... in parameter order, {@code name} the layer ({@code W1, W2, ...}), {@code i, j}
     * its row and column, {@code value} a decimal literal (its text is kept). When {@code widths} are
     * given, the lines must follow the {@link DeepLinear} layout for them exactly (layer by layer,
     * row-major) and cover every parameter. The reader is consumed and closed.
     *
     * @param name   the point's name, also used in error messages
     * @param widths optional {@code d_0, ..., d_N} to check the layout against
     * @throws IllegalArgumentException for malformed CSV (naming the line number and offending text) or a
     *                                  layout mismatch
     */
    public static InitialPoint fromCsv(Reader reader, String name, int... widths) {
        return fromTable(Csv.read(reader, name), name, widths);
    }

    /** {@link #fromCsv(Reader, String, int...)} on UTF-8 bytes; the stream is consumed and closed. */
    public static InitialPoint fromCsv(InputStream in, String name, int... widths) {
        return fromTable(Csv.read(in, name), name, widths);
    }

    /**
     * {@link #fromCsv(Reader, String, int...)} on a UTF-8 file, named after the file.
     *
     * @throws IllegalArgumentException if {@code path} is not a readable regular file, naming it
     */
    public static InitialPoint fromCsv(Path path, int... widths) {
        Csv.requireFile(path);
        try {
            return fromCsv(Files.newBufferedReader(path, StandardCharsets.UTF_8), path.getFileName().toString(),
                    widths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * The initial point of the deep linear benchmark workloads ({@code gf-taylor}, {@code gd-apfloat}):
     * the 35 parameters of a 5-4-3-1 net, {@code [W1 (4x5), W2 (3x4), W3 (1x3)]}, each an exact binary
     * fraction written as its exact decimal expansion. Read from {@link #DEEP_LINEAR_WORKLOAD_INIT}; on
     * {@link Datasets#deepLinearWorkload()} its loss is {@code 4.28423102782339561205503684576}.
     */
    public static InitialPoint deepLinearWorkload() {
        return fromTable(Csv.resource(DEEP_LINEAR_WORKLOAD_INIT), "deeplinear-init", DEEP_LINEAR_WORKLOAD_WIDTHS);
    }

    /** The widths of the deep linear benchmark workloads' network, {@code {5, 4, 3, 1}} (a copy). */
    public static int[] deepLinearWorkloadWidths() {
        return DEEP_LINEAR_WORKLOAD_WIDTHS.clone();
    }

    private static InitialPoint fromTable(Csv.Table t, String name, int[] widths) {
        if (!Arrays.equals(t.header(), HEADER)) {
            throw new IllegalArgumentException(name + ": line 1: header must be 'k,name,i,j,value', got '"
                    + String.join(",", t.header()) + "'");
        }
        int count = t.rows().size();
        if (count == 0) {
            throw new IllegalArgumentException(name + ": no data lines after the header");
        }
        boolean layout = widths != null && widths.length > 0;
        int expectedCount = layout ? DeepLinear.parameterCount(widths) : count;
        String[] text = new String[count];
        int layer = 1;
        int start = 0;
        for (int k = 0; k < count; k++) {
            Csv.Row row = t.rows().get(k);
            int index = Csv.index(t, row, 0);
            if (index != k) {
                throw new IllegalArgumentException(name + ": line " + row.line() + ": k must be " + k + ", got '"
                        + row.fields()[0] + "'");
            }
            String layerName = row.fields()[1];
            int i = Csv.index(t, row, 2);
            int j = Csv.index(t, row, 3);
            if (layout) {
                if (k >= expectedCount) {
                    throw new IllegalArgumentException(name + ": line " + row.line() + ": more lines than the "
                            + expectedCount + " parameters of widths " + Arrays.toString(widths));
                }
                while (k - start >= widths[layer] * widths[layer - 1]) {
                    start += widths[layer] * widths[layer - 1];
                    layer++;
                }
                int cols = widths[layer - 1];
                int ei = (k - start) / cols;
                int ej = (k - start) % cols;
                if (!layerName.equals("W" + layer) || i != ei || j != ej) {
                    throw new IllegalArgumentException(name + ": line " + row.line() + ": expected W" + layer + ","
                            + ei + "," + ej + " for k = " + k + " with widths " + Arrays.toString(widths)
                            + ", got '" + layerName + "," + i + "," + j + "'");
                }
            }
            text[k] = Csv.decimal(t, row, 4);
        }
        if (count != expectedCount) {
            throw new IllegalArgumentException(name + ": " + count + " parameters, expected " + expectedCount
                    + " for widths " + Arrays.toString(widths));
        }
        return InitialPoint.ofText(name, text);
    }
}
