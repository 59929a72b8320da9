package gfgd.cli;

import gfgd.claims.Claim;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gfgd list}: one line per registered claim: id, title, the paper's reference. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the claims: id, title, reference in the paper.")
public final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (Claim c : parent.registry().all()) {
            out.printf("%-8s %s  [%s]%n", c.id(), c.title(), c.reference());
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
