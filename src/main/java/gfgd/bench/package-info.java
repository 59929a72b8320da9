/**
 * Fixed benchmark workloads ({@code gfgd bench NAME}), each printing one JSON line; speed is measured here, never in unit tests.
 */
package gfgd.bench;
