/** Test fixture: a claim package that breaks the layering on purpose, so the layering rules are shown to fail. */
package gfgd.layeringfixtureb;
