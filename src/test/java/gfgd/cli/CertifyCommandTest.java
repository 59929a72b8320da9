package gfgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CertifyCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(ClaimRegistry.loaded());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path quadratic() throws IOException {
        Files.writeString(dir.resolve("A.csv"), "2,1\n1,-0.5\n");
        Files.writeString(dir.resolve("b.csv"), "1,-0.5\n");
        Files.writeString(dir.resolve("x0.csv"), "k,name,i,j,value\n0,x,0,0,0.1\n1,x,1,0,0.2\n");
        Path inst = dir.resolve("q.properties");
        Files.writeString(inst, "objective = quadratic\nmatrix = A.csv\nlinear = b.csv\ninit = x0.csv\n");
        return inst;
    }

    @Test
    void aQuadraticIsCertifiedAtEveryStep() throws IOException {
        Run r = run("certify", "--instance", quadratic().toString(), "--eta", "0.05", "--t", "1", "--digits", "30");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("21 certified, 0 undecided, 0 refuted of 21"), r.out());
        assertTrue(r.out().contains("theta(T)[1]") && r.out().contains("theta_K[0]") && r.out().contains("E_K"), r.out());
    }

    @Test
    void aReluNetAndAHorizonOffTheGridAreRefusedByName() throws IOException {
        Files.writeString(dir.resolve("data.csv"), "x0,x1,y\n1.0,0.4,0.7\n-0.5,1.1,-1.1\n");
        StringBuilder init = new StringBuilder("k,name,i,j,value\n");
        for (int k = 0; k < 3; k++) {
            init.append(k).append(",w,0,0,0.").append(k + 1).append('\n');
        }
        Files.writeString(dir.resolve("init.csv"), init.toString());
        Path relu = dir.resolve("relu.properties");
        Files.writeString(relu, "objective = fully-connected\nwidths = 2,1,1\ndata = data.csv\ninit = init.csv\n");
        Run r = run("certify", "--instance", relu.toString(), "--eta", "0.1", "--t", "1");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("not polynomial"), r.err());
        Run off = run("certify", "--instance", quadratic().toString(), "--eta", "0.3", "--t", "1");
        assertNotEquals(0, off.code());
        assertTrue(off.err().contains("t must be a multiple of eta"), off.err());
    }
}
