/**
 * Gradient descent (Euler's method for gradient flow), gradient-flow solvers, vector fields, step handlers and trajectories sampled on the grid t = k*eta.
 */
package gfgd.dynamics;
