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
 * Data sets: CSV files (decimal text kept, so apfloat reads the decimals exactly), the explicit data of
 * the math brief, the deep linear benchmark workload's data, and seeded synthetic generators.
 *
 * <p>Every generator draws from one {@link SplittableRandom} created from its {@code seed}, in the order
 * its documentation gives, so the same arguments give the same data on every machine.
 */
public final class Datasets {

    /** The class-path resource holding the data of the {@code gf-taylor} and {@code gd-apfloat} workloads. */
    public static final String DEEP_LINEAR_WORKLOAD_DATA = "/gfgd/benchmarks/deeplinear_data.csv";

    /** Kind of teacher network for {@link #plantedTeacher}. */
    public enum Teacher {
        /** {@code W_N ... W_1 x}. */
        LINEAR,
        /** {@code W_N relu(... relu(W_1 x))}: ReLU after every layer but the last. */
        RELU
    }

    private Datasets() {
    }

    // ---------------------------------------------------------------- CSV

    /**
     * A data set from CSV text: one header line naming the columns, then one sample per line; the last
     * {@code targetColumns} columns are the targets, the others the inputs. Every field must be a plain
     * decimal literal ({@code -1.25}, {@code 3e-4}) with a finite double value; the text is kept.
     * Trailing blank lines are ignored. The reader is consumed and closed.
     *
     * @param reader        the CSV text
     * @param name          the data set's name, also used in error messages
     * @param targetColumns how many trailing columns are targets, at least 1 and below the column count
     * @throws IllegalArgumentException for malformed CSV, naming the line number and the offending text
     * @throws UncheckedIOException     if reading fails
     */
    public static Dataset fromCsv(Reader reader, String name, int targetColumns) {
        return fromTable(Csv.read(reader, name), name, targetColumns);
    }

    /** {@link #fromCsv(Reader, String, int)} on UTF-8 bytes; the stream is consumed and closed. */
    public static Dataset fromCsv(InputStream in, String name, int targetColumns) {
        return fromTable(Csv.read(in, name), name, targetColumns);
    }

    /**
     * {@link #fromCsv(Reader, String, int)} on a UTF-8 file, named after the file.
     *
     * @throws IllegalArgumentException if {@code path} is not a readable regular file, naming it
     */
    public static Dataset fromCsv(Path path, int targetColumns) {
        Csv.requireFile(path);
        String name = path.getFileName().toString();
        try {
            return fromCsv(Files.newBufferedReader(path, StandardCharsets.UTF_8), name, targetColumns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * The data of the deep linear benchmark workloads ({@code gf-taylor}, {@code gd-apfloat}): m = 20
     * samples, 5 inputs {@code x0..x4}, one target {@code y}; every value an exact binary fraction
     * written as its exact decimal expansion. Read from {@link #DEEP_LINEAR_WORKLOAD_DATA}.
     */
    public static Dataset deepLinearWorkload() {
        return fromTable(Csv.resource(DEEP_LINEAR_WORKLOAD_DATA), "deeplinear", 1);
    }

    private static Dataset fromTable(Csv.Table t, String name, int targetColumns) {
        int columns = t.header().length;
        if (targetColumns < 1 || targetColumns >= columns) {
            throw new IllegalArgumentException("targetColumns must be in [1, " + (columns - 1) + "] for " + name
                    + " with " + columns + " columns, got " + targetColumns);
        }
        int samples = t.rows().size();
        if (samples == 0) {
            throw new IllegalArgumentException(name + ": no data lines after the header");
        }
        int inputs = columns - targetColumns;
        String[] x = new String[samples * inputs];
        String[] y = new String[samples * targetColumns];
        for (int s = 0; s < samples; s++) {
            Csv.Row row = t.rows().get(s);
            for (int c = 0; c < columns; c++) {
                String v = Csv.decimal(t, row, c);
                if (c < inputs) {
                    x[s * inputs + c] = v;
                } else {
                    y[s * targetColumns + c - inputs] = v;
                }
            }
        }
        return Dataset.ofText(name, samples, inputs, targetColumns, x, y);
    }

    // ---------------------------------------------------------------- the math brief's data

    /**
     * The explicit data of the math brief (section 3): {@code d_0 = 3} inputs, {@code m = 5} samples,
     * scalar targets, as decimal text. Given there as the {@code 3 x 5} matrix (rows are features)
     * <pre>
     *   X = [[1.0,-0.5,0.3,2.0,-1.2],[0.4,1.1,-0.7,0.2,0.9],[-0.8,0.6,1.5,-0.3,0.1]],
     *   y = [0.7,-1.1,0.4,1.9,-0.6];
     * </pre>
     * sample {@code s} is column {@code s} of {@code X}. For these data (brief): {@code f(0) = 0.583},
     * {@code ||b|| = ||X y'/m|| = 1.235014}, least squares {@code f* = 0.060989} at
     * {@code w* = (0.820072, -0.211045, -0.080601)}, {@code lambda_max(X X'/m) = 1.4777}.
     */
    public static Dataset briefExample() {
        String[][] features = {
            {"1.0", "-0.5", "0.3", "2.0", "-1.2"},
            {"0.4", "1.1", "-0.7", "0.2", "0.9"},
            {"-0.8", "0.6", "1.5", "-0.3", "0.1"}};
        String[] y = {"0.7", "-1.1", "0.4", "1.9", "-0.6"};
        int samples = y.length;
        int inputs = features.length;
        String[] x = new String[samples * inputs];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < inputs; i++) {
                x[s * inputs + i] = features[i][s];
            }
        }
        return Dataset.ofText("brief-example", samples, inputs, 1, x, y);
    }

    // ---------------------------------------------------------------- synthetic

    /**
     * Linear regression data {@code y = B x + noise * e}: {@code x, e} iid standard Gaussian, the
     * teacher {@code B} ({@code outputs x inputs}) iid {@code N(0, 1/inputs)}. Draw order from
     * {@code new SplittableRandom(seed)}: {@code B} row-major, then per sample its {@code x}, then its
     * {@code e}.
     *
     * @throws IllegalArgumentException if a size is below 1 or {@code noise} is negative or not finite
     */
    public static Dataset gaussianRegression(int samples, int inputs, int outputs, double noise, long seed) {
        Checks.dimension("samples", samples);
        Checks.dimension("inputs", inputs);
        Checks.dimension("outputs", outputs);
        requireNoise(noise);
        SplittableRandom r = new SplittableRandom(seed);
        double sd = Math.sqrt(1.0 / inputs);
        double[] b = new double[outputs * inputs];
        for (int k = 0; k < b.length; k++) {
            b[k] = sd * r.nextGaussian();
        }
        double[] x = new double[samples * inputs];
        double[] y = new double[samples * outputs];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < inputs; i++) {
                x[s * inputs + i] = r.nextGaussian();
            }
            for (int o = 0; o < outputs; o++) {
                double v = 0;
                for (int i = 0; i < inputs; i++) {
                    v += b[o * inputs + i] * x[s * inputs + i];
                }
                y[s * outputs + o] = v + noise * r.nextGaussian();
            }
        }
        return Dataset.of("gaussian-regression(m=" + samples + ",seed=" + seed + ")", samples, inputs, outputs, x, y);
    }

    /**
     * The weights of the teacher network of {@link #plantedTeacher}: {@code W_j} ({@code d_j x d_{j-1}})
     * iid {@code N(0, c/d_{j-1})}, {@code c = 1} for {@link Teacher#LINEAR} and {@code c = 2} (He) for
     * {@link Teacher#RELU}, flat in the {@link DeepLinear} layout {@code [W_1, ..., W_N]}, each row-major.
     * They are the first draws of {@code new SplittableRandom(seed)}.
     *
     * @param widths {@code d_0, ..., d_N}, {@code N >= 1}
     */
    public static double[] teacherWeights(int[] widths, Teacher teacher, long seed) {
        return teacherWeights(widths, teacher, new SplittableRandom(seed));
    }

    /**
     * Data labelled by a random teacher network: {@code y = T(x) + noise * e} with {@code x, e} iid
     * standard Gaussian and {@code T} the network of {@link #teacherWeights} (same seed): linear
     * {@code W_N ... W_1 x} or ReLU {@code W_N relu(... relu(W_1 x))}. Draw order from
     * {@code new SplittableRandom(seed)}: the teacher's weights, then per sample its {@code x}, then its
     * {@code e}. With {@link Teacher#LINEAR} and {@code noise = 0}, a {@link DeepLinear} net with the
     * same widths reaches loss 0 at the teacher's weights.
     *
     * @param widths {@code d_0, ..., d_N}: inputs {@code d_0}, outputs {@code d_N}
     * @throws IllegalArgumentException for fewer than 1 sample, bad widths, a null teacher or a negative
     *                                  or non-finite noise
     */
    public static Dataset plantedTeacher(int samples, int[] widths, Teacher teacher, double noise, long seed) {
        Checks.dimension("samples", samples);
        requireNoise(noise);
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = teacherWeights(widths, teacher, r);
        int n = widths.length - 1;
        int inputs = widths[0];
        int outputs = widths[n];
        double[] x = new double[samples * inputs];
        double[] y = new double[samples * outputs];
        for (int s = 0; s < samples; s++) {
            double[] h = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                h[i] = r.nextGaussian();
                x[s * inputs + i] = h[i];
            }
            int off = 0;
            for (int j = 1; j <= n; j++) {
                double[] next = new double[widths[j]];
                for (int o = 0; o < widths[j]; o++) {
                    double v = 0;
                    for (int i = 0; i < widths[j - 1]; i++) {
                        v += w[off + o * widths[j - 1] + i] * h[i];
                    }
                    next[o] = teacher == Teacher.RELU && j < n ? Math.max(v, 0) : v;
                }
                off += widths[j] * widths[j - 1];
                h = next;
            }
            for (int o = 0; o < outputs; o++) {
                y[s * outputs + o] = h[o] + noise * r.nextGaussian();
            }
        }
        String label = "planted-" + teacher.name().toLowerCase(java.util.Locale.ROOT) + Arrays.toString(widths)
                + "(m=" + samples + ",seed=" + seed + ")";
        return Dataset.of(label, samples, inputs, outputs, x, y);
    }

    private static double[] teacherWeights(int[] widths, Teacher teacher, SplittableRandom r) {
        if (teacher == null) {
            throw new IllegalArgumentException("teacher must be LINEAR or RELU, got null");
        }
        double[] w = new double[DeepLinear.parameterCount(widths)];
        double gain = teacher == Teacher.RELU ? 2.0 : 1.0;
        int off = 0;
        for (int j = 1; j < widths.length; j++) {
            double sd = Math.sqrt(gain / widths[j - 1]);
            int size = widths[j] * widths[j - 1];
            for (int k = 0; k < size; k++) {
                w[off + k] = sd * r.nextGaussian();
            }
            off += size;
        }
        return w;
    }

    private static void requireNoise(double noise) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be >= 0 and finite, got " + noise);
        }
    }
}
