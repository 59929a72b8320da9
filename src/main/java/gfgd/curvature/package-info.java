/**
 * Hessian spectra (dense symmetric eigen-decomposition and Lanczos on Hessian-vector products) and curvature profiles along trajectories: lambda_min, its negative part lambda_-, and its integral.
 * Rigorous counterparts for certified checks: {@link gfgd.curvature.CertifiedEigenBounds} (proved eigenvalue bounds over an interval matrix) and {@link gfgd.curvature.CertifiedComparison} (GD against an enclosed GF trajectory with the Euler-map bound).
 */
package gfgd.curvature;
