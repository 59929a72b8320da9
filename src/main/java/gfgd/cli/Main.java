package gfgd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar target/gfgd.jar}. */
@Command(name = "gfgd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Executable checks of 'Continuous vs. Discrete Optimization of Deep Neural Networks' "
                + "(Elkabetz & Cohen, NeurIPS 2021).",
        subcommands = {
            BenchCommand.class,
            FlowCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code (0 success, 1 a claim failed, 2 bad usage or input). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof IllegalArgumentException) {
                line.getErr().println("gfgd: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
