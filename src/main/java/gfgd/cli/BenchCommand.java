package gfgd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gfgd.bench.Workload;
import gfgd.bench.Workloads;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfgd bench WORKLOAD}: runs one fixed workload and prints one JSON line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark workload (see WORKLOADS in the README) and print one JSON line.")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKLOAD", arity = "0..1", description = "Workload name; omit to list them.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (name == null) {
            for (Workload w : Workloads.all()) {
                out.printf("%-18s %s%n", w.name(), w.description());
            }
            return 0;
        }
        Workload w = Workloads.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown workload '" + name + "'; known: "
                        + Workloads.all().stream().map(Workload::name).toList()));
        Map<String, Object> result = w.run(System.err);
        out.println(new ObjectMapper().writeValueAsString(result));
        out.flush();
        return 0;
    }
}
