/**
 * Objectives (value, gradient, Hessian-vector product, dense Hessian) written once against {@link gfgd.numeric.Arithmetic}: quadratic, deep linear networks, fully connected networks with homogeneous activations; data sets and initialisations.
 */
package gfgd.objective;
