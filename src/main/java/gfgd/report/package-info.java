/**
 * Writes the evidence of checked claims to {@code target/claims/}: one JSON per claim, {@code report.md}, {@code index.html}, plots and the CSV series behind them.
 */
package gfgd.report;
