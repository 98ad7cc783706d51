"""Certified enclosure of the spectral norm of an entrywise nonnegative matrix.

The bounds of webb2025 (6.4) and (6.8) for Cauchy matrices and tensors are
``||A||_2 Z_n``: to certify them one needs a certified upper bound on
``||A||_2 = sigma_1(A)`` of a matrix whose entries are known exactly (as
Arb balls), not the floating-point sigma_1 of its rounded entries.

For A >= 0 entrywise, G = A^T A >= 0 too, and for every vector v > 0

    ||A v||_2 / ||v||_2  <=  sigma_1(A)  <=  sqrt( max_i (G v)_i / v_i )

(the left side is a Rayleigh quotient; the right side is the
Collatz-Wielandt bound rho(G) <= max_i (G v)_i / v_i, valid for any
nonnegative G and positive v; Horn and Johnson, Matrix Analysis, 8.1.26).
Both sides are evaluated in ball arithmetic. With v a floating-point
approximation of the leading right singular vector (the Perron vector of
G), the two sides agree to about the accuracy of v, i.e. to 1e-13 relative
or better: the enclosure is as narrow as a float sigma_1, but proved.
"""

from __future__ import annotations

from typing import Sequence

from flint import arb, arb_mat, ctx

from ..errors import DomainError
from .ball import Ball
from .exact import to_fmpq

__all__ = ["spectral_norm_nonnegative"]

#: Working precision (bits): the width comes from the vector v, not from rounding.
PREC = 128


def _entry(x) -> arb:
    """An exact entry (int, Fraction, fmpq, sympy Rational) or an arb."""
    return x if isinstance(x, arb) else arb(to_fmpq(x))


def _checked_vector(v: Sequence, n: int) -> list:
    values = [float(x) for x in v]
    if len(values) != n:
        raise DomainError(f"the vector v has {len(values)} entries, the matrix {n} columns")
    if not all(x == x and abs(x) != float("inf") for x in values):
        raise DomainError("the vector v must be finite")
    top = max((abs(x) for x in values), default=0.0)
    if top == 0.0:
        raise DomainError("the vector v must not be zero")
    # the Perron vector of G is >= 0; a rounded one may hold tiny negatives or
    # zeros, and any positive v gives a valid (if looser) bound
    return [max(abs(x), 1e-300, top * 2.0 ** -60) for x in values]


def spectral_norm_nonnegative(A, v: Sequence) -> Ball:
    """Certified enclosure of ||A||_2 = sigma_1(A) for an entrywise
    nonnegative real matrix A (an ``arb_mat``, or rows of exact numbers --
    ints, Fractions, fmpq -- or arbs; floats are refused as elsewhere),
    from an approximate leading right singular vector v (floats):

        ||A v|| / ||v||  <=  ||A||_2  <=  sqrt(max_i (A^T A v)_i / v_i)

    (Rayleigh quotient; Collatz-Wielandt bound of A^T A >= 0). The
    enclosure holds for any v (entries are replaced by their absolute
    values, zeros by tiny positives); it is narrow when v is close to the
    leading right singular vector. Used for the ||A||_2 of webb2025 (6.4)
    (Cauchy matrices) and ||T_(12);3||_2 of (6.8) (Cauchy tensors).

    Raises DomainError if an entry of A is not certainly >= 0, or v does
    not fit A.

    >>> ball = spectral_norm_nonnegative([[2, 1], [1, 2]], [1.0, 1.0])
    >>> ball.lower, ball.upper   # the eigenvalue 3 of a symmetric matrix
    ('3', '3')
    """
    with ctx.workprec(PREC):
        M = A if isinstance(A, arb_mat) else arb_mat([[_entry(x) for x in row] for row in A])
        if M.nrows() == 0 or M.ncols() == 0:
            raise DomainError("the matrix is empty")
        entries = M.entries()
        if not all(e >= 0 for e in entries):
            raise DomainError("the matrix must be entrywise nonnegative (certainly >= 0)")
        vector = _checked_vector(v, M.ncols())
        V = arb_mat([[arb(x)] for x in vector])
        AV = M * V
        GV = M.transpose() * AV
        lower = (sum((AV[i, 0] ** 2 for i in range(AV.nrows())), arb(0))
                 / sum((arb(x) ** 2 for x in vector), arb(0))).sqrt()
        ratio = max((GV[i, 0] / V[i, 0]).upper() for i in range(GV.nrows()))
        upper = arb(ratio).sqrt().upper()
        value = arb(lower.lower()).union(arb(upper))
    return Ball(value, None, PREC)
