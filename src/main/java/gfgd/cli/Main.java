package gfgd.cli;

import gfgd.claims.ClaimRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar target/gfgd.jar}. */
@Command(name = "gfgd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Executable checks of 'Continuous vs. Discrete Optimization of Deep Neural Networks' "
                + "(Elkabetz & Cohen, NeurIPS 2021).",
        subcommands = {
            ListCommand.class,
            CheckCommand.class,
            ReportCommand.class,
            BenchCommand.class,
            FlowCommand.class,
            CertifyCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code: every claim checked passed. */
    public static final int EXIT_OK = 0;
    /** Exit code: some claim failed. */
    public static final int EXIT_FAIL = 1;
    /** Exit code: bad usage or bad input (unknown id, bad option value). */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ClaimRegistry registry;

    /** A command line over the registered claims. */
    public Main() {
        this(ClaimRegistry.loaded());
    }

    /** A command line over {@code registry} (tests use their own claims). */
    public Main(ClaimRegistry registry) {
        this.registry = registry;
    }

    /** The claims this command line knows. */
    ClaimRegistry registry() {
        return registry;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line over {@code registry}, with bad input ({@link IllegalArgumentException}) reported
     * as one {@code gfgd: ...} line on stderr and exit code {@link #EXIT_USAGE}. Callers may redirect its
     * output with {@code setOut}/{@code setErr}.
     */
    public static CommandLine commandLine(ClaimRegistry registry) {
        CommandLine cl = new CommandLine(new Main(registry));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof IllegalArgumentException) {
                line.getErr().println("gfgd: " + ex.getMessage());
                line.getErr().flush();
                return EXIT_USAGE;
            }
            throw ex;
        });
        return cl;
    }

    /** Runs the command line and returns its exit code (0 success, 1 a claim failed, 2 bad usage or input). */
    public static int execute(String... args) {
        return commandLine(ClaimRegistry.loaded()).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
