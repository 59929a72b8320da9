package gfgd.objective;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The small CSV dialect of the project's data files: comma separated, one header line, no quoting,
 * decimal numbers written as text (kept verbatim so apfloat reads the decimal itself). Errors are
 * {@link IllegalArgumentException}s naming the source, the 1-based line number and the offending text.
 */
final class Csv {

    /** A plain decimal literal: optional sign, digits with an optional point, optional exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("\\d+");

    /** One data line: its 1-based line number in the source and its trimmed fields. */
    record Row(int line, String[] fields) {
    }

    /** A parsed file: the header's column names and the data rows. */
    record Table(String source, String[] header, List<Row> rows) {
    }

    private Csv() {
    }

    /**
     * Reads a whole CSV text. Trailing blank lines are ignored; any other blank line, a header with an
     * empty column name, or a row with the wrong number of fields is an error.
     */
    static Table read(Reader reader, String source) {
        if (reader == null) {
            throw new IllegalArgumentException(source + ": no such input");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (end == 0) {
            throw new IllegalArgumentException(source + ": empty CSV, expected a header line");
        }
        String first = lines.get(0);
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        String[] header = split(first);
        for (int c = 0; c < header.length; c++) {
            if (header[c].isEmpty()) {
                throw new IllegalArgumentException(source + ": line 1: empty column name " + (c + 1)
                        + " in header '" + first + "'");
            }
        }
        List<Row> rows = new ArrayList<>(end - 1);
        for (int k = 1; k < end; k++) {
            String line = lines.get(k);
            if (line.isBlank()) {
                throw new IllegalArgumentException(source + ": line " + (k + 1) + ": blank line inside the data");
            }
            String[] fields = split(line);
            if (fields.length != header.length) {
                throw new IllegalArgumentException(source + ": line " + (k + 1) + ": expected " + header.length
                        + " fields (as in the header), got " + fields.length + ": '" + line + "'");
            }
            rows.add(new Row(k + 1, fields));
        }
        return new Table(source, header, rows);
    }

    static Table read(InputStream in, String source) {
        if (in == null) {
            throw new IllegalArgumentException(source + ": no such input");
        }
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    /** @throws IllegalArgumentException unless {@code path} is a readable regular file */
    static void requireFile(Path path) {
        if (path == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("path must be a readable file, got " + path);
        }
    }

    /** Reads a class-path resource. */
    static Table resource(String path) {
        return read(Csv.class.getResourceAsStream(path), "resource " + path);
    }

    /**
     * The decimal text of a field, checked: a plain decimal literal whose double value is finite. A
     * leading {@code '+'} is dropped.
     */
    static String decimal(Table t, Row row, int column) {
        String s = row.fields()[column];
        if (!DECIMAL.matcher(s).matches() || !Double.isFinite(Double.parseDouble(s))) {
            throw new IllegalArgumentException(t.source() + ": line " + row.line() + ", column '"
                    + t.header()[column] + "': not a finite decimal number: '" + s + "'");
        }
        return s.startsWith("+") ? s.substring(1) : s;
    }

    /** A non-negative integer field. */
    static int index(Table t, Row row, int column) {
        String s = row.fields()[column];
        if (!INTEGER.matcher(s).matches() || s.length() > 9) {
            throw new IllegalArgumentException(t.source() + ": line " + row.line() + ", column '"
                    + t.header()[column] + "': not a non-negative integer: '" + s + "'");
        }
        return Integer.parseInt(s);
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }
}
