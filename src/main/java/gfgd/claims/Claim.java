package gfgd.claims;

/**
 * A claim of the paper as an executable check.
 *
 * <p>A claim lives in its own package {@code gfgd.<id>} under {@code theorems/} (with '-' in the id
 * written '_' in the package) and is registered by one line in
 * {@code src/main/resources/META-INF/services/gfgd.claims.Claim}. Implementations need a public
 * no-argument constructor and must be deterministic: the same {@link Settings} give the same figures,
 * whatever the thread count.
 *
 * <p>{@link #negativeControl} is the same check applied to a perturbed claim that is false (a bound
 * without its exponential factor, a wrong step size, ...). It must FAIL: a check that cannot fail is
 * not a check.
 */
public interface Claim {

    /** The id users cite: {@code thm1}, {@code prop1}, ..., {@code euler}, later {@code ext-*}. */
    String id();

    /** A short title, e.g. "GD is Euler's method for GF". */
    String title();

    /** Where the claim is in the paper, e.g. "Theorem 1 (Section 4)". */
    String reference();

    /** The formal statement that {@link #check} decides, in one paragraph. */
    String statement();

    /** What the negative control perturbs, in one sentence. */
    String negativeControlDescription();

    /** Decides the formal statement on the instances the settings call for. */
    Verdict check(Settings settings);

    /** Applies the same decision to the perturbed, false claim; must return FAIL. */
    Verdict negativeControl(Settings settings);
}
