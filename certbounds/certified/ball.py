"""Certified results: the ``Ball`` type and the precision loop.

A ``Ball`` wraps an Arb ball (python-flint ``arb``): an interval
[lower, upper] that provably contains the true value. Its endpoints convert
*exactly* (outward-rounded) to decimal strings, so nothing is lost between
Arb and JSON. ``enclose`` runs a computation at rising working precision
until the ball is narrow enough (relative width below 2**-accuracy, default
2**-50) or the precision cap is reached, and records both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Optional

from flint import arb, ctx, fmpq

from ..errors import DomainError

__all__ = ["Ball", "enclose", "ball_from_arb", "decimal_string", "accuracy_bits",
           "DEFAULT_ACCURACY", "DEFAULT_MAX_PREC"]

#: Default requested relative accuracy, in bits (relative width <= 2**-50).
DEFAULT_ACCURACY = 50
#: Default cap on the working precision, in bits.
DEFAULT_MAX_PREC = 4096
#: Precision headroom over the requested accuracy at the first attempt.
_HEADROOM = 30


def accuracy_bits(x: arb) -> float:
    """Relative accuracy of a ball in bits (inf for an exact value,
    -inf for a ball that is not finite)."""
    if not x.is_finite():
        return -math.inf
    if x.is_exact():
        return math.inf
    return x.rel_accuracy_bits()


def _dyadic(x: arb) -> tuple[int, int]:
    """(man, exp) with x = man * 2**exp for an exact (point) arb."""
    man, exp = x.man_exp()
    return int(man), int(exp)


def _exact_endpoints(x: arb) -> tuple[tuple[int, int], tuple[int, int]]:
    """The exact endpoints mid -+ rad of a finite ball as dyadics
    (mantissa, exponent) over a common exponent: integers only, so no
    rounding at the context precision, and no huge powers of two."""
    m_man, m_exp = _dyadic(x.mid())
    r_man, r_exp = _dyadic(x.rad())
    if r_man == 0:
        return (m_man, m_exp), (m_man, m_exp)
    if m_man == 0:
        return (-r_man, r_exp), (r_man, r_exp)
    e = min(m_exp, r_exp)
    m, r = m_man << (m_exp - e), r_man << (r_exp - e)
    return (m - r, e), (m + r, e)


def _fraction(man: int, exp: int) -> tuple[int, int]:
    return (man << exp, 1) if exp >= 0 else (man, 1 << -exp)


def decimal_string(num: int, den: int, direction: str, digits: int = 17) -> str:
    """num/den rounded to ``digits`` significant decimal digits, toward
    -oo (``direction="down"``) or +oo (``"up"``), as exact decimal text
    (plain for moderate exponents, else ``d.ddde-N``). den > 0.

    >>> decimal_string(1, 3, "down", 5), decimal_string(1, 3, "up", 5)
    ('0.33333', '0.33334')
    >>> decimal_string(-2, 3, "down", 3)
    '-0.667'
    """
    if num == 0:
        return "0"
    negative = num < 0
    mag = -num if negative else num
    toward_zero = (direction == "down") != negative
    # estimate the decimal exponent, then correct it by at most a step or two
    e10 = math.floor((mag.bit_length() - den.bit_length()) * 0.30102999566398120)
    while True:
        shift = digits - 1 - e10
        n, d = (mag * 10 ** shift, den) if shift >= 0 else (mag, den * 10 ** -shift)
        q, rem = divmod(n, d)
        if not toward_zero and rem:
            q += 1
        if q >= 10 ** digits:
            if toward_zero or q > 10 ** digits or rem:
                e10 += 1
                continue
        if q < 10 ** (digits - 1):
            e10 -= 1
            continue
        break
    text = _format_decimal(q, digits, e10)
    return "-" + text if negative else text


def _format_decimal(q: int, digits: int, e10: int) -> str:
    """The number q * 10**(e10 - digits + 1) (q has ``digits`` digits or is
    10**digits) as short exact text."""
    s = str(q)
    e10 += len(s) - digits
    s = s.rstrip("0") or "0"
    if -6 <= e10 < 21:
        if e10 >= len(s) - 1:
            return s + "0" * (e10 - len(s) + 1)
        if e10 >= 0:
            return s[:e10 + 1] + "." + s[e10 + 1:]
        return "0." + "0" * (-e10 - 1) + s
    mantissa = s[0] + ("." + s[1:] if len(s) > 1 else "")
    return f"{mantissa}e{e10:+d}".replace("e+", "e")


#: Beyond this many bits of binary exponent, endpoints are converted to
#: decimal through Arb (cost independent of the exponent) instead of exact
#: big-integer division (cost quadratic in it).
_BIG_EXPONENT_BITS = 20_000


def _endpoint_string(x: arb, direction: str, digits: int) -> str:
    """The lower (direction "down") or upper endpoint of a ball as decimal
    text rounded outward."""
    if not x.is_finite():
        if x.is_nan():
            return "nan"
        if x > 0 or x < 0:  # the point +inf or -inf
            return "inf" if x > 0 else "-inf"
        return "-inf" if direction == "down" else "inf"
    low, high = _exact_endpoints(x)
    man, exp = low if direction == "down" else high
    if abs(exp) > _BIG_EXPONENT_BITS and man != 0:
        return _decimal_string_by_arb(man, exp, direction, digits)
    return decimal_string(*_fraction(man, exp), direction, digits)


def _decimal_string_by_arb(man: int, exp: int, direction: str, digits: int) -> str:
    """As ``decimal_string`` for man * 2**exp with a huge exponent (Z_n for
    large n is about 10^(-0.8 n / log M)): the scaling by a power of
    ten is done in Arb, and the floor/ceiling is taken of the scaled ball's
    exact lower/upper end, so the result is still rounded outward (perhaps
    one unit of the last digit wider than the exact conversion)."""
    negative = man < 0
    mag = -man if negative else man
    toward_zero = (direction == "down") != negative
    bits = mag.bit_length() + exp
    prec = 4 * digits + 64 + max(bits, -bits).bit_length() + mag.bit_length()
    with ctx.workprec(prec):
        value = arb(mag) * arb(2) ** exp  # exact: a dyadic
        e10 = math.floor(bits * 0.30102999566398120)  # corrected below if one off
        for _ in range(4):
            scaled = value * arb(10) ** (digits - 1 - e10)
            low, high = _exact_endpoints(scaled)
            n_, d_ = _fraction(*(low if toward_zero else high))
            q = n_ // d_ if toward_zero else -((-n_) // d_)
            if q >= 10 ** digits:
                e10 += 1
            elif q < 10 ** (digits - 1):
                e10 -= 1
            else:
                break
    text = _format_decimal(q, digits, e10)
    return "-" + text if negative else text


def _fmpq_string(q: fmpq, direction: str, digits: int) -> str:
    """A rational as decimal text: exactly when it is a short terminating
    decimal (1/10 is "0.1"), otherwise rounded outward to ``digits``."""
    num, den = int(q.p), int(q.q)
    down, up = (decimal_string(num, den, rounding, 60) for rounding in ("down", "up"))
    if down == up:
        return down
    return decimal_string(num, den, direction, digits)


@dataclass(frozen=True)
class Ball:
    """A certified enclosure [lower, upper] of a real number.

    ``value`` is the Arb ball; ``exact`` the exact rational when the value
    is known exactly (a rank, or a rational parameter); ``prec`` the working
    precision (bits) that produced it, ``max_prec`` the cap, ``accuracy``
    the requested relative accuracy in bits and ``accurate`` whether it was
    reached. ``lower``/``upper`` are exact decimal strings rounded outward;
    ``mid`` is a float near the centre (0.0 or inf where a float cannot
    hold it: use the strings).

    >>> from flint import arb, fmpq
    >>> b = Ball.from_exact(fmpq(1, 10))
    >>> b.lower, b.upper, b.mid
    ('0.1', '0.1', 0.1)
    """

    value: arb
    exact: Optional[fmpq] = None
    prec: int = 0
    max_prec: int = DEFAULT_MAX_PREC
    accuracy: int = DEFAULT_ACCURACY
    accurate: bool = True

    @classmethod
    def from_exact(cls, q, prec: int = 0) -> "Ball":
        q = q if isinstance(q, fmpq) else fmpq(q)
        with ctx.workprec(max(prec, 128)):
            value = arb(q)
        return cls(value, q, prec)

    # ---------------------------------------------------------------- views
    @property
    def digits(self) -> int:
        """Significant digits used for the decimal endpoints."""
        bits = accuracy_bits(self.value)
        if bits == math.inf:
            return 40
        if bits == -math.inf:
            return 17
        return int(min(max(bits * 0.30103 + 3, 6), 60))

    @property
    def lower(self) -> str:
        if self.exact is not None:
            return _fmpq_string(self.exact, "down", self.digits)
        return _endpoint_string(self.value, "down", self.digits)

    @property
    def upper(self) -> str:
        if self.exact is not None:
            return _fmpq_string(self.exact, "up", self.digits)
        return _endpoint_string(self.value, "up", self.digits)

    @property
    def mid(self) -> float:
        if self.exact is not None:
            return int(self.exact.p) / int(self.exact.q) if abs(self.exact.p) < 2 ** 1000 \
                else float(self.value.mid())
        return float(self.value.mid()) if self.value.is_finite() else math.nan

    @property
    def is_finite(self) -> bool:
        return bool(self.value.is_finite())

    @property
    def integer(self) -> Optional[int]:
        """The exact integer, when the ball is certified to be that integer."""
        if self.exact is not None:
            return int(self.exact.p) if self.exact.q == 1 else None
        if self.value.is_finite() and self.value.is_exact():
            z = self.value.unique_fmpz()
            return None if z is None else int(z)
        return None

    @property
    def accuracy_bits(self) -> float:
        return accuracy_bits(self.value)

    def contains(self, x) -> bool:
        """True when the exact rational x (int, Fraction, fmpq, or decimal
        text such as "0.0557") lies in the ball."""
        from fractions import Fraction

        if isinstance(x, str):
            x = Fraction(x)
        if isinstance(x, Fraction):
            x = fmpq(x.numerator, x.denominator)
        # convert well below the ball's own width (a rational that is not
        # dyadic becomes a ball, which must fit inside)
        with ctx.workprec(2 * max(self.prec, ctx.prec, 128) + 64):
            return bool(self.value.contains(fmpq(x) if isinstance(x, int) else x))

    def __repr__(self) -> str:
        if self.integer is not None:
            return f"Ball({self.integer})"
        if self.exact is not None:
            return f"Ball({self.exact})"
        return f"Ball([{self.lower}, {self.upper}])"

    def _repr_latex_(self) -> str:
        if self.integer is not None:
            return f"${self.integer}$"
        return rf"$\left[{self.lower},\ {self.upper}\right]$"

    def to_json(self) -> dict:
        out = {"lower": self.lower, "upper": self.upper}
        mid = self.mid
        if math.isfinite(mid) and (mid != 0 or self.value.is_zero()):
            out["mid"] = mid
        if self.integer is not None:
            out["int"] = self.integer
        if self.exact is not None:
            out["exact"] = str(self.exact)
        out["prec"] = self.prec
        out["accurate"] = self.accurate
        return out


def ball_from_arb(x, *, prec: int = 0, max_prec: int = DEFAULT_MAX_PREC,
                  accuracy: int = DEFAULT_ACCURACY) -> Ball:
    """Wrap an arb (or an exact fmpq) as a Ball, noting whether it meets
    the requested relative accuracy."""
    if isinstance(x, fmpq):
        return Ball(arb(x), x, prec, max_prec, accuracy, True)
    return Ball(x, None, prec, max_prec, accuracy, accuracy_bits(x) >= accuracy)


def enclose(compute: Callable[[int], object], *, accuracy: int = DEFAULT_ACCURACY,
            max_prec: int = DEFAULT_MAX_PREC, start_prec: Optional[int] = None,
            done: Optional[Callable[[arb], bool]] = None) -> Ball:
    """Run ``compute(prec)`` (which returns an arb or an exact fmpq) at
    rising working precision until the result's relative width is below
    2**-accuracy (or ``done(result)`` holds), doubling the precision up to
    ``max_prec`` bits. Returns the last Ball with the precision reached and
    whether the accuracy was met. ``compute`` runs inside
    ``flint.ctx.workprec(prec)``.

    Raises DomainError when the value is undefined (NaN) at every precision.

    >>> from flint import arb
    >>> b = enclose(lambda prec: arb(2).sqrt())
    >>> b.accurate, b.lower[:8]
    (True, '1.414213')
    """
    if accuracy < 1:
        raise DomainError(f"accuracy must be at least 1 bit, got {accuracy}")
    prec = start_prec or accuracy + _HEADROOM
    if max_prec < prec:
        max_prec = prec
    while True:
        with ctx.workprec(prec):
            result = compute(prec)
        if isinstance(result, fmpq):
            return Ball(arb(result), result, prec, max_prec, accuracy, True)
        good = accuracy_bits(result) >= accuracy or (done is not None and done(result))
        if good or prec >= max_prec:
            if result.is_nan():
                raise DomainError("the value is undefined for these parameters")
            return Ball(result, None, prec, max_prec, accuracy, bool(good))
        prec = min(2 * prec, max_prec)
