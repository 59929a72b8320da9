package gfgd.cli;

import gfgd.claims.Claim;
import gfgd.claims.ClaimResult;
import gfgd.claims.ClaimRunner;
import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import gfgd.report.EvidenceWriter;
import gfgd.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gfgd check ID... [--thorough] [--seed N] [--out DIR]}: checks the claims, writes their
 * evidence and the report into DIR, prints one verdict line per claim. Exit code 0 when every claim
 * passed, 1 when one failed, 2 for an unknown id.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check claims (check + negative control), write target/claims/<id>.json and the report,",
            "print one verdict line per claim. Exit code: 0 all PASS, 1 some FAIL, 2 bad usage."})
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Claim ids (see 'gfgd list'), or 'all'.")
    List<String> ids;

    @Option(names = "--thorough", description = "Thorough settings (large sweeps) instead of quick ones.")
    boolean thorough;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random source (default: ${DEFAULT-VALUE}).")
    long seed = Settings.DEFAULT_SEED;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Evidence directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "claims");

    @Override
    public Integer call() throws Exception {
        List<Claim> claims = ids.contains("all") ? parent.registry().all() : parent.registry().select(ids);
        Settings settings = (thorough ? Settings.thorough() : Settings.quick()).withSeed(seed);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allPassed = true;
        for (Claim c : claims) {
            ClaimResult r;
            Progress progress = new Progress(err, "checking " + c.id() + " (" + settings.level().label() + ")");
            try {
                r = ClaimRunner.run(c, settings);
            } finally {
                progress.close();
            }
            EvidenceWriter.write(r, out);
            allPassed &= r.outcome() == Outcome.PASS;
            stdout.println(verdictLine(r));
            stdout.flush();
        }
        List<Path> report = ReportWriter.write(out);
        err.println("gfgd: evidence in " + out + ", report " + report.get(0) + " and " + report.get(1));
        err.flush();
        return allPassed ? Main.EXIT_OK : Main.EXIT_FAIL;
    }

    /** {@code PASS euler  title  (control detected, 0.84 s)} or {@code FAIL id  title: reason}. */
    static String verdictLine(ClaimResult r) {
        String time = String.format(Locale.ROOT, "%.2f s", r.wallSeconds());
        if (r.outcome() == Outcome.PASS) {
            return "PASS " + r.claim().id() + "  " + r.claim().title() + "  (negative control detected, " + time + ")";
        }
        return "FAIL " + r.claim().id() + "  " + r.claim().title() + ": " + r.reason() + "  (" + time + ")";
    }
}
