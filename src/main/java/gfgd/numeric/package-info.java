/**
 * Arithmetic in two precisions: IEEE double on EJML matrices and apfloat at a fixed precision context, behind one matrix-level interface ({@link gfgd.numeric.Arithmetic}); named tolerances and argument checks.
 * A third implementation, {@link gfgd.numeric.IntervalArithmetic}, computes rigorous enclosures (decimal intervals rounded outward) for certified checks.
 */
package gfgd.numeric;
