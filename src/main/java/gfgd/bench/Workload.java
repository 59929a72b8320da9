package gfgd.bench;

import java.io.PrintStream;
import java.util.Map;

/**
 * A fixed benchmark workload. {@link #run} does the timed work and returns the fields of the one JSON
 * line that {@code gfgd bench NAME} prints (it must include {@code "workload"} and {@code "seconds"}).
 */
public interface Workload {

    /** The workload's name as in WORKLOADS.md, e.g. {@code gd-mlp}. */
    String name();

    /** One line: what is timed. */
    String description();

    /**
     * Runs the workload.
     *
     * @param progress where progress lines go (stderr in the CLI); the result never goes there
     * @return the JSON fields, in order
     */
    Map<String, Object> run(PrintStream progress) throws Exception;
}
