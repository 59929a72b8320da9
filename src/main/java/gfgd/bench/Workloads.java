package gfgd.bench;

import java.util.List;
import java.util.Optional;

/** The registry of benchmark workloads: one line per workload. */
public final class Workloads {

    private Workloads() {
    }

    /** Every workload, in the order {@code gfgd bench --list} shows them. */
    public static List<Workload> all() {
        return List.of(
                new GdMlpWorkload(),
                new GdApfloatWorkload(),
                new GfTaylorWorkload(),
                new HessianLanczosWorkload()
        );
    }

    /** The workload called {@code name}, if any. */
    public static Optional<Workload> byName(String name) {
        return all().stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
