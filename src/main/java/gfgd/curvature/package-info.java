/**
 * Hessian spectra (dense symmetric eigen-decomposition and Lanczos on Hessian-vector products) and curvature profiles along trajectories: lambda_min, its negative part lambda_-, and its integral.
 */
package gfgd.curvature;
