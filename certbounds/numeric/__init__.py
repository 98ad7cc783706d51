"""Numeric layer (numpy/scipy): the approximations whose existence the
theorems assert, with float results and measured errors.

- ``function_data``: points in the ball or on the sphere and the matrices
  and tensors that functions generate from them (budzinskiy2025 §7.2);
- ``alternating_projections``: max-norm low-rank approximation of matrices
  by alternating projections with a binary search (budzinskiy2025 §7.1),
  and the truncated-SVD baseline;
- ``tensor_train``: TT-SVD and max-norm alternating projections for
  tensor trains;
- ``constructive``: the approximants of Theorems 1.3, 3.8, 5.2 and 6.5,
  each beside its certified bound;
- ``rational_interpolation``: rational interpolants of kernels with
  prescribed poles (webb2025 §5) at Chebyshev or Zolotarev nodes;
- ``kernel_families``: the kernel matrices of webb2025 §6 with their
  certified bounds;
- ``aaa_lawson``: AAA-Lawson estimates of discrete Zolotarev numbers
  (Trefethen-Wilber; not certified);
- ``blas_threads``: one BLAS thread during the iterations (measured faster).

Nothing here is certified: errors are floats computed from the data.
Bounds set beside them come from the certified layer.
"""
