package gfgd.cli;

import gfgd.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfgd report [--out DIR]}: regenerates report.md and index.html from the evidence in DIR. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate report.md and index.html from the evidence files (*.json, plots, CSV) in DIR.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Evidence directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "claims");

    @Override
    public Integer call() throws Exception {
        List<Path> written = ReportWriter.write(out);
        var stdout = spec.commandLine().getOut();
        written.forEach(stdout::println);
        stdout.flush();
        return Main.EXIT_OK;
    }
}
