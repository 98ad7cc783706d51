"""budzinskiy2025: S. Budzinskiy, "When big data actually are low-rank, or
entrywise approximation of certain function-generated matrices",
SIAM J. Math. Data Sci. 7(3), 2025 (arXiv:2407.03250).

Data only: every statement the paper proves or quotes, in its numbering.
Errors are stated *relative* to the norm the paper multiplies them by
(``||f||``, ``||A||_{2,inf} ||B||_{2,inf}``, ...), as each quantity's meaning
says; ``||W||_2`` is replaced by its upper bound ``sigma``, which keeps every
bound valid because all of them increase with ``||W||_2``.
"""

from sympy import (E, Abs, Max, Sum, binomial, ceiling, exp, factorial, floor,
                   log, Symbol)

from ..domains import (AT_LEAST_ONE, NATURALS, NATURALS0, NONNEGATIVE, POSITIVE,
                       REALS, UNIT_INTERVAL, FunctionOfX)
from ..functions import (AssumptionConstant, DerivativeAt, RecursionR,
                         SupAbsDerivative)
from ..statement import (Paper, Source, Statement, constraint, hypothesis, parameter,
                         quantity)

PAPER = Paper(
    key="budzinskiy2025",
    authors="S. Budzinskiy",
    title="When big data actually are low-rank, or entrywise approximation of "
          "certain function-generated matrices",
    reference="SIAM J. Math. Data Sci. 7(3), 2025; arXiv:2407.03250",
)


def _src(number, section, note=""):
    return Source(PAPER, number, section, note=note)


# ---- parameters shared by many statements (same name -> same sympy symbol)
eps = parameter("eps", UNIT_INTERVAL, "target accuracy epsilon in (0, 1)", latex=r"\varepsilon")
n1 = parameter("n1", NATURALS, "number of rows n_1", latex="n_1")
n2 = parameter("n2", NATURALS, "number of columns n_2", latex="n_2")
m = parameter("m", NATURALS, "dimension m of the sampling points")
C_ge1 = parameter("C", AT_LEAST_ONE, "derivative-growth constant C >= 1 (Examples 1.1, 1.2)")
C = parameter("C", NONNEGATIVE, "constant C of Assumption 3.5 (absorbs ||h||)")
M = parameter("M", POSITIVE, "derivative-growth rate M > 0")
R = parameter("R", POSITIVE, "radius R of the ball B_{m,R} holding the points")
sigma = parameter("sigma", POSITIVE, "upper bound sigma >= ||W||_2", latex=r"\sigma")
h = parameter("h", FunctionOfX(), "generating function h, an expression in x")
Omega_lo = parameter("Omega_lo", REALS, "left end of the interval Omega where h lives",
                     latex=r"\Omega_-")
Omega_hi = parameter("Omega_hi", REALS, "right end of the interval Omega where h lives",
                     latex=r"\Omega_+")
A_2inf = parameter("A_2inf", NONNEGATIVE, "||A||_{2,inf}, the largest row norm of A",
                   latex=r"\|A\|_{2,\infty}")
B_2inf = parameter("B_2inf", NONNEGATIVE, "||B||_{2,inf}, the largest row norm of B",
                   latex=r"\|B\|_{2,\infty}")
AB_max = parameter("AB_max", NONNEGATIVE, "||A B^T||_max, the largest entry of |A B^T|",
                   latex=r"\|AB^\top\|_{\max}")
Cu = parameter("Cu", POSITIVE, "row-norm constant C_u of Lemma 2.2", latex="C_u")
Cv = parameter("Cv", POSITIVE, "row-norm constant C_v of Lemma 2.2", latex="C_v")
c_d = parameter("c_d", POSITIVE, "the absolute constant c_d of Theorem 6.1 (unknown law)",
                latex="c_d")
N_prod = parameter("N", NATURALS, "number of tensor entries n_1 n_2 ... n_d")
d = parameter("d", NATURALS, "order d of the tensor (number of modes)")

e, n_1, n_2 = eps.symbol, n1.symbol, n2.symbol
s = Symbol("s", integer=True, positive=True)  # summation indices, not parameters
i = Symbol("i", integer=True, nonnegative=True)

#: (1.2): the Johnson-Lindenstrauss rank of Theorem 1.3.
JL_RANK = ceiling(9 * log(3 * n_1 * n_2) / e ** 2)
#: (6.2): the tensor-train analogue, with the unknown constant c_d.
TT_RANK = ceiling(c_d.symbol / e ** 2 * log(2 * E * N_prod.symbol))

_JL_PARAMS = (eps, n1, n2)


def _smallest_t(lower_bound, text):
    """The free integer t of a theorem: the smallest admissible value."""
    return parameter("t", NATURALS, f"Taylor truncation order t (integer, {text})",
                     choose=Max(1, ceiling(lower_bound)),
                     choose_rule=f"smallest integer t >= max(1, {text.split('>= ')[-1]})")


# ---------------------------------------------------------------- Section 1
_r_ex11 = parameter("r", NATURALS, "number r of Taylor terms (the rank)",
                    choose=Max(1, ceiling(Max(log(C_ge1.symbol / e), E ** 2 * M.symbol))),
                    choose_rule="smallest integer r >= max(log(C/eps), e^2 M)")
EX1_1 = Statement(
    id="budzinskiy2025:ex1.1", example="C=1 M=1 eps=0.01",
    kind="example", title="Taylor approximation, m = 1",
    source=_src("Example 1.1", "Section 1.2"),
    summary="If ||d_y^g f(x,.)|| <= C M^g ||f|| then r Taylor terms leave a remainder "
            "<= C M^r / r! ||f||, which is < C e^{-r} ||f|| once r >= e^2 M (Stirling): "
            "rank max{log(C/eps), e^2 M} gives error of order eps.",
    parameters=(C_ge1, M, eps, _r_ex11),
    hypotheses=(
        hypothesis(_r_ex11.symbol >= E ** 2 * M.symbol, "r >= e^2 M (Stirling step)"),
        hypothesis(_r_ex11.symbol >= log(C_ge1.symbol / e), "r >= log(C/eps), so C e^{-r} <= eps"),
    ),
    quantities=(
        quantity("rank", _r_ex11.symbol, "rank of the Taylor approximant (r terms)", "rank"),
        quantity("error", C_ge1.symbol * M.symbol ** _r_ex11.symbol / factorial(_r_ex11.symbol),
                 "Taylor remainder C M^r / r!, relative to ||f||_inf", "error"),
        quantity("stirling_error", C_ge1.symbol * exp(-_r_ex11.symbol),
                 "C e^{-r}: bounds the remainder once r >= e^2 M", "error"),
    ),
)

_rho_ex12 = parameter("rho", NATURALS, "Taylor truncation order rho",
                      choose=Max(1, ceiling(Max(log(C_ge1.symbol / e),
                                                E ** 2 * m.symbol * M.symbol))),
                      choose_rule="smallest integer rho >= max(log(C/eps), e^2 m M)",
                      latex=r"\rho")
EX1_2 = Statement(
    id="budzinskiy2025:ex1.2", example="m=3 C=1 M=1/2 eps=0.01",
    kind="example", title="Taylor approximation in m variables",
    source=_src("Example 1.2", "Section 1.2"),
    summary="If ||d_y^g f(x,.)|| <= C M^|g| ||f||, the Taylor polynomial of order rho has "
            "binom(m+rho-1, m) terms and remainder <= C m^rho M^rho / rho! ||f||, which is "
            "< C e^{-rho} ||f|| once rho >= e^2 m M.",
    parameters=(m, C_ge1, M, eps, _rho_ex12),
    hypotheses=(hypothesis(_rho_ex12.symbol >= E ** 2 * m.symbol * M.symbol,
                           "rho >= e^2 m M (Stirling step)"),),
    quantities=(
        quantity("rank", binomial(m.symbol + _rho_ex12.symbol - 1, m.symbol),
                 "number of Taylor terms binom(m + rho - 1, m)", "rank"),
        quantity("error", C_ge1.symbol * (m.symbol * M.symbol) ** _rho_ex12.symbol
                 / factorial(_rho_ex12.symbol),
                 "Taylor remainder C m^rho M^rho / rho!, relative to ||f||_inf", "error"),
        quantity("stirling_error", C_ge1.symbol * exp(-_rho_ex12.symbol),
                 "C e^{-rho}: bounds the remainder once rho >= e^2 m M", "error"),
    ),
)

RHO_STAR = ceiling(Max(log(C_ge1.symbol / e), E ** 2 * m.symbol * M.symbol))
EQ1_1 = Statement(
    id="budzinskiy2025:eq1.1", example="m=10 C=1 M=1 eps=0.1",
    kind="equation", title="Analytical rank bound (1.1)",
    source=_src("(1.1)", "Section 1.2",
                note="uses binom(n,k) <= (en/k)^k and 1 + x < e^x (footnote 1)"),
    summary="rank(G) <= binom(m + rho* - 1, m) <= e^m (1 + (rho* - 1)/m)^m < e^{m + rho* - 1}, "
            "rho* = ceil(max{log(C/eps), e^2 m M}), error of order eps.",
    parameters=(m, C_ge1, M, eps),
    quantities=(
        quantity("rho_star", RHO_STAR, "rho* = ceil(max{log(C/eps), e^2 m M})"),
        quantity("rank", binomial(m.symbol + RHO_STAR - 1, m.symbol),
                 "binom(m + rho* - 1, m), the number of Taylor terms", "rank"),
        quantity("rank_bound_exp", exp(m.symbol) * (1 + (RHO_STAR - 1) / m.symbol) ** m.symbol,
                 "middle bound e^m (1 + (rho* - 1)/m)^m", "rank"),
        quantity("rank_bound_simple", exp(m.symbol + RHO_STAR - 1),
                 "right-hand bound e^{m + rho* - 1}", "rank"),
        quantity("error", C_ge1.symbol * exp(-RHO_STAR),
                 "C e^{-rho*} (<= eps), relative to ||f||_inf", "error"),
    ),
)

EQ1_2 = Statement(
    id="budzinskiy2025:eq1.2", example="eps=0.1 n1=1e5 n2=1e5",
    kind="equation", title="The Johnson-Lindenstrauss rank (1.2)",
    source=_src("(1.2)", "Section 1.1"),
    summary="r(eps, n1, n2) = ceil(9 log(3 n1 n2) / eps^2).",
    parameters=_JL_PARAMS,
    quantities=(quantity("rank", JL_RANK, "r = ceil(9 log(3 n1 n2) / eps^2)", "rank"),),
)

THM1_3 = Statement(
    id="budzinskiy2025:thm1.3", example="eps=0.1 n1=1e5 n2=1e5",
    kind="theorem",
    title="Entrywise compression of a product by random embeddings (JL)",
    source=_src("Theorem 1.3", "Section 1.1",
                note="Alon-Lee-Shraibman-Vempala [37, Lemma 5]"),
    summary="For every m, A (n1 x m) and B (n2 x m) there is G with rank(G) <= r of (1.2) and "
            "||A B^T - G||_max <= eps ||A||_{2,inf} ||B||_{2,inf}.",
    parameters=_JL_PARAMS,
    quantities=(
        quantity("rank", JL_RANK, "rank bound r of (1.2)", "rank"),
        quantity("error", e, "bound on ||AB^T - G||_max / (||A||_{2,inf} ||B||_{2,inf})", "error"),
    ),
    aliases=("jl",),
)

# ---------------------------------------------------------------- Section 2
THM2_1 = Statement(
    id="budzinskiy2025:thm2.1", example="eps=0.1 n1=1e5 n2=1e5 Cu=10 Cv=10",
    kind="theorem", title="Udell-Townsend rank bound",
    source=_src("Theorem 2.1", "Section 2", note="Udell-Townsend [41, Thm 4.2]"),
    summary="For f as in Example 1.2, r = ceil(8 log(n1 + n2 + 1)(1 + 2(C_u + C_v + 1)/eps)^2) "
            "gives ||F - G||_max <= eps ||f||.",
    parameters=(eps, n1, n2, Cu, Cv),
    quantities=(
        quantity("rank", ceiling(8 * log(n_1 + n_2 + 1)
                                 * (1 + 2 * (Cu.symbol + Cv.symbol + 1) / e) ** 2),
                 "r = ceil(8 log(n1+n2+1) (1 + 2(C_u + C_v + 1)/eps)^2)", "rank"),
        quantity("error", e, "bound on ||F - G||_max / ||f||_inf", "error"),
    ),
)

_rho22 = floor(Max(2 * E * m.symbol * M.symbol, log(C_ge1.symbol / e) / log(2)) + 1)
LEM2_2 = Statement(
    id="budzinskiy2025:lem2.2", example="m=3 C=1 M=1 eps=0.1 Cu=100 Cv=100",
    kind="lemma", title="Udell-Townsend factorisation",
    source=_src("Lemma 2.2", "Section 2",
                note="[41, Lemma 4.3]; C_u > C^2 m^m and C_v > m^m come from [41, p.154]"),
    summary="rank(G) <= (rho + 1) m^rho with rho <= max{2 e m M, log2(C/eps)} + 1; factor rows "
            "obey ||u_i||^2 <= C_u ||f||, ||v_j||^2 <= C_v ||f||, and [41]'s proof forces "
            "C_u > C^2 m^m, C_v > m^m.",
    parameters=(m, C_ge1, M, eps, Cu, Cv),
    hypotheses=(
        hypothesis(Cu.symbol > C_ge1.symbol ** 2 * m.symbol ** m.symbol,
                   "C_u > C^2 m^m (forced by the proof in [41])"),
        hypothesis(Cv.symbol > m.symbol ** m.symbol, "C_v > m^m (forced by the proof in [41])"),
    ),
    quantities=(
        quantity("rho", _rho22, "largest admissible integer rho <= max{2emM, log2(C/eps)} + 1"),
        quantity("rank", (_rho22 + 1) * m.symbol ** _rho22, "(rho + 1) m^rho", "rank"),
        quantity("error", e, "bound on ||F - G||_max / ||f||_inf", "error"),
        quantity("Cu_min", C_ge1.symbol ** 2 * m.symbol ** m.symbol, "C^2 m^m, below C_u"),
        quantity("Cv_min", m.symbol ** m.symbol, "m^m, below C_v"),
    ),
)

THMA_1 = Statement(
    id="budzinskiy2025:thma.1", example="eps=0.1 n1=1e5 n2=1e5 m=3 C=1 M=1",
    kind="theorem",
    title="Theorem 2.1 with corrected bookkeeping",
    source=_src("Theorem A.1", "Appendix A"),
    summary="For f as in Example 1.2 and r of (1.2): ||F - G||_max <= eps C e^{(m/2)(1 + M^2)} ||f||; "
            "row norms ||A(i,:)||^2 <= C^2 e^{m M^2} ||f||^2, ||B(j,:)||^2 <= e^m.",
    parameters=(eps, n1, n2, m, C_ge1, M),
    quantities=(
        quantity("rank", JL_RANK, "r of (1.2)", "rank"),
        quantity("error", e * C_ge1.symbol * exp(m.symbol / 2 * (1 + M.symbol ** 2)),
                 "eps C e^{(m/2)(1+M^2)}, relative to ||f||_inf", "error"),
        quantity("A_row_sq", C_ge1.symbol ** 2 * exp(m.symbol * M.symbol ** 2),
                 "bound C^2 e^{m M^2} on ||A(i,:)||^2 / ||f||^2"),
        quantity("B_row_sq", exp(m.symbol), "bound e^m on ||B(j,:)||^2"),
    ),
)

# ---------------------------------------------------------------- Section 3
LEM3_1 = Statement(
    id="budzinskiy2025:lem3.1", example="eps=0.1 n1=1e5 n2=1e5",
    kind="lemma", title="Compression of Hadamard products",
    source=_src("Lemma 3.1", "Section 3"),
    summary="For t factorised matrices A_s B_s^T there is G with rank(G) <= r of (1.2) and "
            "||(A_1B_1^T) * ... * (A_tB_t^T) - G||_max <= eps prod_s ||A_s||_{2,inf} ||B_s||_{2,inf}.",
    parameters=_JL_PARAMS,
    quantities=(
        quantity("rank", JL_RANK, "rank bound r of (1.2)", "rank"),
        quantity("error", e, "bound relative to prod_s ||A_s||_{2,inf} ||B_s||_{2,inf}", "error"),
    ),
)

S_MAX = parameter("S", NATURALS0, "highest derivative order checked",
                  choose=10, choose_rule="10")
ASM3_5 = Statement(
    id="budzinskiy2025:asm3.5", example="h=exp(2*x) M=2 Omega_lo=-1 Omega_hi=1",
    kind="assumption", title="Derivative growth of h",
    source=_src("Assumption 3.5", "Section 3",
                note="a statement for all s; certbounds checks orders s = 0..S"),
    summary="h is smooth and bounded on Omega with ||h^(s)||_{L_inf(Omega)} <= C M^s for all s >= 0.",
    parameters=(h, M, Omega_lo, Omega_hi, S_MAX),
    constraints=(constraint(Omega_lo.symbol < Omega_hi.symbol, "Omega_lo < Omega_hi"),),
    quantities=(
        quantity("C_lower", AssumptionConstant(h.symbol, M.symbol, Omega_lo.symbol,
                                               Omega_hi.symbol, S_MAX.symbol),
                 "max over s <= S of ||h^(s)|| / M^s: no smaller C satisfies the assumption"),
    ),
)

_t_free = parameter("t", NATURALS, "Taylor truncation order t")


def _taylor_error(norm_max, lo, hi, weight, point=0):
    """Lemma 3.3's bound: analytical remainder plus algebraic sum over s."""
    t = _t_free.symbol
    return (norm_max ** t / factorial(t) * SupAbsDerivative(h.symbol, t, lo, hi)
            + e * Sum(Abs(DerivativeAt(h.symbol, s, point)) / factorial(s) * weight ** s,
                      (s, 1, t - 1)))


LEM3_3 = Statement(
    id="budzinskiy2025:lem3.3", example="eps=0.1 n1=1e5 n2=1e5 h=exp(x) t=5 AB_max=1 A_2inf=1 B_2inf=1 Omega_lo=-1 Omega_hi=1",
    kind="lemma", title="Taylor plus random embeddings for h(AB^T)",
    source=_src("Lemma 3.3", "Section 3"),
    summary="If [min AB^T, max AB^T] is in Omega (and 0 in Omega), there is G with "
            "rank(G) <= 1 + (t-1) r and ||h(AB^T) - G||_max <= ||AB^T||_max^t / t! ||h^(t)||_Omega "
            "+ eps sum_{s<t} |h^(s)(0)|/s! (||A||_{2,inf} ||B||_{2,inf})^s.",
    parameters=(eps, n1, n2, h, _t_free, AB_max, A_2inf, B_2inf, Omega_lo, Omega_hi),
    constraints=(constraint(Omega_lo.symbol <= 0, "0 in Omega (Omega_lo <= 0)"),
                 constraint(Omega_hi.symbol >= 0, "0 in Omega (Omega_hi >= 0)")),
    hypotheses=(
        hypothesis(Omega_lo.symbol <= -AB_max.symbol, "[-||AB^T||_max, ||AB^T||_max] in Omega (left)"),
        hypothesis(AB_max.symbol <= Omega_hi.symbol, "[-||AB^T||_max, ||AB^T||_max] in Omega (right)"),
        hypothesis(AB_max.symbol <= A_2inf.symbol * B_2inf.symbol,
                   "||AB^T||_max <= ||A||_{2,inf} ||B||_{2,inf} (Cauchy-Schwarz; consistency)"),
    ),
    quantities=(
        quantity("rank", 1 + (_t_free.symbol - 1) * JL_RANK, "1 + (t - 1) r", "rank"),
        quantity("error", _taylor_error(AB_max.symbol, Omega_lo.symbol, Omega_hi.symbol,
                                        A_2inf.symbol * B_2inf.symbol),
                 "bound on ||h(AB^T) - G||_max", "error"),
    ),
)

_t37 = _smallest_t(E ** 2 * M.symbol * R.symbol ** 2, "t >= e^2 M R^2")
COR3_7 = Statement(
    id="budzinskiy2025:cor3.7", example="eps=0.1 n1=1e5 n2=1e5 C=1 M=1 R=1",
    kind="corollary", title="Exponential decay under Assumption 3.5",
    source=_src("Corollary 3.7", "Section 3"),
    summary="Under Assumption 3.5 and max{||A||_{2,inf}, ||B||_{2,inf}} <= R, for t >= e^2 M R^2: "
            "||h(AB^T) - G||_max <= C [e^{-t} + eps (e^{M R^2} - 1)], rank(G) <= 1 + (t-1) r.",
    parameters=(eps, n1, n2, C, M, R, _t37),
    hypotheses=(hypothesis(_t37.symbol >= E ** 2 * M.symbol * R.symbol ** 2, "t >= e^2 M R^2"),),
    quantities=(
        quantity("rank", 1 + (_t37.symbol - 1) * JL_RANK, "1 + (t - 1) r", "rank"),
        quantity("error", C.symbol * (exp(-_t37.symbol) + e * (exp(M.symbol * R.symbol ** 2) - 1)),
                 "C [e^{-t} + eps (e^{M R^2} - 1)]", "error"),
    ),
)

_t38 = _smallest_t(E ** 2 * M.symbol * sigma.symbol * R.symbol ** 2, "t >= e^2 M sigma R^2")
THM3_8 = Statement(
    id="budzinskiy2025:thm3.8", example="eps=0.1 n1=1e5 n2=1e5 C=1 M=1 R=1 sigma=1",
    kind="theorem", title="Functions of the inner product h(x^T W y)",
    source=_src("Theorem 3.8", "Section 3"),
    summary="Points in B_{m,R}, W symmetric positive definite with ||W||_2 <= sigma, "
            "[-sigma R^2, sigma R^2] in Omega, integer t >= e^2 M ||W||_2 R^2: rank(G) <= 1 + (t-1) r "
            "and ||F - G||_max <= C [e^{-t} + eps (e^{M ||W||_2 R^2} - 1)], independent of m.",
    parameters=(eps, n1, n2, C, M, R, sigma, _t38),
    hypotheses=(hypothesis(_t38.symbol >= E ** 2 * M.symbol * sigma.symbol * R.symbol ** 2,
                           "t >= e^2 M sigma R^2"),),
    quantities=(
        quantity("rank", 1 + (_t38.symbol - 1) * JL_RANK, "1 + (t - 1) r", "rank"),
        quantity("error", C.symbol * (exp(-_t38.symbol)
                                      + e * (exp(M.symbol * sigma.symbol * R.symbol ** 2) - 1)),
                 "C [e^{-t} + eps (e^{M sigma R^2} - 1)]", "error"),
    ),
)

# ---------------------------------------------------------------- Section 4
p_int = parameter("p", NATURALS0, "number p of rank-one terms Z_i")
p_pos = parameter("p", NATURALS, "number p of rank-one terms Z_i")
AB_norm = parameter("AB_norm", NONNEGATIVE, "||A||_{2,inf} ||B||_{2,inf}",
                    latex=r"\|A\|_{2,\infty}\|B\|_{2,\infty}")
Z_sum = parameter("Z_sum", NONNEGATIVE, "sum_i ||Z_i||_max", latex=r"\sum_i \|Z_i\|_{\max}")
LEM4_1 = Statement(
    id="budzinskiy2025:lem4.1", example="eps=0.1 n1=1e5 n2=1e5 t=4 p=3 AB_norm=1 Z_sum=1",
    kind="lemma", title="Hadamard powers of a sum with rank-one terms",
    source=_src("Lemma 4.1", "Section 4",
                note="R_r(t, p) is a polynomial in t of degree p (Remark 4.2)"),
    summary="There is G with rank(G) <= R_r(t, p) and ||(AB^T + sum Z_i)^{*t} - G||_max <= "
            "eps [||A||_{2,inf} ||B||_{2,inf} + sum ||Z_i||_max]^t, where R_r(0,0) = 1, "
            "R_r(t,0) = r, R_r(t,p) = 1 + sum_{s=1}^t R_r(s, p-1).",
    parameters=(eps, n1, n2, _t_free, p_int, AB_norm, Z_sum),
    quantities=(
        quantity("r", JL_RANK, "r of (1.2)", "rank"),
        quantity("rank", RecursionR(JL_RANK, _t_free.symbol, p_int.symbol), "R_r(t, p)", "rank"),
        quantity("error", e * (AB_norm.symbol + Z_sum.symbol) ** _t_free.symbol,
                 "eps [||A|| ||B|| + sum ||Z_i||]^t", "error"),
        quantity("rank_detached", p_int.symbol ** _t_free.symbol
                 + Sum(p_int.symbol ** i, (i, 0, _t_free.symbol - 1)) * JL_RANK,
                 "p^t + (p^t - 1)/(p - 1) r: detaching all Z_i at once (Remark 4.2)", "rank"),
    ),
)

ABZ_max = parameter("ABZ_max", NONNEGATIVE, "||AB^T + sum Z_i||_max",
                    latex=r"\|AB^\top + \sum_i Z_i\|_{\max}")
LEM4_3 = Statement(
    id="budzinskiy2025:lem4.3", example="eps=0.1 n1=1e5 n2=1e5 h=exp(-x) t=5 p=2 ABZ_max=3 AB_norm=1 Z_sum=2 Omega_lo=-3 Omega_hi=3",
    kind="lemma", title="Taylor plus embeddings for h(AB^T + sum Z_i)",
    source=_src("Lemma 4.3", "Section 4"),
    summary="If [min, max] of AB^T + sum Z_i is in Omega (0 in Omega), there is G with "
            "rank(G) <= R_r(t-1, p+1) and error ||AB^T + sum Z_i||_max^t / t! ||h^(t)||_Omega + "
            "eps sum_{s<t} |h^(s)(0)|/s! [||A|| ||B|| + sum ||Z_i||]^s.",
    parameters=(eps, n1, n2, h, _t_free, p_pos, ABZ_max, AB_norm, Z_sum, Omega_lo, Omega_hi),
    constraints=(constraint(Omega_lo.symbol <= 0, "0 in Omega (Omega_lo <= 0)"),
                 constraint(Omega_hi.symbol >= 0, "0 in Omega (Omega_hi >= 0)")),
    hypotheses=(
        hypothesis(Omega_lo.symbol <= -ABZ_max.symbol, "[-||.||_max, ||.||_max] in Omega (left)"),
        hypothesis(ABZ_max.symbol <= Omega_hi.symbol, "[-||.||_max, ||.||_max] in Omega (right)"),
    ),
    quantities=(
        quantity("rank", RecursionR(JL_RANK, _t_free.symbol - 1, p_pos.symbol + 1),
                 "R_r(t - 1, p + 1)", "rank"),
        quantity("error", _taylor_error(ABZ_max.symbol, Omega_lo.symbol, Omega_hi.symbol,
                                        AB_norm.symbol + Z_sum.symbol),
                 "bound on ||h(AB^T + sum Z_i) - G||_max", "error"),
    ),
)

T_z = parameter("T", NONNEGATIVE, "bound T >= max_i ||Z_i||_max")
_t44 = _smallest_t(E ** 2 * M.symbol * (R.symbol ** 2 + p_pos.symbol * T_z.symbol),
                   "t >= e^2 M (R^2 + p T)")
COR4_4 = Statement(
    id="budzinskiy2025:cor4.4", example="eps=0.1 n1=1e5 n2=1e5 C=1 M=1 R=1 p=2 T=1",
    kind="corollary", title="Exponential decay with rank-one terms",
    source=_src("Corollary 4.4", "Section 4"),
    summary="Under Assumption 3.5, max{||A||,||B||} <= R, max ||Z_i||_max <= T and "
            "t >= e^2 M (R^2 + pT): error <= C [e^{-t} + eps (e^{M(R^2 + pT)} - 1)], "
            "rank(G) <= R_r(t-1, p+1).",
    parameters=(eps, n1, n2, C, M, R, p_pos, T_z, _t44),
    hypotheses=(hypothesis(_t44.symbol >= E ** 2 * M.symbol * (R.symbol ** 2 + p_pos.symbol * T_z.symbol),
                           "t >= e^2 M (R^2 + p T)"),),
    quantities=(
        quantity("rank", RecursionR(JL_RANK, _t44.symbol - 1, p_pos.symbol + 1),
                 "R_r(t - 1, p + 1)", "rank"),
        quantity("error", C.symbol * (exp(-_t44.symbol) + e * (
            exp(M.symbol * (R.symbol ** 2 + p_pos.symbol * T_z.symbol)) - 1)),
                 "C [e^{-t} + eps (e^{M (R^2 + p T)} - 1)]", "error"),
    ),
)

_t45 = _smallest_t(4 * E ** 2 * M.symbol * sigma.symbol * R.symbol ** 2, "t >= 4 e^2 M sigma R^2")
THM4_5 = Statement(
    id="budzinskiy2025:thm4.5", example="eps=0.1 n1=1e5 n2=1e5 C=1 M=1/4 R=1 sigma=1",
    kind="theorem", title="Functions of the squared distance h(||x-y||_W^2)",
    source=_src("Theorem 4.5", "Section 4"),
    summary="Points in B_{m,R}, ||W||_2 <= sigma, [-4 sigma R^2, 4 sigma R^2] in Omega, integer "
            "t >= 4 e^2 M ||W||_2 R^2: rank(G) <= R_r(t-1, 3) and ||F - G||_max <= "
            "C [e^{-t} + eps (e^{4 M ||W||_2 R^2} - 1)].",
    parameters=(eps, n1, n2, C, M, R, sigma, _t45),
    hypotheses=(hypothesis(_t45.symbol >= 4 * E ** 2 * M.symbol * sigma.symbol * R.symbol ** 2,
                           "t >= 4 e^2 M sigma R^2"),),
    quantities=(
        quantity("rank", RecursionR(JL_RANK, _t45.symbol - 1, 3), "R_r(t - 1, 3)", "rank"),
        quantity("error", C.symbol * (exp(-_t45.symbol)
                                      + e * (exp(4 * M.symbol * sigma.symbol * R.symbol ** 2) - 1)),
                 "C [e^{-t} + eps (e^{4 M sigma R^2} - 1)]", "error"),
    ),
)

D_min = parameter("D_min", NONNEGATIVE, "min_ij ||x_i - y_j||_W^2", latex=r"\min D")
D_max = parameter("D_max", NONNEGATIVE, "max_ij ||x_i - y_j||_W^2", latex=r"\max D")
_xi = (D_min.symbol + D_max.symbol) / 2
_D_consistency = (
    constraint(D_min.symbol < D_max.symbol, "min D < max D"),
)
_D_hypothesis = hypothesis(D_max.symbol <= 4 * sigma.symbol * R.symbol ** 2,
                           "max D <= 4 sigma R^2 (points in B_{m,R}; consistency)")
THM4_7 = Statement(
    id="budzinskiy2025:thm4.7", example="eps=0.1 n1=1e5 n2=1e5 h=exp(-x) t=6 D_min=0 D_max=4 sigma=1 R=1",
    kind="theorem", title="Localised, sample-aware bound",
    source=_src("Theorem 4.7", "Section 4"),
    summary="With D_ij = ||x_i - y_j||_W^2, Omega = [min D, max D], xi its midpoint, any t: "
            "rank(G) <= R_r(t-1, 4) and ||h(D) - G||_max <= (max D - min D)^t / (2^t t!) "
            "||h^(t)||_Omega + eps sum_{s<t} |h^(s)(xi)|/s! (8 ||W||_2 R^2)^s.",
    parameters=(eps, n1, n2, h, _t_free, D_min, D_max, sigma, R),
    constraints=_D_consistency,
    hypotheses=(_D_hypothesis,),
    quantities=(
        quantity("rank", RecursionR(JL_RANK, _t_free.symbol - 1, 4), "R_r(t - 1, 4)", "rank"),
        quantity("error",
                 (D_max.symbol - D_min.symbol) ** _t_free.symbol
                 / (2 ** _t_free.symbol * factorial(_t_free.symbol))
                 * SupAbsDerivative(h.symbol, _t_free.symbol, D_min.symbol, D_max.symbol)
                 + e * Sum(Abs(DerivativeAt(h.symbol, s, _xi)) / factorial(s)
                           * (8 * sigma.symbol * R.symbol ** 2) ** s, (s, 1, _t_free.symbol - 1)),
                 "bound on ||h(D) - G||_max", "error"),
        quantity("xi", _xi, "expansion point xi = (min D + max D)/2"),
    ),
)

_t48 = _smallest_t(E ** 2 * M.symbol * (D_max.symbol - D_min.symbol) / 2,
                   "t >= e^2 M (max D - min D)/2")
COR4_8 = Statement(
    id="budzinskiy2025:cor4.8", example="eps=0.1 n1=1e5 n2=1e5 C=1 M=1 R=1 sigma=1 D_min=0 D_max=4",
    kind="corollary", title="Localised bound under Assumption 3.5",
    source=_src("Corollary 4.8", "Section 4"),
    summary="Under Assumption 3.5 on Omega = [min D, max D] and t >= e^2 M (max D - min D)/2: "
            "||h(D) - G||_max <= C [e^{-t} + eps (e^{8 M ||W||_2 R^2} - 1)], rank <= R_r(t-1, 4).",
    parameters=(eps, n1, n2, C, M, R, sigma, D_min, D_max, _t48),
    constraints=_D_consistency,
    hypotheses=(hypothesis(_t48.symbol >= E ** 2 * M.symbol * (D_max.symbol - D_min.symbol) / 2,
                           "t >= e^2 M (max D - min D)/2"), _D_hypothesis),
    quantities=(
        quantity("rank", RecursionR(JL_RANK, _t48.symbol - 1, 4), "R_r(t - 1, 4)", "rank"),
        quantity("error", C.symbol * (exp(-_t48.symbol)
                                      + e * (exp(8 * M.symbol * sigma.symbol * R.symbol ** 2) - 1)),
                 "C [e^{-t} + eps (e^{8 M sigma R^2} - 1)]", "error"),
    ),
)

# ---------------------------------------------------------------- Section 5
THM5_2 = Statement(
    id="budzinskiy2025:thm5.2", example="eps=0.1 n1=1e5 n2=1e5",
    kind="theorem", title="Shift-invariant positive-definite kernels",
    source=_src("Theorem 5.2", "Section 5",
                note="random Fourier features (Theorem 5.1) plus Theorem 1.3"),
    summary="For f(x, y) = kappa(x - y) continuous, positive definite, kappa(0) = 1, and any points "
            "in R^m: rank(G) <= r of (1.2) and ||F - G||_max <= eps (no m, no log(1/eps)).",
    parameters=_JL_PARAMS,
    quantities=(
        quantity("rank", JL_RANK, "r of (1.2)", "rank"),
        quantity("error", e, "bound on ||F - G||_max (kappa(0) = 1)", "error"),
    ),
)

# ---------------------------------------------------------------- Section 6
_TT_PARAMS = (c_d, eps, N_prod)
EQ6_2 = Statement(
    id="budzinskiy2025:eq6.2", example="c_d=1 eps=0.1 N=1e6",
    kind="equation", title="Tensor-train embedding rank (6.2)",
    source=_src("(6.2)", "Section 6", note="c_d is unknown; provable estimates grow like d^d"),
    summary="r = ceil(c_d / eps^2 log(2e n1 ... nd)).",
    parameters=_TT_PARAMS,
    quantities=(quantity("rank", TT_RANK, "r = ceil(c_d/eps^2 log(2e N))", "rank"),),
)

THM6_1 = Statement(
    id="budzinskiy2025:thm6.1", example="c_d=1 eps=0.1 N=1e6",
    kind="theorem", title="TT compression of a CP tensor",
    source=_src("Theorem 6.1", "Section 6", note="[8, Corollary 1.8]"),
    summary="A CP tensor A = [[A_1, ..., A_d]] has G with TT ranks <= r of (6.2) and "
            "||A - G||_max <= eps prod_j ||A_j||_{2,inf}.",
    parameters=_TT_PARAMS,
    quantities=(
        quantity("rank", TT_RANK, "TT rank bound r of (6.2)", "rank"),
        quantity("error", e, "bound relative to prod_j ||A_j||_{2,inf}", "error"),
    ),
)

LEM6_2 = Statement(
    id="budzinskiy2025:lem6.2", example="c_d=1 eps=0.1 N=1e6",
    kind="lemma", title="TT compression of Hadamard products of CP tensors",
    source=_src("Lemma 6.2", "Section 6"),
    summary="For t CP tensors A_s = [[A^(s)_1, ..., A^(s)_d]] there is G with TT ranks <= r of "
            "(6.2) and ||A_1 * ... * A_t - G||_max <= eps prod_s prod_j ||A^(s)_j||_{2,inf}.",
    parameters=_TT_PARAMS,
    quantities=(
        quantity("rank", TT_RANK, "TT rank bound r of (6.2)", "rank"),
        quantity("error", e, "bound relative to prod_s prod_j ||A^(s)_j||_{2,inf}", "error"),
    ),
)

A_max = parameter("A_max", NONNEGATIVE, "||A||_max of the CP tensor", latex=r"\|A\|_{\max}")
A_prod = parameter("A_prod", NONNEGATIVE, "prod_j ||A_j||_{2,inf}", latex=r"\prod_j\|A_j\|_{2,\infty}")
LEM6_3 = Statement(
    id="budzinskiy2025:lem6.3", example="c_d=1 eps=0.1 N=1e6 h=sinh(x) t=5 A_max=1 A_prod=1 Omega_lo=-1 Omega_hi=1",
    kind="lemma", title="Taylor plus TT embeddings for h(A)",
    source=_src("Lemma 6.3", "Section 6"),
    summary="If [min A, max A] is in Omega (0 in Omega): TT ranks <= 1 + (t-1) r and "
            "||h(A) - G||_max <= ||A||_max^t / t! ||h^(t)||_Omega + eps sum_{s<t} |h^(s)(0)|/s! "
            "prod_j ||A_j||_{2,inf}^s.",
    parameters=(c_d, eps, N_prod, h, _t_free, A_max, A_prod, Omega_lo, Omega_hi),
    constraints=(constraint(Omega_lo.symbol <= 0, "0 in Omega (Omega_lo <= 0)"),
                 constraint(Omega_hi.symbol >= 0, "0 in Omega (Omega_hi >= 0)")),
    hypotheses=(
        hypothesis(Omega_lo.symbol <= -A_max.symbol, "[-||A||_max, ||A||_max] in Omega (left)"),
        hypothesis(A_max.symbol <= Omega_hi.symbol, "[-||A||_max, ||A||_max] in Omega (right)"),
    ),
    quantities=(
        quantity("rank", 1 + (_t_free.symbol - 1) * TT_RANK, "1 + (t - 1) r", "rank"),
        quantity("error", _taylor_error(A_max.symbol, Omega_lo.symbol, Omega_hi.symbol, A_prod.symbol),
                 "bound on ||h(A) - G||_max", "error"),
    ),
)

_t64 = _smallest_t(E ** 2 * M.symbol * R.symbol ** d.symbol, "t >= e^2 M R^d")
_TT_COR_Q = (
    quantity("rank", 1 + (_t64.symbol - 1) * TT_RANK, "TT rank bound 1 + (t - 1) r", "rank"),
    quantity("error", C.symbol * (exp(-_t64.symbol) + e * (exp(M.symbol * R.symbol ** d.symbol) - 1)),
             "C [e^{-t} + eps (e^{M R^d} - 1)]", "error"),
)
_TT_COR_H = (hypothesis(_t64.symbol >= E ** 2 * M.symbol * R.symbol ** d.symbol, "t >= e^2 M R^d"),)
COR6_4 = Statement(
    id="budzinskiy2025:cor6.4", example="c_d=1 eps=0.1 N=1e6 d=3 C=2 M=1 R=1",
    kind="corollary", title="TT bound under Assumption 3.5",
    source=_src("Corollary 6.4", "Section 6"),
    summary="Under Assumption 3.5 and max_j ||A_j||_{2,inf} <= R, for t >= e^2 M R^d: "
            "||h(A) - G||_max <= C [e^{-t} + eps (e^{M R^d} - 1)], TT ranks <= 1 + (t-1) r.",
    parameters=(c_d, eps, N_prod, d, C, M, R, _t64),
    hypotheses=_TT_COR_H,
    quantities=_TT_COR_Q,
)

THM6_5 = Statement(
    id="budzinskiy2025:thm6.5", example="c_d=1 eps=0.1 N=1e6 d=3 C=2 M=1 R=1",
    kind="theorem", title="Function-generated tensors h(<x1, ..., xd>)",
    source=_src("Theorem 6.5", "Section 6"),
    summary="Points in B_{m,R}, [-R^d, R^d] in Omega, integer t >= e^2 M R^d: TT ranks "
            "<= 1 + (t-1) r of (6.2) and ||F - G||_max <= C [e^{-t} + eps (e^{M R^d} - 1)].",
    parameters=(c_d, eps, N_prod, d, C, M, R, _t64),
    hypotheses=_TT_COR_H,
    quantities=_TT_COR_Q,
)

STATEMENTS = (
    EX1_1, EX1_2, EQ1_1, EQ1_2, THM1_3, THM2_1, LEM2_2, THMA_1, LEM3_1, ASM3_5, LEM3_3,
    COR3_7, THM3_8, LEM4_1, LEM4_3, COR4_4, THM4_5, THM4_7, COR4_8, THM5_2, EQ6_2, THM6_1,
    LEM6_2, LEM6_3, COR6_4, THM6_5,
)
