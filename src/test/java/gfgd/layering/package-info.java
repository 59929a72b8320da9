/** The layering of DESIGN.md as ArchUnit rules, and the proof that each rule can fail. */
package gfgd.layering;
