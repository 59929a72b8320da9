/**
 * Claims of the paper as executable checks: {@code Claim}, {@code Verdict}, evidence, the registry and check settings (quick / thorough).
 */
package gfgd.claims;
