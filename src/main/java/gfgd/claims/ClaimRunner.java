package gfgd.claims;

/** Runs a claim's check and its negative control, turning an exception into a FAIL verdict. */
public final class ClaimRunner {

    private ClaimRunner() {
    }

    /** Runs {@link Claim#check} then {@link Claim#negativeControl} under {@code settings}. */
    public static ClaimResult run(Claim claim, Settings settings) {
        Verdict check = guarded(claim, settings, false);
        Verdict control = guarded(claim, settings, true);
        return new ClaimResult(claim, check, control);
    }

    private static Verdict guarded(Claim claim, Settings settings, boolean control) {
        long start = System.nanoTime();
        try {
            Verdict v = control ? claim.negativeControl(settings) : claim.check(settings);
            if (v == null) {
                throw new IllegalStateException(claim.id() + (control ? " negative control" : " check") + " returned null");
            }
            return v;
        } catch (RuntimeException | AssertionError e) {
            return Verdict.error(settings, (System.nanoTime() - start) * 1e-9, e);
        }
    }
}
