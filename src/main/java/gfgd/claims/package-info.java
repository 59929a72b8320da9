/**
 * Claims of the paper as executable checks: {@link gfgd.claims.Claim}, {@link gfgd.claims.Verdict},
 * {@link gfgd.claims.Evidence}, the registry and the check {@link gfgd.claims.Settings} (quick / thorough).
 *
 * <h2>Adding a claim</h2>
 * <ol>
 *   <li>Create the package {@code theorems/gfgd/<id>/} ({@code -} in an id becomes {@code _} in the
 *       package: {@code ext-depth} lives in {@code gfgd.ext_depth}) with a {@code package-info.java}
 *       that quotes the claim and lists its checks.</li>
 *   <li>Write the predicate (the statement as a function of one instance) and the check: a
 *       deterministic sweep that builds a {@link gfgd.claims.Verdict} with
 *       {@code Verdict.builder(settings)}: {@code figure(name, value)}, {@code requireAtMost(name, value, bound)},
 *       {@code require(holds, reason)}, {@code plot(Plot.logY(...))}, then {@code build()}. Every random
 *       draw comes from {@code settings.seed()}; {@code settings.choose(quick, thorough)} sizes the sweep.</li>
 *   <li>Implement {@link gfgd.claims.Claim} (public no-argument constructor): id, title, the paper's
 *       reference, the formal statement, {@code check(settings)}, and {@code negativeControl(settings)},
 *       the same check on a perturbed, false claim, which must FAIL.</li>
 *   <li>Register it with one line, its class name, in
 *       {@code src/main/resources/META-INF/services/gfgd.claims.Claim}.</li>
 * </ol>
 * {@code mvn verify} then runs it in {@code ClaimsIT} ({@code -Dclaims=<id>} alone) and writes
 * {@code target/claims/<id>.json}, its plots and CSV, and its section of the report;
 * {@code java -jar target/gfgd.jar check <id>} does the same from the command line.
 * {@code ClaimRegistryTest} fails until the package and the registration line agree.
 */
package gfgd.claims;
