"""Claims of budzinskiy2025 (S. Budzinskiy, "When big data actually are
low-rank, or entrywise approximation of certain function-generated
matrices", SIAM J. Math. Data Sci. 7(3), 2025), restated as checks.

Every numerical or inequality claim of the paper that can be checked
without running experiments, and three claims about the experiments of
Section 7 (checked statistically by running them at a small scale): the ranks of Section 1.3, the Stirling and
binomial steps of Examples 1.1-1.2 and (1.1), Remark 4.2 on R_r(t, p), the
summation of Corollary 3.7, each step of the comparisons of Appendix B and
the spot checks they support in Section 2. Each claim says what the paper
states; its check computes the verdict with certified arithmetic (the
catalogue's enclosures, ``certified.prove``, ``analysis.crossover``).

How claims over unbounded or non-rectangular domains are checked is said
in each ``comment``: a bound such as "r >= e^2 M" becomes a box by a
substitution (M = u r / e^2 with u in (0, 1]); a step "this would follow
from a stronger inequality" is proved by the pointwise facts that make it
follow (one per branch of a max); an exact rescaling is checked as a
symbolic identity. Where a part of a claim rests on a classical fact that
is not computed (Stirling's limit, binom(n, k) <= n^k / k!), the comment
says so and the check proves the rest.
"""

from __future__ import annotations

import sympy
from sympy import E, Max, binomial, ceiling, exp, factorial, log, pi, sqrt

from certbounds.analysis.claims import (REFUTED, UNDECIDED, VERIFIED, Claim, Verdict, all_of,
                                        comparison_check, crossover_check, identity_check,
                                        implication_check, inequality_check, measured_check,
                                        value_check)
from certbounds.certified.decide import compare
from certbounds.certified.exact import INF
from certbounds.certified.prove import Range
from certbounds.symbolic.functions import RecursionR, r_closed_form
from certbounds.symbolic.references import parse_expression

PAPER = "budzinskiy2025"

# the paper's letters: reals are positive, counts are positive integers
C, M, eps, u, x, y, Cv, theta = sympy.symbols("C M eps u x y Cv theta", positive=True)
m, n, r, rho, t, k = sympy.symbols("m n r rho t k", integer=True, positive=True)
j = sympy.Symbol("j", integer=True, nonnegative=True)


def _integers(lo, hi=INF) -> Range:
    return Range(lo, hi, integer=True)


def _lt(a, b):
    return sympy.StrictLessThan(a, b, evaluate=False)


def _le(a, b):
    return sympy.LessThan(a, b, evaluate=False)


def _gt(a, b):
    return sympy.StrictGreaterThan(a, b, evaluate=False)


def _ge(a, b):
    return sympy.GreaterThan(a, b, evaluate=False)


def _quantity(reference: str, variables=(), **bindings) -> sympy.Expr:
    """A catalogue quantity with its parameters bound (text, exact)."""
    return parse_expression(reference, variables=variables, bindings=bindings)


#: b_r = r! e^r / r^r is nondecreasing (b_{r+1}/b_r = e (1 + 1/r)^{-r} >= 1), so
#: r! >= b_1 (r/e)^r = e (r/e)^r for every r >= 1: log(1 + x) < x, x = 1/r
_FACTORIAL_BELOW = inequality_check(_lt(log(1 + x), x), {"x": "(0, 1]"})
#: 1 + x < e^x for x > 0 (footnote 1)
_EXP_ABOVE = inequality_check(_lt(1 + x, exp(x)), {"x": "(0, inf)"})


# ------------------------------------------------------------ Section 1.3
_JL = "budzinskiy2025:thm1.3.rank"
_AT_N = {"n1": "n", "n2": "n", "eps": "0.1"}

SECOND_STAGE = Claim(
    id="budzinskiy2025:s1.3-second-stage",
    source="budzinskiy2025, Section 1.3 (Theorem 1.3, (1.2))",
    statement="For f(x, y) = x^T y and eps = 0.1, with Theorem 1.3 (n1 = n2 = n), the second "
              "stage begins at n = 18964: r(n) = ceil(900 log(3 n^2)) first drops below n there.",
    check=crossover_check(_JL, "n", "n", 18964, start=1, bindings=_AT_N),
    comment="The first integer n >= 1 with r(n) < n, certified first (r(n) >= n proved on "
            "[1, n - 1]) and r(n) < n proved beyond it.",
)

JL_RANKS = Claim(
    id="budzinskiy2025:s1.3-ranks",
    source="budzinskiy2025, Section 1.3 (Theorem 1.3, (1.2))",
    statement="With eps = 0.1 and n1 = n2 = n: r_{10^5} = 21713, r_{10^7} = 30002, "
              "r_{10^9} = 38291.",
    check=all_of(*[value_check(_JL, rank, values={"eps": "0.1", "n1": size, "n2": size})
                   for size, rank in (("1e5", 21713), ("1e7", 30002), ("1e9", 38291))],
                 labels=("n = 10^5", "n = 10^7", "n = 10^9")),
    comment="Certified ceilings of 900 log(3 n^2) at the three sizes.",
)

# ------------------------------------------------------------ Example 1.1, Stirling
STIRLING = Claim(
    id="budzinskiy2025:ex1.1-stirling",
    source="budzinskiy2025, Example 1.1",
    statement="Stirling's formula r! > sqrt(2 pi r) (r/e)^r for every integer r >= 1.",
    check=all_of(
        inequality_check(_gt(factorial(r), sqrt(2 * pi * r) * (r / E) ** r),
                         {"r": _integers(1, 200)}),
        inequality_check(_gt(log(1 + x), 2 * x / (2 + x)), {"x": "(0, 1]"}),
        labels=("r = 1..200 directly",
                "a_r = r!/(sqrt(2 pi r)(r/e)^r) strictly decreasing: log(1 + x) > 2x/(2 + x), "
                "x = 1/r")),
    comment="Proved directly for r <= 200; for every r, the ratio a_r is proved strictly "
            "decreasing: a_{r+1}/a_r = e (1 + 1/r)^{-(r + 1/2)} < 1 is (r + 1/2) log(1 + 1/r) > 1, "
            "i.e. log(1 + x) > 2x/(2 + x) with x = 1/r in (0, 1]. With the classical limit "
            "a_r -> 1 (Stirling's formula, not computed here) this gives a_r > 1 for all r.",
)


def _stirling_step():
    """(u r/e^2)^r / r! < e^{-r} for r >= 1, u in (0, 1], i.e. M^r/r! < e^{-r}
    whenever 0 < M <= r/e^2, for every r: directly for r <= 100, and for
    all r through b_r = r! e^r / r^r >= b_1 = e (b_{r+1}/b_r = e/(1+1/r)^r
    >= 1 because log(1 + x) < x), so (u r/e)^r <= r^r/e^r <= r!/e < r!."""
    return all_of(
        inequality_check(_lt((u * r / E ** 2) ** r / factorial(r), exp(-r)),
                         {"r": _integers(1, 100), "u": "(0, 1]"}),
        _FACTORIAL_BELOW,
        comparison_check(E, 1, ">", "b_1 = 1! e / 1 = e > 1"),
        labels=("r = 1..100, M = u r/e^2 directly",
                "b_r = r! e^r / r^r nondecreasing: log(1 + x) < x on (0, 1] (x = 1/r)",
                "b_1 = e > 1"))


STIRLING_STEP = Claim(
    id="budzinskiy2025:ex1.1-stirling-step",
    source="budzinskiy2025, Example 1.1",
    statement="C M^r / r! < C e^{-r} once r >= e^2 M (integer r >= 1, M > 0, C >= 1), by "
              "Stirling's formula.",
    check=_stirling_step(),
    comment="C > 0 cancels; the left side increases with M, so M = u r / e^2 with u in (0, 1] "
            "covers r >= e^2 M (a box). The claim then reads (u r/e)^r < r!, proved for every r "
            "from r! >= e (r/e)^r (b_r = r! e^r / r^r is nondecreasing from b_1 = e), which "
            "needs only log(1 + x) < x, and directly for r <= 100.",
)

# ------------------------------------------------------------ (1.1) and footnote 1
BINOMIAL_STEP = Claim(
    id="budzinskiy2025:eq1.1-binomial-step",
    source="budzinskiy2025, (1.1) and footnote 1",
    statement="binom(m + rho* - 1, m) <= e^m (1 + (rho* - 1)/m)^m for integers m >= 1, "
              "rho* >= 1 (footnote 1: binom(n, k) <= (e n/k)^k).",
    check=all_of(
        inequality_check(_le(binomial(m + rho - 1, m), E ** m * (1 + (rho - 1) / m) ** m),
                         {"m": _integers(1, 12), "rho": _integers(1, 12)}),
        _FACTORIAL_BELOW,
        labels=("m, rho = 1..12 directly",
                "k! >= e (k/e)^k for all k (b_k nondecreasing): log(1 + x) < x on (0, 1]")),
    comment="Proved directly for m, rho <= 12. For all m, rho it is footnote 1 with n = m + "
            "rho - 1, k = m: binom(n, k) <= n^k / k! (n(n-1)...(n-k+1) <= n^k, not computed) "
            "and k! >= (k/e)^k, which the check proves for every k as in Example 1.1.",
)

_RHO_ONE = {"m": "1", "C": "1", "M": "1/10", "eps": "1/2"}
EXP_STEP = Claim(
    id="budzinskiy2025:eq1.1-exp-step",
    source="budzinskiy2025, (1.1) and footnote 1",
    statement="e^m (1 + (rho* - 1)/m)^m < e^{m + rho* - 1} in (1.1), for every m >= 1 and "
              "rho* = ceil(max{log(C/eps), e^2 m M}) (C >= 1, M > 0, eps in (0, 1)), by "
              "1 + x < e^x.",
    check=all_of(
        inequality_check(_lt(E ** m * (1 + (rho - 1) / m) ** m, exp(m + rho - 1)),
                         {"m": _integers(1, 12), "rho": _integers(1, 12)}),
        comparison_check(_quantity("budzinskiy2025:eq1.1.rank_bound_exp", **_RHO_ONE),
                  _quantity("budzinskiy2025:eq1.1.rank_bound_simple", **_RHO_ONE), "<",
                  "at m = 1, C = 1, M = 1/10, eps = 1/2 (rho* = 1): middle < right bound"),
        labels=("over integers m, rho* = 1..12", "at an admissible point with rho* = 1")),
    comment="The strict inequality is 1 + x < e^x at x = (rho* - 1)/m, which is an equality "
            "at x = 0: whenever rho* = 1 both sides equal e^m. rho* = 1 is admissible, e.g. "
            "m = 1, C = 1, M = 1/10, eps = 1/2 (log 2 < 1, e^2/10 < 1). The rank bound "
            "binom(m + rho* - 1, m) <= e^{m + rho* - 1} itself still holds (with <=); see "
            "budzinskiy2025:eq1.1-exp-step-rho2 for rho* >= 2.",
)

EXP_STEP_RHO2 = Claim(
    id="budzinskiy2025:eq1.1-exp-step-rho2",
    source="budzinskiy2025, (1.1) and footnote 1",
    statement="e^m (1 + (rho* - 1)/m)^m < e^{m + rho* - 1} for every m >= 1 when rho* >= 2 "
              "(the part of (1.1)'s last inequality that holds strictly).",
    check=all_of(
        _EXP_ABOVE,
        inequality_check(_lt(E ** m * (1 + (rho - 1) / m) ** m, exp(m + rho - 1)),
                         {"m": _integers(1, 12), "rho": _integers(2, 12)}),
        labels=("1 + x < e^x for x = (rho* - 1)/m > 0", "m = 1..12, rho* = 2..12 directly")),
    comment="With x = (rho* - 1)/m > 0, 1 + x < e^x gives (1 + x)^m < e^{m x}: the claim for "
            "all m, rho* >= 2 (x^m is increasing on x > 0); also checked directly on a range.",
)

ONE_PLUS_X = Claim(
    id="budzinskiy2025:fn1-exp",
    source="budzinskiy2025, footnote 1",
    statement="1 + x < e^x (for real x != 0).",
    check=all_of(_EXP_ABOVE,
                 inequality_check(_lt(1 - y, exp(-y)), {"y": "(0, inf)"}),
                 labels=("x > 0", "x = -y < 0")),
    comment="The two half-lines; at x = 0 it is an equality (which is what breaks the strict "
            "inequality of (1.1) at rho* = 1).",
)

FOOTNOTE_BINOMIAL = Claim(
    id="budzinskiy2025:fn1-binomial",
    source="budzinskiy2025, footnote 1",
    statement="binom(n, k) <= (e n / k)^k for integers n >= k >= 1.",
    check=all_of(
        inequality_check(_le(binomial(k + j, k), (E * (k + j) / k) ** k),
                         {"k": _integers(1, 12), "j": Range(0, 12, integer=True)}),
        _FACTORIAL_BELOW,
        labels=("n = k + j, k = 1..12, j = 0..12 directly",
                "k! >= e (k/e)^k for all k: log(1 + x) < x on (0, 1]")),
    comment="n = k + j makes n >= k a box. For all n, k: binom(n, k) <= n^k/k! (not computed) "
            "and k! >= (k/e)^k, proved for every k as in Example 1.1 (b_k = k! e^k / k^k is "
            "nondecreasing from b_1 = e).",
)

# ------------------------------------------------------------ Remark 4.2
_R_SAMPLES = (1, 3, 21713)


def _recursion_polynomial():
    """R_r(t, p) = r_closed_form(p) at t = 1..40 for sample r (exact
    integers), and the closed form has degree p in t with leading
    coefficient r/p!."""
    def check() -> Verdict:
        mismatches, degrees = [], {}
        for p in range(7):
            form = _closed(p)
            poly = sympy.Poly(form, t)
            degrees[p] = {"degree": poly.degree(), "leading": str(poly.LC())}
            if poly.degree() != p or sympy.simplify(poly.LC() - r / sympy.factorial(p)) != 0:
                mismatches.append(f"p = {p}: degree {poly.degree()}, leading {poly.LC()}")
            terms = sympy.Poly(form, r, t).as_dict()
            for rv in _R_SAMPLES:
                for tv in range(1, 41):
                    exact = RecursionR(rv, tv, p)
                    closed = sum(c * rv ** i * tv ** e for (i, e), c in terms.items())
                    if exact != closed:
                        mismatches.append(f"R_{rv}({tv}, {p}) = {exact} != {closed}")
        details = {"degrees": degrees, "mismatches": mismatches[:10]}
        if mismatches:
            return Verdict(REFUTED, f"{len(mismatches)} mismatch(es), e.g. {mismatches[0]}",
                           details)
        return Verdict(VERIFIED, "for p = 0..6 the polynomial that matches the recursion at "
                                 "t = 1..40 (r = 1, 3, 21713, exact integers) has degree p in t "
                                 "and leading coefficient r/p!", details)
    return check


def _closed(p: int) -> sympy.Expr:
    """R_r(t, p) as a polynomial in this file's t and r."""
    form = r_closed_form(p)
    names = {s.name: s for s in form.free_symbols}
    return sympy.expand(form.subs({names[s.name]: s for s in (r, t) if s.name in names}))


REMARK_4_2_DEGREE = Claim(
    id="budzinskiy2025:rem4.2-degree",
    source="budzinskiy2025, Remark 4.2 (Lemma 4.1)",
    statement="R_r(t, p) is a polynomial in t of degree p and grows as O(r t^p).",
    check=all_of(
        _recursion_polynomial(),
        *[inequality_check(_le(_closed(p), r * sympy.expand_func(binomial(t + p, p))),
                           {"t": _integers(1), "r": _integers(1)}) for p in (1, 2, 3, 4)],
        labels=("degree p, leading coefficient r/p!",
                *[f"R_r(t, {p}) <= r binom(t + {p}, {p}) for all t, r >= 1"
                  for p in (1, 2, 3, 4)])),
    comment="Exact: the closed form (derived from the recursion by symbolic summation) agrees "
            "with the recursion and has degree p, leading coefficient r/p!. The O(r t^p) "
            "constant is made explicit as R_r(t, p) <= r binom(t + p, p) (<= r (p + 1)^p t^p / "
            "p!), proved for all t, r >= 1 and p <= 4 (it holds for every p by induction with "
            "the hockey-stick identity).",
)


def _detached_facts(p: int):
    """p^t + (p^t - 1)/(p - 1) r >= R_r(t, p) for all t, r >= 1, strictly
    for t >= 2: R_r(t, p) = A(t) + r B(t) is affine in r, so it suffices
    that A(t) <= p^t (strictly for t >= 2) and B(t) <= (p^t - 1)/(p - 1),
    the latter through B(t) < p^(t-1) <= (p^t - 1)/(p - 1) for t >= 6."""
    form = _closed(p)
    A, B = form.subs(r, 0), form.coeff(r)
    geometric = (p ** t - 1) / (p - 1)
    return all_of(
        inequality_check(_le(A, p ** t), {"t": _integers(1)}),
        inequality_check(_lt(A, p ** t), {"t": _integers(2)}),
        inequality_check(_le(B, geometric), {"t": _integers(1, 6)}),
        inequality_check(_lt(B, p ** (t - 1)), {"t": _integers(6)}),
        inequality_check(_le(p ** (t - 1), geometric), {"t": _integers(1)}),
        labels=(f"constant part {A} <= {p}^t", f"... < {p}^t for t >= 2",
                f"r-coefficient {B} <= ({p}^t - 1)/{p - 1}, t <= 6",
                f"{B} < {p}^(t-1), t >= 6", f"{p}^(t-1) <= ({p}^t - 1)/{p - 1}"))


REMARK_4_2_DETACHED = Claim(
    id="budzinskiy2025:rem4.2-detached",
    source="budzinskiy2025, Remark 4.2",
    statement="Detaching sum Z_i at once would give the rank bound p^t + (p^t - 1)/(p - 1) r, "
              "which grows exponentially with t (worse than the polynomial R_r(t, p)).",
    check=_detached_facts(3),
    comment="Checked for p = 3, the case of Theorem 4.5 (R_r(t - 1, 3)): the detached bound is "
            ">= R_r(t, 3) for all t, r >= 1 and > for t >= 2 (they agree at t = 1, both r + 3). "
            "R_r(t, 3) = A(t) + r B(t) with A, B cubic and quartic polynomials: each part is "
            "compared with the detached bound's part.",
)

# ------------------------------------------------------------ Corollary 3.7
_SERIES_ORDERS = (1, 2, 3, 5, 10, 20)

SERIES_37 = Claim(
    id="budzinskiy2025:cor3.7-series",
    source="budzinskiy2025, Corollary 3.7 (proof)",
    statement="sum_{s=1}^{t-1} C M^s R^{2s} / s! <= C (e^{M R^2} - 1): the sum over s is "
              "estimated by the infinite series.",
    check=all_of(*[inequality_check(
        _le(exp(-x) * sympy.Add(*[x ** s / factorial(s) for s in range(order)]), 1),
        {"x": "(0, inf)"}) for order in _SERIES_ORDERS],
        labels=[f"t = {order}" for order in _SERIES_ORDERS]),
    comment="With x = M R^2 > 0 and C >= 0 the claim is sum_{s=0}^{t-1} x^s/s! <= e^x. Proved "
            "for all x > 0 at t = 1, 2, 3, 5, 10, 20 (the derivative of e^{-x} sum_{s<t} x^s/s! "
            "is -e^{-x} x^{t-1}/(t-1)! <= 0); for general t it is the positivity of the Taylor "
            "remainder of exp, which the prover cannot take symbolically in t.",
)

STIRLING_37 = Claim(
    id="budzinskiy2025:cor3.7-stirling",
    source="budzinskiy2025, Corollary 3.7 (proof, 'as in Example 1.1')",
    statement="C M^t R^{2t} / t! <= C e^{-t} for integer t >= e^2 M R^2 (Stirling's formula as "
              "in Example 1.1).",
    check=_stirling_step(),
    comment="Example 1.1's step with M replaced by M R^2: (M R^2)^t / t! < e^{-t} whenever "
            "t >= e^2 M R^2, checked as in budzinskiy2025:ex1.1-stirling-step (substitution "
            "M R^2 = u t / e^2, u in (0, 1]).",
)

# ------------------------------------------------------------ t = ceil(log 1/eps)
T_LOG = Claim(
    id="budzinskiy2025:thm3.8-t-log",
    source="budzinskiy2025, after Theorem 3.8 (also Theorems 4.5, 6.5)",
    statement="With t = ceil(log(1/eps)), Theorem 3.8 gives error O(eps) "
              "(C [e^{-t} + eps (e^{M ||W|| R^2} - 1)] <= C eps e^{M ||W|| R^2}) and rank "
              "1 + (t - 1) r = O(log(n1 n2) eps^-2 log(1/eps)).",
    check=all_of(
        inequality_check(_le(exp(-ceiling(y)), exp(-y)), {"y": "(0, inf)"}),
        inequality_check(_le(1 + (ceiling(y) - 1) * r, 1 + y * r),
                         {"y": "(0, inf)", "r": _integers(1)}),
        labels=("e^{-t} <= eps", "1 + (t - 1) r <= 1 + r log(1/eps)")),
    comment="eps = e^{-y}, y > 0. e^{-t} <= eps turns the error into C eps e^{M||W||R^2}; and "
            "1 + (t - 1) r <= 1 + r log(1/eps) with r = ceil(9 log(3 n1 n2)/eps^2) is the stated "
            "order (r stands for any rank >= 1). 'Sufficiently small eps' is the theorem's "
            "hypothesis t >= e^2 M ||W|| R^2, not checked here.",
)

T_LOG_45 = Claim(
    id="budzinskiy2025:thm4.5-t-log",
    source="budzinskiy2025, after Theorem 4.5 (Remark 4.2)",
    statement="With t = ceil(log(1/eps)), Theorem 4.5's rank R_r(t - 1, 3) is "
              "O(log(n1 n2) eps^-2 log^3(1/eps)).",
    check=inequality_check(_le(_closed(3).subs(t, ceiling(y) - 1), r * (y + 3) ** 3 / 6),
                           {"y": "(0, inf)", "r": _integers(1)}),
    comment="Explicitly R_r(t - 1, 3) <= r (log(1/eps) + 3)^3 / 6 for all eps in (0, 1) "
            "(eps = e^{-y}) and r >= 1, with R_r(., 3) its exact cubic closed form.",
)

# ------------------------------------------------------------ Appendix B.1
_L2N = log(2 * n + 1)
_PM = C ** 2 * m ** m           # the proof's lower bound on C_u
_B1_RHS_BRANCHES = (E ** m * C / eps, E ** m * (1 + E ** 2 * M) ** m)
_B1_RHS = Max(*_B1_RHS_BRANCHES)        # e^m max{C/eps, (1 + e^2 M)^m}
_B1_RANGES = {"eps": "(0, 1)", "C": "[1, inf)", "m": _integers(2), "M": "(0, inf)"}

B1_STEP1 = Claim(
    id="budzinskiy2025:b1-step1",
    source="budzinskiy2025, Appendix B.1",
    statement="Since Cu > C^2 m^m and Cv > 0, 1 + 8 log(2n+1) (1 + 2 (Cu + Cv + 1)/eps)^2 > "
              "e^m max{C/eps, (1 + e^2 M)^m} would follow from 32 C^4/eps^2 log(2n+1) m^{2m} > "
              "e^m max{C/eps, (1 + e^2 M)^m}.",
    check=implication_check(
        _gt(32 * C ** 4 / eps ** 2 * _L2N * m ** (2 * m), _B1_RHS),
        _gt(1 + 8 * _L2N * (1 + 2 * (_PM + u + Cv + 1) / eps) ** 2, _B1_RHS),
        {**_B1_RANGES, "n": _integers(1), "u": "(0, inf)", "Cv": "(0, inf)"}, via="difference"),
    comment="Cu > C^2 m^m is made a box by Cu = C^2 m^m + u, u > 0. The step holds pointwise: "
            "the weaker inequality's left side minus its right side is at least the stronger "
            "one's, over eps in (0, 1), C >= 1, integers m >= 2, n >= 1, M, u, Cv > 0.",
)

_K_B1 = 32 * C ** 4 * m ** (2 * m) / eps ** 2


def _equivalent(left, right, ranges):
    """LEFT <=> RIGHT (two relations '>') as implications both ways, by
    the ratio route: the two relations have the same ratio of sides."""
    return all_of(implication_check(left, right, ranges, via="ratio"),
                  implication_check(right, left, ranges, via="ratio"),
                  labels=("=>", "<="))


B1_STEP2 = Claim(
    id="budzinskiy2025:b1-step2",
    source="budzinskiy2025, Appendix B.1",
    statement="32 C^4/eps^2 log(2n+1) m^{2m} > e^m max{C/eps, (1+e^2 M)^m} is "
              "log(2n+1) > (1/32) max{eps e^m/(C^3 m^{2m}), eps^2 e^m (1+e^2 M)^m/(C^4 m^{2m})}.",
    check=all_of(*[_equivalent(_gt(_K_B1 * _L2N, branch), _gt(_L2N, branch / _K_B1),
                               {**_B1_RANGES, "n": _integers(1)})
                   for branch in _B1_RHS_BRANCHES], labels=("first branch", "second branch")),
    comment="An equivalence: both sides divided by K = 32 C^4 m^{2m} / eps^2 > 0. A '>' against "
            "a max is a '>' against each branch, so each branch is shown equivalent, by "
            "implications both ways with equal ratios of the sides.",
)

_B1_BASE = (E * (1 + E ** 2 * M) / m ** 2) ** m
B1_STEP3 = Claim(
    id="budzinskiy2025:b1-step3",
    source="budzinskiy2025, Appendix B.1",
    statement="As eps in (0, 1) and C >= 1, log(2n+1) > (1/32) max{...} would follow from the "
              "stronger log(2n+1) > [e (1 + e^2 M) / m^2]^m.",
    check=all_of(*[implication_check(_gt(_L2N, _B1_BASE), _gt(_L2N, branch / _K_B1),
                                     {**_B1_RANGES, "n": _integers(1)})
                   for branch in _B1_RHS_BRANCHES], labels=("first branch", "second branch")),
    comment="Each branch of the weaker max follows from the stronger inequality (same left "
            "side, a smaller right side), over eps in (0, 1), C >= 1, integers m >= 2, n >= 1, "
            "M > 0.",
)

B1_ALL_N = Claim(
    id="budzinskiy2025:b1-all-n",
    source="budzinskiy2025, Appendix B.1",
    statement="If the right-hand side [e (1 + e^2 M)/m^2]^m is smaller than one, the inequality "
              "log(2n+1) > [e (1 + e^2 M)/m^2]^m holds for all n in N.",
    check=inequality_check(_gt(_L2N, 1), {"n": _integers(1)}),
    comment="log(2n + 1) >= log 3 > 1 for every n >= 1.",
)

_THRESHOLD_B1 = (m ** 2 - E) / E ** 3
B1_THRESHOLD = Claim(
    id="budzinskiy2025:b1-threshold",
    source="budzinskiy2025, Appendix B.1 (and Section 2)",
    statement="[e (1 + e^2 M)/m^2]^m < 1 gives the sufficient condition M < (m^2 - e)/e^3.",
    check=all_of(
        identity_check(E * (1 + E ** 2 * _THRESHOLD_B1) / m ** 2, 1, "base at M = (m^2 - e)/e^3"),
        inequality_check(_gt(sympy.diff(E * (1 + E ** 2 * M) / m ** 2, M), 0),
                         {"M": "(0, inf)", "m": _integers(1)}),
        labels=("the base e(1 + e^2 M)/m^2 equals 1 at the threshold",
                "the base is increasing in M")),
    comment="The base is positive, equals 1 exactly at M = (m^2 - e)/e^3 and increases with M, "
            "so base^m < 1 iff M < (m^2 - e)/e^3 (x^m is increasing on x > 0).",
)

B1_M_AT_LEAST_2 = Claim(
    id="budzinskiy2025:b1-m-ge-2",
    source="budzinskiy2025, Appendix B.1",
    statement="The condition M < (m^2 - e)/e^3 requires m >= 2 to have M > 0.",
    check=all_of(inequality_check(_gt(m ** 2, E), {"m": _integers(2)}),
                 comparison_check(1 - E, 0, "<", "m = 1: m^2 - e = 1 - e < 0"),
                 labels=("m >= 2: (m^2 - e)/e^3 > 0", "m = 1: (1 - e)/e^3 < 0")),
    comment="The threshold is positive exactly for the integers m >= 2.",
)

# ------------------------------------------------------------ Appendix B.2
_L3N = log(3 * n ** 2)
_B2_BRANCHES = (E ** m * C / eps, E ** m * (1 + E ** 2 * M) ** m)
_B2_SCALE = eps ** 2 / (9 * C ** 2 * exp(m) * exp(m * M ** 2))  # e^{m(1 + M^2)}, expanded
_B2_RANGES = {"eps": "(0, 1)", "C": "[1, inf)", "m": _integers(1), "M": "(0, inf)"}

B2_MAIN = Claim(
    id="budzinskiy2025:b2-main",
    source="budzinskiy2025, Appendix B.2 (and Section 2)",
    statement="e^{M^2} > 1 + e^2 M is true for all M > 1.597.",
    check=inequality_check(_gt(exp(M ** 2), 1 + E ** 2 * M), {"M": "(1.597, inf)"}),
    comment="Over the unbounded range (1.597, inf): the difference is increasing there.",
)


def _b2_root():
    """The positive root of e^{M^2} = 1 + e^2 M lies in (1.596, 1.597): the
    difference is < 0 on (0, 1.596] and > 0 on [1.597, inf) (proved), so
    1.597 is the threshold to three decimals; the root is then enclosed by
    certified bisection (compare at exact points) for the evidence."""
    f = exp(M ** 2) - 1 - E ** 2 * M

    def check() -> Verdict:
        below = inequality_check(_lt(exp(M ** 2), 1 + E ** 2 * M), {"M": "(0, 1.596]"})()
        above = inequality_check(_gt(exp(M ** 2), 1 + E ** 2 * M), {"M": "[1.597, inf)"})()
        lo, hi = sympy.Rational(1596, 1000), sympy.Rational(1597, 1000)
        for _ in range(24):
            mid = (lo + hi) / 2
            d = compare(f.subs(M, mid), 0, "<")
            if d.status == "undecided":
                break
            lo, hi = (mid, hi) if d.status == "true" else (lo, mid)
        details = {"below": below.to_json(), "above": above.to_json(),
                   "root": [str(sympy.N(lo, 12)), str(sympy.N(hi, 12))]}
        status = ({below.status, above.status} == {VERIFIED} and VERIFIED) or \
            (REFUTED in (below.status, above.status) and REFUTED) or UNDECIDED
        return Verdict(status, f"below 1.596: {below.status}; from 1.597: {above.status}; the "
                               f"root lies in ({sympy.N(lo, 12)}, {sympy.N(hi, 12)})", details)
    return check


B2_THRESHOLD = Claim(
    id="budzinskiy2025:b2-threshold",
    source="budzinskiy2025, Appendix B.2 and Section 2",
    statement="1.597 is (to three decimals) where e^{M^2} > 1 + e^2 M starts: 'Claim B can hold "
              "when M < 1.596', the condition holds for M > 1.597.",
    check=_b2_root(),
    comment="Verified when e^{M^2} < 1 + e^2 M on (0, 1.596] and e^{M^2} > 1 + e^2 M on "
            "[1.597, inf) are both proved, i.e. the only positive root lies in (1.596, 1.597); "
            "the evidence encloses it further (about 1.59664).",
)

_B2_SMALL = (eps / C * exp(-m * M ** 2) / 9,
             eps ** 2 / C ** 2 * ((1 + E ** 2 * M) / exp(M ** 2)) ** m / 9)
_B2_LARGE = (exp(-m * M ** 2), ((1 + E ** 2 * M) / exp(M ** 2)) ** m)

B2_STEP1 = Claim(
    id="budzinskiy2025:b2-step1",
    source="budzinskiy2025, Appendix B.2",
    statement="9C^2/eps^2 log(3n^2) e^{m(1+M^2)} > e^m max{C/eps, (1+e^2 M)^m} is "
              "log(3n^2) > (1/9) max{(eps/C) e^{-m M^2}, (eps^2/C^2) ((1+e^2 M)/e^{M^2})^m}.",
    check=all_of(*[_equivalent(_gt(_L3N / _B2_SCALE, branch), _gt(_L3N, small),
                               {**_B2_RANGES, "n": _integers(1)})
                   for branch, small in zip(_B2_BRANCHES, _B2_SMALL)],
                 labels=("first branch", "second branch")),
    comment="An equivalence: both sides divided by 9 C^2 e^{m(1+M^2)}/eps^2 > 0, branch by "
            "branch of the max, by implications both ways with equal ratios of the sides.",
)

B2_STEP2 = Claim(
    id="budzinskiy2025:b2-step2",
    source="budzinskiy2025, Appendix B.2",
    statement="As eps in (0, 1) and C >= 1, this would follow from the stronger "
              "log(3n^2) > max{e^{-m M^2}, ((1 + e^2 M)/e^{M^2})^m}.",
    check=all_of(*[implication_check(_gt(_L3N, large), _gt(_L3N, small),
                                     {**_B2_RANGES, "n": _integers(1)})
                   for large, small in zip(_B2_LARGE, _B2_SMALL)],
                 labels=("first branch", "second branch")),
    comment="Branch by branch: log(3n^2) > each branch of the stronger max implies it exceeds "
            "the matching (smaller) branch of the weaker one, over eps in (0, 1), C >= 1, "
            "integers m, n >= 1, M > 0.",
)

B2_STEP3 = Claim(
    id="budzinskiy2025:b2-step3",
    source="budzinskiy2025, Appendix B.2",
    statement="If max{e^{-m M^2}, ((1 + e^2 M)/e^{M^2})^m} < 1 the inequality holds for all n; "
              "this gives the sufficient condition e^{M^2} > 1 + e^2 M.",
    check=all_of(
        inequality_check(_gt(_L3N, 1), {"n": _integers(1)}),
        inequality_check(_lt(exp(-m * M ** 2), 1), {"m": _integers(1), "M": "(0, inf)"}),
        inequality_check(_lt(((1 + E ** 2 * M) / exp(M ** 2)) ** m, 1),
                         {"m": _integers(1), "M": "(1.597, inf)"}),
        labels=("log(3n^2) > 1 for n >= 1", "e^{-m M^2} < 1",
                "((1 + e^2 M)/e^{M^2})^m < 1 where e^{M^2} > 1 + e^2 M (M > 1.597)")),
    comment="log(3 n^2) >= log 3 > 1. The first branch is < 1 for every M > 0; the second is < 1 "
            "exactly when e^{M^2} > 1 + e^2 M, checked on M > 1.597 where that holds "
            "(budzinskiy2025:b2-main).",
)

# ------------------------------------------------------------ Section 2 and Appendix B: spot checks
_EQ11 = "budzinskiy2025:eq1.1.rank"


def _lemma22_looser(m_):
    values = dict(m=m_, C="1", M="1", eps="0.1")
    return comparison_check(_quantity("budzinskiy2025:lem2.2.rank", **values),
                     _quantity(_EQ11, **values), ">", f"m = {m_}")


LEMMA22_LOOSER = Claim(
    id="budzinskiy2025:s2-lem2.2-looser",
    source="budzinskiy2025, Section 2 (Lemma 2.2)",
    statement="Lemma 2.2 essentially repeats Example 1.2 with a looser (for all large m) rank "
              "bound: (rho + 1) m^rho, rho <= max{2 e m M, log2(C/eps)} + 1, against (1.1).",
    check=all_of(*[_lemma22_looser(v) for v in ("2", "10", "30")],
                 labels=("m = 2", "m = 10", "m = 30")),
    comment="Spot checks at M = 1, C = 1, eps = 0.1 (the largest admissible rho of Lemma 2.2): "
            "(rho + 1) m^rho exceeds binom(m + rho* - 1, m) of (1.1). At m = 1 it does not "
            "(7 < 8), which is why the paper says 'for all large m'.",
)


def _thm21_worse(m_, M_, Cu_, Cv_):
    left = _quantity("budzinskiy2025:thm2.1.rank", ("n",), n1="n", n2="n", eps="0.1", Cu=Cu_,
                     Cv=Cv_)
    right = _quantity(_EQ11, m=m_, C="1", M=M_, eps="0.1")
    return inequality_check(_gt(left, right), {"n": _integers(1)})


THM21_WORSE = Claim(
    id="budzinskiy2025:s2-thm2.1-worse",
    source="budzinskiy2025, Section 2 (Appendix B.1)",
    statement="Theorem 2.1 is worse than (1.1) for every n and every m >= 2 when "
              "M < (m^2 - e)/e^3.",
    check=all_of(_thm21_worse("2", "1/20", "5", "5"), _thm21_worse("3", "3/10", "28", "28"),
                 _thm21_worse("10", "1", "10000000001", "10000000001"),
                 labels=("m = 2, M = 1/20 < 0.0639", "m = 3, M = 3/10 < 0.3127",
                         "m = 10, M = 1 < 4.84")),
    comment="Spot checks of the general claim (proved in steps budzinskiy2025:b1-*): C = 1, "
            "eps = 0.1, Cu = Cv = m^m + 1 (just above [41]'s lower bounds C^2 m^m and m^m), "
            "n1 = n2 = n; the rank of Theorem 2.1 exceeds the rank binom(m + rho* - 1, m) of "
            "(1.1) for every n >= 1.",
)


def _thma1_worse(m_, M_):
    # Theorem A.1 at error eps ||f||: its JL accuracy is eps / (C e^{(m/2)(1 + M^2)})
    left = _quantity("budzinskiy2025:thma.1.rank", ("n",), n1="n", n2="n", m=m_, C="1", M=M_,
                     eps=f"(1/10)*exp(-({m_})/2*(1 + ({M_})**2))")
    right = _quantity(_EQ11, m=m_, C="1", M=M_, eps="0.1")
    return inequality_check(_gt(left, right), {"n": _integers(1)})


THMA1_WORSE = Claim(
    id="budzinskiy2025:s2-thma.1-worse",
    source="budzinskiy2025, Section 2 (Appendix B.2)",
    statement="Theorem A.1 is worse than (1.1) for every n and every m when M > 1.597.",
    check=all_of(_thma1_worse("1", "1.6"), _thma1_worse("2", "1.6"), _thma1_worse("20", "1.6"),
                 _thma1_worse("100", "2"),
                 labels=("m = 1, M = 1.6", "m = 2, M = 1.6", "m = 20, M = 1.6", "m = 100, M = 2")),
    comment="Spot checks (the general claim is budzinskiy2025:b2-*): C = 1, error eps ||f|| with "
            "eps = 0.1, so Theorem A.1 runs Theorem 1.3 at accuracy eps e^{-(m/2)(1 + M^2)}; its "
            "rank exceeds (1.1)'s for every n >= 1 (n1 = n2 = n).",
)


def _claim_c(m_, C_, M_, eps_):
    rank = _quantity(_EQ11, m=m_, C=C_, M=M_, eps=eps_)
    mm, CC, MM, ee = (sympy.Rational(v) for v in (m_, C_, M_, eps_))
    return comparison_check(rank, E ** mm * Max(CC / ee, (1 + E ** 2 * MM) ** mm), "<",
                     f"m = {m_}, C = {C_}, M = {M_}, eps = {eps_}")


CLAIM_C = Claim(
    id="budzinskiy2025:s2-claim-c",
    source="budzinskiy2025, Section 2 (Claim C)",
    statement="Claim C holds (purely analytically, via (1.1)) for n > e^m max{C/eps, "
              "(1 + e^2 M)^m}: the rank of (1.1) is below that bound.",
    check=all_of(_claim_c("1", "1", "1", "0.1"), _claim_c("3", "2", "1/2", "0.01"),
                 _claim_c("10", "1", "1", "0.1"), _claim_c("50", "10", "1/100", "0.001"),
                 labels=("m = 1", "m = 3", "m = 10", "m = 50")),
    comment="Spot checks at sample parameters: binom(m + rho* - 1, m) < e^m max{C/eps, "
            "(1 + e^2 M)^m}, so every n above it has rank_eps(F_n) < n. In general it follows "
            "from (1.1) with rho* - 1 < max{log(C/eps), e^2 m M} and (1 + x/m)^m <= e^x.",
)

# ------------------------------------------------------------ experiments (§7)
# These claims are about computed errors, so their verdicts are statistical:
# medians over seeded runs of alternating projections at a small scale
# (n = 120 or 200, three seeds), judged against the stated range with a
# tolerance band fixed here, before measuring.

_SEEDS = (0, 1, 2)
_M_VALUES = (4, 16, 64)
_EXP_N, _EXP_R = 200, 10
_RATIO_M, _RATIO_RANKS = 16, (10, 40)
_RANKS, _RANK_N = (2, 4, 8, 16, 25), 200
_experiments: dict = {}


def _experiment(function, sampling, n, m, r, seed):
    """Relative max-norm errors (AP, truncated SVD) of one seeded run,
    computed once per check run."""
    from certbounds.analysis.figures import approximation_task

    key = (function, sampling, n, m, r, seed)
    if key not in _experiments:
        _experiments[key] = approximation_task(
            {"function": function, "sampling": sampling, "n": n, "m": m, "r": r}, seed)
    return _experiments[key]


def _median(values):
    v = sorted(values)
    k = len(v) // 2
    return v[k] if len(v) % 2 else (v[k - 1] + v[k]) / 2


def _point(function, sampling, n, m, r):
    runs = [_experiment(function, sampling, n, m, r, s) for s in _SEEDS]
    return _median([x["ap"] for x in runs]), _median([x["svd"] for x in runs])


def _curves():
    return {(f, s): {m_: _point(f, s, _EXP_N, m_, _EXP_R) for m_ in _M_VALUES}
            for f in ("f1", "f2") for s in ("independent", "symmetric")}


def _svd_over_ap():
    points = {}
    for f in ("f1", "f2"):
        for s in ("independent", "symmetric"):
            for r_ in _RATIO_RANKS:
                ap, svd = _point(f, s, _EXP_N, _RATIO_M, r_)
                points[f"{f}, {s}, r={r_}"] = svd / ap
    return _median(list(points.values())), {"ratios": points, "n": _EXP_N, "m": _RATIO_M,
                                            "seeds": list(_SEEDS)}


def _spread_in_m():
    spreads = {f"{f}, {s}": max(ap for ap, _ in curve.values()) /
               min(ap for ap, _ in curve.values())
               for (f, s), curve in _curves().items()}
    errors = {f"{f}, {s}": {str(m_): ap for m_, (ap, _) in curve.items()}
              for (f, s), curve in _curves().items()}
    return max(spreads.values()), {"spread_per_curve": spreads, "median_ap_errors": errors,
                                   "m": list(_M_VALUES), "n": _EXP_N, "r": _EXP_R}


def _rank_slope():
    import math

    errors = {r_: _point("f1", "independent", _RANK_N, 10, r_)[0] for r_ in _RANKS}
    xs = [math.log(r_) for r_ in errors]
    ys = [math.log(e) for e in errors.values()]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x_ - mx) * (y_ - my) for x_, y_ in zip(xs, ys)) / \
        sum((x_ - mx) ** 2 for x_ in xs)
    return slope, {"median_ap_errors": {str(k_): v for k_, v in errors.items()},
                   "n": _RANK_N, "m": 10, "function": "f1, independent"}


EXP_AP_VS_SVD = Claim(
    id="budzinskiy2025:s7-ap-vs-svd",
    source="budzinskiy2025, Section 7.3 (Figure 2)",
    statement="Alternating projections achieve max-norm errors 5-10 times smaller than the "
              "truncated SVD.",
    check=measured_check(_svd_over_ap, (5, 10), (4, 12.5),
                         "median over points of (SVD error / AP error)"),
    comment="Statistical. f1 and f2 matrices, both samplings, n = 200, m = 16, r = 10 and 40 "
            "(the paper does not print the r of Figure 2; the ratio grows with r), medians "
            "over seeds 0, 1, 2; AP from the truncated-SVD start (our default, which ends "
            "lower than the paper's random start). Undecided within 25% of the stated range.",
)

EXP_FLAT_IN_M = Claim(
    id="budzinskiy2025:s7-flat-in-m",
    source="budzinskiy2025, Section 7.3 (Figure 2)",
    statement="The errors remain approximately constant as the dimension m is increased.",
    check=measured_check(_spread_in_m, (1, 2), (1, 4),
                         "largest max/min ratio of a curve's median AP errors over m"),
    comment="Statistical. 'Approximately constant' is read as: on every curve (f1, f2; "
            "independent, symmetric) the median AP errors at m = 4, 16, 64 stay within a "
            "factor 2 of each other (undecided up to 4). n = 200, r = 10, seeds 0, 1, 2.",
)

EXP_RANK_DECAY = Claim(
    id="budzinskiy2025:s7-rank-decay",
    source="budzinskiy2025, Section 7.4 (Figure 3)",
    statement="For ranks r not too close to n, the errors decay as r^(-1/2).",
    check=measured_check(_rank_slope, (-0.75, -0.25), (-1.0, 0.0),
                         "least-squares slope of log(median AP error) against log r"),
    comment="Statistical. f1, independent sampling, n = 200, m = 10, r = 2, 4, 8, 16, 25 "
            "(r <= n/8), seeds 0, 1, 2. The slope -1/2 is accepted within 0.25; undecided "
            "up to 0.5 away.",
)

CLAIMS = [
    SECOND_STAGE, JL_RANKS, STIRLING, STIRLING_STEP, BINOMIAL_STEP, EXP_STEP, EXP_STEP_RHO2,
    ONE_PLUS_X, FOOTNOTE_BINOMIAL, REMARK_4_2_DEGREE, REMARK_4_2_DETACHED, SERIES_37,
    STIRLING_37, T_LOG, T_LOG_45, B1_STEP1, B1_STEP2, B1_STEP3, B1_ALL_N, B1_THRESHOLD,
    B1_M_AT_LEAST_2, B2_MAIN, B2_THRESHOLD, B2_STEP1, B2_STEP2, B2_STEP3, LEMMA22_LOOSER,
    THM21_WORSE, THMA1_WORSE, CLAIM_C, EXP_AP_VS_SVD, EXP_FLAT_IN_M, EXP_RANK_DECAY,
]
