/** Exploration mode for the jqwik properties: fresh seeds and ten times the tries, off by default. */
package gfgd.explore;
