package gfgd.claims;

/**
 * A claim checked: the verdict of its check and of its negative control.
 *
 * <p>The claim is verified ({@link #outcome()} PASS) exactly when its check passed and its negative
 * control failed without throwing.
 *
 * @param claim   the claim
 * @param check   the verdict of {@link Claim#check}
 * @param control the verdict of {@link Claim#negativeControl}
 */
public record ClaimResult(Claim claim, Verdict check, Verdict control) {

    /** Whether the negative control was detected: it failed, and not by throwing. */
    public boolean controlDetected() {
        return control.outcome() == Outcome.FAIL && !control.error();
    }

    /** PASS when the check passed and the negative control was detected. */
    public Outcome outcome() {
        return check.passed() && controlDetected() ? Outcome.PASS : Outcome.FAIL;
    }

    /** Why the claim is not verified, in one line; empty when it is. */
    public String reason() {
        if (!check.passed()) {
            return check.reason();
        }
        if (control.error()) {
            return "negative control " + control.reason();
        }
        if (!controlDetected()) {
            return "negative control passed, so the check cannot tell a false claim (" + claim.negativeControlDescription()
                    + ") from the true one; figures " + control.figures();
        }
        return "";
    }

    /** Check and control wall time, in seconds. */
    public double wallSeconds() {
        return check.wallSeconds() + control.wallSeconds();
    }
}
