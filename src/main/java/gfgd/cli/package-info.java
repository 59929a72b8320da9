/**
 * The command line: {@code java -jar target/gfgd.jar list | check ID | report | bench WORKLOAD | flow}.
 */
package gfgd.cli;
