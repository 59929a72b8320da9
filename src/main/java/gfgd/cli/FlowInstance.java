package gfgd.cli;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.FullyConnected;
import gfgd.objective.InitialPoint;
import gfgd.objective.Initialisations;
import gfgd.objective.Objective;
import gfgd.objective.Quadratic;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A gradient-flow instance described in a file (read by {@code gfgd flow --instance FILE}): an
 * objective, its data and an initial point. The file is a {@link Properties} file ({@code key = value}
 * lines, {@code #} comments); paths are relative to the file's directory:
 * <pre>
 *   objective = deep-linear            # quadratic | deep-linear
 *   widths    = 5,4,3,1                # deep-linear: d_0,...,d_N (d_0 = inputs, d_N = targets of the data)
 *   data      = deeplinear_data.csv    # deep-linear: header line, then one sample per line, inputs then targets
 *   targets   = 1                      # optional: trailing target columns of data (default d_N)
 *   init      = deeplinear_init.csv    # header k,name,i,j,value; one parameter per line in state order
 *
 *   objective = fully-connected        # row-vector net, activation after every layer but the last, square loss
 *   widths, data, targets, init        # as for deep-linear; init in the net's layout [W_1, b_1, W_2, ...],
 *                                      #   W_l is d_{l-1} x d_l row-major, b_l only with biases
 *   activation = relu                  # optional: relu (default) | leaky-relu | linear
 *   alpha     = 0.01                   # leaky-relu slope (required for leaky-relu)
 *   biases    = false                  # optional: true | false (default)
 *
 *   objective = quadratic              # f = 1/2 x'Ax - b'x
 *   matrix    = A.csv                  # n lines of n comma-separated decimals, symmetric, no header
 *   linear    = b.csv                  # optional: n decimals, one per line, no header (default 0)
 *   init      = x0.csv                 # header k,name,i,j,value, n lines
 * </pre>
 * Values are decimal literals and are read as decimals (apfloat reads {@code 0.1} as one tenth).
 * Unknown keys, missing keys and malformed values are errors naming the key and value.
 *
 * @param file      the instance file
 * @param objective {@code quadratic}, {@code deep-linear} or {@code fully-connected}
 * @param widths    the widths (nets), else empty
 * @param data      the data set (nets), else {@code null}
 * @param activation the activation (fully-connected), else {@code null}
 * @param biases    whether the fully-connected net has biases
 * @param matrix    the row-major matrix text (quadratic), else {@code null}
 * @param linear    the linear term text (quadratic), else {@code null}
 * @param init      the initial point
 */
public record FlowInstance(Path file, String objective, int[] widths, Dataset data, String[] matrix,
                           String[] linear, InitialPoint init, FullyConnected.Activation activation, boolean biases) {

    /** The objective kinds an instance file may name. */
    public static final List<String> KINDS = List.of("quadratic", "deep-linear", "fully-connected");

    private static final Set<String> KEYS = Set.of("objective", "widths", "data", "targets", "init", "matrix", "linear",
            "activation", "alpha", "biases");

    public FlowInstance {
        widths = widths.clone();
        matrix = matrix == null ? null : matrix.clone();
        linear = linear == null ? null : linear.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public String[] matrix() {
        return matrix == null ? null : matrix.clone();
    }

    @Override
    public String[] linear() {
        return linear == null ? null : linear.clone();
    }

    /**
     * Reads an instance file.
     *
     * @throws IllegalArgumentException naming the file, key and value for anything missing or malformed
     */
    public static FlowInstance read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("instance file " + file + " cannot be read: " + e.getMessage(), e);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("instance file " + file + ": unknown key '" + key
                        + "'; known keys: " + KEYS.stream().sorted().toList());
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        String kind = required(p, file, "objective");
        switch (kind) {
            case "deep-linear" -> {
                int[] widths = widths(file, required(p, file, "widths"));
                int targets = p.containsKey("targets") ? positiveInt(file, "targets", p.getProperty("targets").trim())
                        : widths[widths.length - 1];
                Dataset data = Datasets.fromCsv(dir.resolve(required(p, file, "data")), targets);
                InitialPoint init = Initialisations.fromCsv(dir.resolve(required(p, file, "init")), widths);
                return new FlowInstance(file, kind, widths, data, null, null, init, null, false);
            }
            case "fully-connected" -> {
                int[] widths = widths(file, required(p, file, "widths"));
                int targets = p.containsKey("targets") ? positiveInt(file, "targets", p.getProperty("targets").trim())
                        : widths[widths.length - 1];
                Dataset data = Datasets.fromCsv(dir.resolve(required(p, file, "data")), targets);
                String act = p.getProperty("activation", "relu").trim();
                FullyConnected.Activation activation = switch (act) {
                    case "relu" -> FullyConnected.Activation.relu();
                    case "linear" -> FullyConnected.Activation.linear();
                    case "leaky-relu" -> FullyConnected.Activation.leakyRelu(decimal(file, "alpha", required(p, file, "alpha")));
                    default -> throw new IllegalArgumentException("instance file " + file
                            + ": activation must be one of relu, leaky-relu, linear, got '" + act + "'");
                };
                String b = p.getProperty("biases", "false").trim();
                if (!b.equals("true") && !b.equals("false")) {
                    throw new IllegalArgumentException("instance file " + file + ": biases must be true or false, got '"
                            + b + "'");
                }
                int d = FullyConnected.of(DoubleArithmetic.INSTANCE, data, widths).withActivation(activation)
                        .withBiases(Boolean.parseBoolean(b)).dimension();
                InitialPoint init = Initialisations.fromCsv(dir.resolve(required(p, file, "init"))).requireDimension(d);
                return new FlowInstance(file, kind, widths, data, null, null, init, activation, Boolean.parseBoolean(b));
            }
            case "quadratic" -> {
                List<String[]> rows = numberLines(dir.resolve(required(p, file, "matrix")), "matrix");
                int n = rows.size();
                String[] a = new String[n * n];
                for (int i = 0; i < n; i++) {
                    if (rows.get(i).length != n) {
                        throw new IllegalArgumentException("matrix line " + (i + 1) + " has " + rows.get(i).length
                                + " entries, expected " + n + " (the matrix must be square)");
                    }
                    System.arraycopy(rows.get(i), 0, a, i * n, n);
                }
                String[] b = new String[n];
                Arrays.fill(b, "0");
                if (p.containsKey("linear")) {
                    List<String[]> lines = numberLines(dir.resolve(p.getProperty("linear").trim()), "linear");
                    List<String> flat = new ArrayList<>();
                    lines.forEach(l -> flat.addAll(List.of(l)));
                    if (flat.size() != n) {
                        throw new IllegalArgumentException("linear has " + flat.size() + " entries, expected " + n);
                    }
                    b = flat.toArray(String[]::new);
                }
                InitialPoint init = Initialisations.fromCsv(dir.resolve(required(p, file, "init"))).requireDimension(n);
                return new FlowInstance(file, kind, new int[0], null, a, b, init, null, false);
            }
            default -> throw new IllegalArgumentException("instance file " + file + ": objective must be one of "
                    + KINDS + ", got '" + kind + "'");
        }
    }

    /** Whether the instance is a fully connected net with a non-linear (ReLU, leaky-ReLU) activation. */
    public boolean isPiecewise() {
        return objective.equals("fully-connected") && !activation.isLinear();
    }

    /** The instance's fully connected net in arithmetic {@code a}. @throws IllegalStateException for other kinds */
    public <S, M> FullyConnected<S, M> net(Arithmetic<S, M> a) {
        if (!objective.equals("fully-connected")) {
            throw new IllegalStateException("not a fully-connected instance: " + objective);
        }
        return FullyConnected.of(a, data, widths).withActivation(activation).withBiases(biases);
    }

    /** The number of parameters. */
    public int dimension() {
        return init.dimension();
    }

    /** The instance's objective in arithmetic {@code a}. */
    public <S, M> Objective<S, M> objective(Arithmetic<S, M> a) {
        if (objective.equals("quadratic")) {
            int n = linear.length;
            return Quadratic.of(a, a.fromStrings(n, n, matrix), a.fromStrings(n, 1, linear));
        }
        if (objective.equals("fully-connected")) {
            return net(a);
        }
        return DeepLinear.of(a, data, widths);
    }

    /** The initial point in arithmetic {@code a}. */
    public <S, M> M theta0(Arithmetic<S, M> a) {
        return init.vector(a);
    }

    /** A one-line description: kind, sizes, files. */
    public String describe() {
        if (objective.equals("quadratic")) {
            return "quadratic, n = " + linear.length;
        }
        return objective + (activation == null ? "" : " " + activation.name() + (biases ? " with biases" : ""))
                + ", widths " + Arrays.toString(widths) + ", " + data.samples() + " samples, " + dimension()
                + " parameters";
    }

    /**
     * The name of parameter {@code k} in the init CSV's {@code name,i,j} columns: {@code x,k,0} for a
     * quadratic, {@code Wj,row,col} for a deep linear net.
     */
    public String[] parameterName(int k) {
        if (objective.equals("quadratic")) {
            return new String[] {"x", Integer.toString(k), "0"};
        }
        if (objective.equals("fully-connected")) {
            int off = 0;
            for (int l = 1; l < widths.length; l++) {
                int size = widths[l - 1] * widths[l];
                if (k < off + size) {
                    return new String[] {"W" + l, Integer.toString((k - off) / widths[l]),
                        Integer.toString((k - off) % widths[l])};
                }
                off += size;
                if (biases) {
                    if (k < off + widths[l]) {
                        return new String[] {"b" + l, Integer.toString(k - off), "0"};
                    }
                    off += widths[l];
                }
            }
            throw new IllegalArgumentException("k must be in [0, " + off + "), got " + k);
        }
        int off = 0;
        for (int j = 1; j < widths.length; j++) {
            int size = widths[j] * widths[j - 1];
            if (k < off + size) {
                int r = (k - off) / widths[j - 1];
                int c = (k - off) % widths[j - 1];
                return new String[] {"W" + j, Integer.toString(r), Integer.toString(c)};
            }
            off += size;
        }
        throw new IllegalArgumentException("k must be in [0, " + off + "), got " + k);
    }

    private static String required(Properties p, Path file, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("instance file " + file + ": missing key '" + key + "'");
        }
        return v.trim();
    }

    private static int[] widths(Path file, String text) {
        String[] parts = text.split(",");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            w[i] = positiveInt(file, "widths", parts[i].trim());
        }
        if (w.length < 2) {
            throw new IllegalArgumentException("instance file " + file + ": widths must list d_0,...,d_N with N >= 1, got '"
                    + text + "'");
        }
        return w;
    }

    private static double decimal(Path file, String key, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("instance file " + file + ": " + key + " must be a finite decimal, got '"
                + text + "'");
    }

    private static int positiveInt(Path file, String key, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("instance file " + file + ": " + key + " must be a positive integer, got '"
                + text + "'");
    }

    /** Non-blank lines of comma-separated decimal literals (checked). */
    private static List<String[]> numberLines(Path path, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + " file " + path + " cannot be read: " + e.getMessage(), e);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] parts = lines.get(i).split(",");
            for (int j = 0; j < parts.length; j++) {
                parts[j] = parts[j].trim();
                try {
                    if (!Double.isFinite(Double.parseDouble(parts[j]))) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " file " + path + " line " + (i + 1)
                            + ": not a finite decimal number: '" + parts[j] + "'", e);
                }
            }
            rows.add(parts);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(key + " file " + path + " holds no numbers");
        }
        return rows;
    }
}
