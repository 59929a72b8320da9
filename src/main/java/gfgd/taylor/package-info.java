/**
 * The recorded program and Taylor-mode differentiation: {@link gfgd.taylor.TracingArithmetic} records a
 * polynomial vector field as a straight-line program, {@link gfgd.taylor.TaylorProgram} compiles it and
 * propagates Taylor series through it (in any arithmetic, with a binary floating-point kernel for apfloat).
 * Serves the floating-point Taylor integrator and the validated (interval) integrator of gfgd.dynamics.
 * Depends only on gfgd.numeric.
 */
package gfgd.taylor;
