"""webb2025: M. Webb, "Low-rank approximation of analytic kernels",
arXiv:2509.14017 (v1).

Data only: the paper's bounds in its (v1) numbering. The paper's text lost
every formula in extraction, so each statement is taken from the formula
sheet ``webb2025-formulas.md``, and each source carries the sheet's confidence
tag (``R-high``, ``R-med`` and ``R-low`` mark reconstructions; see
``statement.CONFIDENCE_TAGS``). Where the author's MATLAB code (LRAAK)
computes something other than what the paper proves (sheet section 10), the
source note says so.

Conventions. Two real intervals [a, b] and [c, d] with
-inf <= a < b < c < d <= +inf; b and c are finite. In the kernel bounds
F (where K(x, .) is singular) lies in [a, b] and E (the y samples) in [c, d],
as in every example of the paper. ``Z_n`` is the *classical* Zolotarev
number (1.8), a function of the cross ratio M alone; ``ZZ_n`` (the paper's
calligraphic Z) is the *Cauchy-Zolotarev number* (1.5)/(3.1), an operator
norm that depends on the measures. Elliptic integrals follow sympy's
``elliptic_k(m)``: the *parameter* m = k**2, not the modulus k.
"""

from sympy import (Or, RisingFactorial, Sum, Symbol, beta, elliptic_k, exp, factorial,
                   log, oo, pi, sqrt)

from ..domains import (AT_LEAST_ONE, EXTENDED_REALS, NATURALS, NATURALS0, NONNEGATIVE,
                       POSITIVE, REALS, UNIT_INTERVAL, IntegerRange, RealInterval)
from ..functions import BesselJZero, CrossRatio, JacobiDN, ZolotarevMobius, ZolotarevNumber
from ..statement import (Paper, Source, Statement, constraint, hypothesis, parameter,
                         quantity)

PAPER = Paper(
    key="webb2025",
    authors="M. Webb",
    title="Low-rank approximation of analytic kernels",
    reference="arXiv:2509.14017 (equation numbers of v1)",
)


def _src(number, section, confidence, note=""):
    return Source(PAPER, number, section, confidence=confidence, note=note)


# ---- parameters shared by many statements (same name -> same sympy symbol)
a = parameter("a", EXTENDED_REALS, "left end a of [a, b], the interval holding F (-inf allowed)")
b = parameter("b", REALS, "right end b of [a, b] (finite)")
c = parameter("c", REALS, "left end c of [c, d], the interval holding E (finite)")
d = parameter("d", EXTENDED_REALS, "right end d of [c, d] (+inf allowed)")
n0 = parameter("n", NATURALS0, "rank n >= 0 (degree of the rational function)")
n1 = parameter("n", NATURALS, "rank n >= 1 (degree of the rational function)")
Kp_norm = parameter("Kp_norm", NONNEGATIVE,
                    "||K'||, norm of the Grothendieck dual K' : A^q(F) -> L^2(X)",
                    latex=r"\|\mathcal K'\|")
C_norm = parameter("C_norm", NONNEGATIVE,
                   "||C||, norm of the Cauchy transform C : L^2(E) -> A^q(F) (= L^q(F))",
                   latex=r"\|\mathcal C\|")
C_norm_pq = parameter("C_norm", NONNEGATIVE,
                      "||C||, norm of the Cauchy transform C : L^p(E, mu_E) -> L^q(F, mu_F)",
                      latex=r"\|\mathcal C\|")
mu_E = parameter("mu_E", NONNEGATIVE,
                 "total mass mu_E(E) of the measure on E (N for counting measure on N points)",
                 latex=r"\mu_E(E)")
b_fin = parameter("b", REALS, "right end b of F = [-inf, b]")
c_fin = parameter("c", REALS, "left end c of [c, d], the interval holding E")
d_fin = parameter("d", REALS, "right end d of [c, d] (finite)")

A_, B_, C_, D_ = a.symbol, b.symbol, c.symbol, d.symbol
n, n_pos = n0.symbol, n1.symbol  # the rank: n >= 0 and n >= 1

_ORDERED = (
    constraint(A_ < B_, "a < b"),
    constraint(B_ < C_, "b < c (the intervals are disjoint)"),
    constraint(C_ < D_, "c < d"),
)
_NOT_BOTH_INFINITE = constraint(
    Or(A_ > -oo, D_ < oo),
    "a > -inf or d < inf ([-inf, b] and [c, inf] meet at infinity)")
_E_COMPACT = hypothesis(D_ < oo, "E, a subset of [c, d], is compact in C (d finite)")

M_AB = CrossRatio(A_, B_, C_, D_)
Z_N = ZolotarevNumber(n, A_, B_, C_, D_)


def _bt(M, k):
    """Beckermann-Townsend's bound 4 exp(-pi^2 k / log(16 M)) on Z_k (Theorem 3.3)."""
    return 4 * exp(-pi ** 2 * k / log(16 * M))


def _cross_ratio(M=M_AB):
    return quantity("cross_ratio", M,
                    "cross ratio M = (c-a)(d-b)/((c-b)(d-a)) (limits for infinite a or d)")


# ---------------------------------------------------------------- Section 1
THM1_1 = Statement(
    id="webb2025:thm1.1", example="Kp_norm=1 C_norm=1 a=-70 b=-1 c=2 d=100 n=10",
    kind="theorem",
    title="Cauchy-Zolotarev bound (computable form with intervals)",
    source=_src("Theorem 1.1", "Section 1", "R-high",
                note="reconstructed from the formula sheet (section 1): the structure is R-high, "
                     "the letter q of the F-side exponent R-med. Computable form = (1.4) with "
                     "(3.3) and monotonicity of Z_n in the sets, as every 'Theorem 1.1' curve of "
                     "the figures. Caveat (sheet sections 2 and 10 item 7): if inf is not in F the "
                     "contour formula represents K(x, y) - K(x, inf); require K(x, inf) = 0 or "
                     "split off that rank-one term (rank n + 1)."),
    summary="If K is continuous on X x F' and K(x, .) is analytic in F' (the complement of F in "
            "the Riemann sphere) for every x, there is K_n of rank <= n with "
            "||K - K_n||_{L^2(E) -> L^2(X)} <= ||K'||_{A^q(F) -> L^2(X)} ZZ_n^{(q)}(E, F) (1.4), "
            "where ZZ_n is the Cauchy-Zolotarev number (1.5) and K' the Grothendieck dual (1.6). "
            "With E in [c, d], F in [a, b] and ZZ_n <= ||C|| Z_n (3.3): "
            "||K - K_n|| <= ||K'|| ||C|| Z_n([a, b], [c, d]). K_n = K' C_n is the rational "
            "interpolant (5.1)-(5.3); for counting measures the norm is the matrix 2-norm.",
    parameters=(Kp_norm, C_norm, a, b, c, d, n0),
    constraints=_ORDERED,
    hypotheses=(_E_COMPACT,),
    quantities=(
        quantity("rank", n, "rank n of the approximant K_n", "rank"),
        quantity("error", Kp_norm.symbol * C_norm.symbol * Z_N,
                 "bound ||K'|| ||C|| Z_n on ||K - K_n||_{L^2(E, mu_E) -> L^2(X, mu_X)}", "error"),
        quantity("zolotarev", Z_N, "classical Zolotarev number Z_n([a, b], [c, d])"),
        _cross_ratio(),
    ),
    aliases=("cauchy-zolotarev",),
)

_RHO = exp(pi * elliptic_k(1 / M_AB) / elliptic_k(1 - 1 / M_AB))
EQ1_8 = Statement(
    id="webb2025:eq1.8", example="a=-inf b=-1/2 c=0 d=100 n=10",
    kind="definition", title="Classical Zolotarev number of two intervals",
    source=_src("(1.8)", "Section 1", "R-high",
                note="reconstructed from the formula sheet (sections 1 and 8.2); the exact value "
                     "k(Q), Q = rho^(-2n), is the code's ZolotarevNumber.m [CODE]. Discrepancy "
                     "with the code (sheet section 10 item 8): for a = -inf and d = +inf (M = inf) "
                     "the code returns 4, the true value is 1; the code also sets Z_0 = 1 by fiat "
                     "(which is the true value)."),
    summary="Z_n(E, F) = inf over rational r of type (n, n) of sup_E |r| / inf_F |r|. For the "
            "intervals [a, b] and [c, d] it depends on the cross ratio M alone: Z_n = k(Q), the "
            "elliptic modulus of nome Q = rho^(-2n), rho = exp(pi K[1/M] / K[1 - 1/M]) "
            "(parameter convention); Z_0 = 1, Z_n = 1 when M = inf, and Z_n <= 4 rho^(-n). "
            "Z_n is symmetric in the two sets, Moebius invariant and monotone in the sets.",
    parameters=(a, b, c, d, n0),
    constraints=_ORDERED,
    quantities=(
        quantity("zolotarev", Z_N, "Z_n([a, b], [c, d])"),
        _cross_ratio(),
        quantity("rho", _RHO,
                 "rate rho = exp(pi K[1/M] / K[1 - 1/M]), K in the parameter convention "
                 "(sheet section 8.2); log rho = 1/cap([a, b], [c, d])"),
        quantity("zolotarev_upper", 4 * _RHO ** (-n), "4 rho^(-n) >= Z_n (sheet section 8.2)",
                 "error"),
    ),
    aliases=("zolotarev",),
)

# ---------------------------------------------------------------- Section 3
EQ3_3 = Statement(
    id="webb2025:eq3.3", example="C_norm=1 a=-70 b=-1 c=2 d=100 n=10",
    kind="equation", title="Cauchy-Zolotarev versus Zolotarev numbers",
    source=_src("(3.3) = (1.7)", "Sections 1 and 3", "R-high",
                note="reconstructed from the formula sheet (sections 1 and 3): the m = 0 case of "
                     "Lemma 3.2. Exponent letters p, q are R-med."),
    summary="ZZ_n^{p,q}(E, F) <= ||C||_{L^p(E) -> L^q(F)} Z_n(E, F), and Z_n(E, F) <= "
            "Z_n([a, b], [c, d]) when E and F lie in the two intervals (either way round). "
            "ZZ_0 = ||C||.",
    parameters=(C_norm_pq, a, b, c, d, n0),
    constraints=_ORDERED,
    quantities=(
        quantity("error", C_norm_pq.symbol * Z_N,
                 "bound ||C|| Z_n([a, b], [c, d]) on the Cauchy-Zolotarev number ZZ_n^{p,q}(E, F)",
                 "error"),
        quantity("zolotarev", Z_N, "Z_n([a, b], [c, d])"),
    ),
    aliases=("webb2025:eq1.7",),
)

Zm = parameter("Zm", NONNEGATIVE,
               "ZZ_m^{p,q}(E, F), the Cauchy-Zolotarev number of order m (or an upper bound)",
               latex=r"\mathcal Z_m")
m_order = parameter("m", NATURALS0, "order m <= n of the factor ZZ_m")
LEM3_2 = Statement(
    id="webb2025:lem3.2", example="Zm=1 m=1 a=-70 b=-1 c=2 d=100 n=10",
    kind="lemma", title="Submultiplicativity of Cauchy-Zolotarev numbers",
    source=_src("Lemma 3.2", "Section 3", "R-high",
                note="reconstructed from the formula sheet (section 3); the letters are R-med. "
                     "Proof: C_phi = M_{1/phi_2} C_{phi_1} M_{phi_2} for phi = phi_1 phi_2."),
    summary="For 0 <= m <= n: ZZ_n^{p,q}(E, F) <= ZZ_m^{p,q}(E, F) Z_{n-m}(E, F), and "
            "Z_{n-m}(E, F) <= Z_{n-m}([a, b], [c, d]) for E, F in the two intervals.",
    parameters=(Zm, m_order, a, b, c, d, n0),
    constraints=(*_ORDERED, constraint(m_order.symbol <= n, "m <= n")),
    quantities=(
        quantity("error", Zm.symbol * ZolotarevNumber(n - m_order.symbol, A_, B_, C_, D_),
                 "bound ZZ_m Z_{n-m}([a, b], [c, d]) on ZZ_n^{p,q}(E, F)", "error"),
        quantity("zolotarev", ZolotarevNumber(n - m_order.symbol, A_, B_, C_, D_),
                 "Z_{n-m}([a, b], [c, d])"),
    ),
)

varrho = parameter("varrho", POSITIVE, "radius of the disk {|z| <= varrho} holding E",
                   latex=r"\varrho")
R_out = parameter("R", POSITIVE, "radius R of the exterior {|z| >= R} holding F")
EQ3_4 = Statement(
    id="webb2025:eq3.4", example="varrho=1 R=2 n=10",
    kind="equation", title="Zolotarev numbers of a disk and an exterior",
    source=_src("(3.4)", "Section 3", "R-med",
                note="reconstructed from the formula sheet (section 3): the mathematics is "
                     "standard (Starke 1992: z^n is optimal), the paper's exact form a best "
                     "guess."),
    summary="For 0 < varrho < R: Z_n({|z| <= varrho}, {|z| >= R}) = (varrho/R)^n, attained by "
            "z^n (an n-fold root: interpolation needs Hermite data). Two disjoint disks reduce "
            "to this case by a Moebius map (webb2025:eq3.4-disks).",
    parameters=(varrho, R_out, n0),
    constraints=(constraint(varrho.symbol < R_out.symbol, "varrho < R"),),
    quantities=(quantity("zolotarev", (varrho.symbol / R_out.symbol) ** n,
                         "Z_n = (varrho/R)^n of the disk and the exterior"),),
)

delta = parameter("delta", POSITIVE, "distance delta = |c_1 - c_2| between the disks' centres",
                  latex=r"\delta")
r1 = parameter("r1", POSITIVE, "radius r_1 of the first disk", latex="r_1")
r2 = parameter("r2", POSITIVE, "radius r_2 of the second disk", latex="r_2")
_I = (delta.symbol ** 2 - r1.symbol ** 2 - r2.symbol ** 2) / (2 * r1.symbol * r2.symbol)
_rho_disks = _I + sqrt(_I ** 2 - 1)
EQ3_4_DISKS = Statement(
    id="webb2025:eq3.4-disks", example="delta=4 r1=1.5 r2=1.5 n=10",
    kind="equation", title="Zolotarev numbers of two disjoint disks",
    source=_src("(3.4), computable form", "Section 3", "R-med",
                note="reconstructed: the formula sheet's own addition to (3.4) (Moebius "
                     "invariance of Z_n and of the inversive distance), checked against the "
                     "code's commented-out two-circle example, whose R it reproduces for two "
                     "disks of radius b centred at +-a."),
    summary="Two disjoint closed disks with centre distance delta > r_1 + r_2: the inversive "
            "distance I = (delta^2 - r_1^2 - r_2^2)/(2 r_1 r_2) = (rho + 1/rho)/2 fixes the "
            "annulus ratio rho = I + sqrt(I^2 - 1), and Z_n = rho^(-n) by (3.4).",
    parameters=(delta, r1, r2, n0),
    constraints=(constraint(delta.symbol > r1.symbol + r2.symbol,
                            "delta > r1 + r2 (the disks are disjoint)"),),
    quantities=(
        quantity("inversive_distance", _I, "I = (delta^2 - r1^2 - r2^2)/(2 r1 r2) > 1"),
        quantity("rho", _rho_disks, "annulus ratio rho = I + sqrt(I^2 - 1) = R/varrho"),
        quantity("zolotarev", _rho_disks ** (-n), "Z_n of the two disks, rho^(-n)"),
    ),
)

THM3_3 = Statement(
    id="webb2025:thm3.3", example="a=-3 b=-1 c=2 d=5 n=3",
    kind="theorem", title="Beckermann-Townsend bound on Z_n of intervals",
    source=_src("Theorem 3.3", "Section 3", "R-high",
                note="reconstructed from the formula sheet (sections 3 and 8.3); the numerical "
                     "form is [STD] (Beckermann-Townsend, SIAM Rev. 2019, Cor. 3.2). The sheet "
                     "checked that the exact Z_n stays below it."),
    summary="For -inf <= a < b < c < d <= inf, with the cross ratio M = |(c-a)(d-b)/((c-b)(d-a))| "
            "(limits (d-b)/(c-b) for a = -inf, (c-a)/(c-b) for d = inf): "
            "Z_n([a, b], [c, d]) <= 4 exp(-pi^2 n / log(16 M)) for n >= 0.",
    parameters=(a, b, c, d, n0),
    constraints=_ORDERED,
    quantities=(
        quantity("error", _bt(M_AB, n), "bound 4 exp(-pi^2 n / log(16 M)) on Z_n([a, b], [c, d])",
                 "error"),
        quantity("zolotarev", Z_N, "exact Z_n([a, b], [c, d]) (sheet section 8.2)"),
        _cross_ratio(),
    ),
    aliases=("beckermann-townsend",),
)

dist = parameter("dist", POSITIVE, "dist(E, F) > 0, the distance between E and F")
p_exp = parameter("p", AT_LEAST_ONE, "Lebesgue exponent p in [1, inf) on the E side")
_inv_p_conj = 1 - 1 / p_exp.symbol  # 1/p' with 1/p + 1/p' = 1; 0 at p = 1
LEM3_4 = Statement(
    id="webb2025:lem3.4", example="mu_E=100 dist=1 p=2",
    kind="lemma",
    title="Operator norms from Bochner norms of the kernel; the case (3.6)",
    source=_src("Lemma 3.4 / (3.6)", "Section 3", "R-low",
                note="reconstructed from the formula sheet (section 3). Lemma 3.4 itself is R-high "
                     "(Minkowski's integral inequality, then Hoelder); the statement (3.6) encoded "
                     "here is a guess at the paper's wording (R-low; sheet section 10 item 11), "
                     "though the inequality is true."),
    summary="Lemma 3.4: ||T||_{L^p(E) -> L^q(F)} <= ||k||_{L^{p'}(E; L^q(F))} for "
            "(Tf)(z) = int_E k(z, y) f(y) dmu_E(y), 1/p + 1/p' = 1. With k = 1/(z - y) and "
            "q = inf, |z - y| >= dist(E, F) gives (3.6): "
            "||C||_{L^p(E) -> L^inf(F)} <= mu_E(E)^{1/p'} / dist(E, F).",
    parameters=(mu_E, dist, p_exp),
    quantities=(
        quantity("error", mu_E.symbol ** _inv_p_conj / dist.symbol,
                 "bound mu_E(E)^{1/p'} / dist(E, F) on ||C||_{L^p(E, mu_E) -> L^inf(F)}", "error"),
        quantity("inv_p_conjugate", _inv_p_conj, "1/p' = 1 - 1/p (0 for p = 1)"),
    ),
    aliases=("webb2025:eq3.6",),
)

_LOG_M = log(M_AB)
EQ3_7 = Statement(
    id="webb2025:eq3.7", example="a=-70 b=-1 c=2 d=100 n=10",
    kind="equation",
    title="Cauchy transform between intervals, Lebesgue measure",
    source=_src("(3.7)", "Section 3", "R-med",
                note="reconstructed from the formula sheet (section 3); the sheet checked "
                     "numerically that the Hilbert-Schmidt norm equals sqrt(log M) exactly."),
    summary="With Lebesgue measure on [a, b] and [c, d] and p = q = 2: ||C||^2 <= "
            "int_a^b int_c^d dz dy / (z - y)^2 = log M (finite also for a = -inf or d = inf), so "
            "ZZ_n^{2,2}([a, b], [c, d]) <= sqrt(log M) Z_n "
            "<= 4 sqrt(log M) exp(-pi^2 n/log(16 M)).",
    parameters=(a, b, c, d, n0),
    constraints=_ORDERED,
    quantities=(
        _cross_ratio(),
        quantity("C_norm_squared", _LOG_M,
                 "log M, the squared Hilbert-Schmidt norm, >= ||C||^2_{L^2 -> L^2}"),
        quantity("C_norm", sqrt(_LOG_M), "sqrt(log M) >= ||C||_{L^2 -> L^2}"),
        quantity("error", sqrt(_LOG_M) * Z_N,
                 "bound sqrt(log M) Z_n on ZZ_n^{2,2}([a, b], [c, d]) (Lebesgue measures)",
                 "error"),
        quantity("error_bt", sqrt(_LOG_M) * _bt(M_AB, n),
                 "weaker bound 4 sqrt(log M) exp(-pi^2 n / log(16 M)) on ZZ_n^{2,2}", "error"),
    ),
)

_M35 = CrossRatio(-oo, b_fin.symbol, c_fin.symbol, d_fin.symbol)
_W35 = b_fin.symbol + sqrt((d_fin.symbol - b_fin.symbol) * (c_fin.symbol - b_fin.symbol))
_PREFACTOR35 = log((d_fin.symbol - b_fin.symbol) / (c_fin.symbol - b_fin.symbol)) / 2
_Z35 = ZolotarevNumber(n_pos - 1, -oo, b_fin.symbol, c_fin.symbol, d_fin.symbol)
LEM3_5 = Statement(
    id="webb2025:lem3.5", example="b=-1 c=1 d=100 mu_E=100 n=10",
    kind="lemma", title="Unbounded F: one pole at infinity rescues ZZ_n",
    source=_src("Lemma 3.5", "Section 3", "R-high",
                note="reconstructed from the formula sheet (section 3); the paper may state it "
                     "with b = 0 or b = -c (translates of each other). Discrepancy with the code "
                     "(sheet section 10 item 1): Figure 5 (b = 0) uses the b = -c constant "
                     "(1/2) log((d+c)/(2c)) instead of (1/2) log(d/c); and (item 6) for odd n the "
                     "code moves the extra node w by +1/2, because for a = -inf it coincides with "
                     "the middle Zolotarev node."),
    summary="E in [c, d] with a finite measure mu_E, F = [-inf, b] with Lebesgue measure, "
            "b < c < d finite. Then ZZ_0^{2,1}(E, F) = ||C|| = +inf (mu_E != 0), but for n >= 1 "
            "ZZ_n^{2,1}(E, F) <= (1/2) log((d-b)/(c-b)) mu_E(E)^{1/2} Z_{n-1}([-inf, b], [c, d]). "
            "Proof: phi(z) = z - w with the extra node w = b + sqrt((d-b)(c-b)), Lemma 3.4 "
            "(p = 2, q = 1), then Lemma 3.2 with m = 1. (1/2) log((d-b)/(c-b)) = (1/2) log M.",
    parameters=(b_fin, c_fin, d_fin, mu_E, n1),
    constraints=(constraint(b_fin.symbol < c_fin.symbol, "b < c"),
                 constraint(c_fin.symbol < d_fin.symbol, "c < d")),
    quantities=(
        quantity("error", _PREFACTOR35 * sqrt(mu_E.symbol) * _Z35,
                 "bound on ZZ_n^{2,1}(E, F), L^2(E, mu_E) -> L^1(F, Lebesgue)", "error"),
        quantity("prefactor", _PREFACTOR35,
                 "(1/2) log((d-b)/(c-b)), the bound on ZZ_1 / sqrt(mu_E)"),
        quantity("w", _W35, "extra node w = b + sqrt((d-b)(c-b)) (zero of phi_1(z) = z - w)"),
        quantity("zolotarev", _Z35, "Z_{n-1}([-inf, b], [c, d])"),
        _cross_ratio(_M35),
    ),
)

# ---------------------------------------------------------------- Section 5
j_idx = parameter("j", NATURALS, "index j = 1..n of the node and the pole")
_GAMMA = 2 * M_AB - 1 + 2 * sqrt(M_AB * (M_AB - 1))
_K_MOD = sqrt(1 - _GAMMA ** -2)
_K_INT = elliptic_k(_K_MOD ** 2)  # sympy's elliptic_k takes the parameter m = k^2
_U = (2 * j_idx.symbol - 1) * _K_INT / (2 * n_pos)
_DN = JacobiDN(_U, _K_MOD ** 2)
THM5_2 = Statement(
    id="webb2025:thm5.2", example="a=-inf b=-1/2 c=0 d=100 n=5 j=1",
    kind="theorem", title="Zeros and poles of Zolotarev's extremal function",
    source=_src("Theorem 5.2", "Section 5", "R-high",
                note="reconstructed from the formula sheet (sections 5 and 8.4; Wilber's thesis "
                     "p. 20); the sheet checked that the function built from these nodes attains "
                     "the exact Z_n to 1e-13. Orientation (sheet section 10 item 5): the "
                     "code's ellipjZolotarev.m says 'for Z_n([a,b],[c,d])' but, as here, "
                     "returns the zeros in [c, d] and the poles in [a, b]."),
    summary="Let gamma = 2M - 1 + 2 sqrt(M(M-1)), modulus k = sqrt(1 - gamma^-2), k' = 1/gamma, "
            "K = K(k) (sympy: elliptic_k(k^2), parameter m = k^2) and T the Moebius map with "
            "T(-1) = a, T(-1/gamma) = b, T(1/gamma) = c, T(1) = d. The function that is small on "
            "[c, d] and large on [a, b], extremal for Z_n([c, d], [a, b]) = Z_n([a, b], [c, d]), "
            "has its ZEROS zeta_j = T(dn(u_j, k)) in (c, d) and its POLES pi_j = T(-dn(u_j, k)) in "
            "(a, b), u_j = (2j - 1) K / (2n), j = 1..n (5.4). Use the zeros as interpolation nodes "
            "on the interval holding E and the poles on the interval holding F.",
    parameters=(a, b, c, d, n1, j_idx),
    constraints=(*_ORDERED, _NOT_BOTH_INFINITE,
                 constraint(j_idx.symbol <= n_pos, "j <= n")),
    quantities=(
        _cross_ratio(),
        quantity("gamma", _GAMMA, "gamma = 2M - 1 + 2 sqrt(M(M-1)) >= 1"),
        quantity("modulus", _K_MOD, "elliptic modulus k = sqrt(1 - gamma^-2) (parameter m = k^2)"),
        quantity("K", _K_INT, "complete elliptic integral K(k) = elliptic_k(m = k^2)"),
        quantity("u", _U, "u_j = (2j - 1) K / (2n)"),
        quantity("dn", _DN, "dn(u_j, k) in (1/gamma, 1), the normalised node before T"),
        quantity("node", ZolotarevMobius(_DN, _GAMMA, A_, B_, C_, D_),
                 "zero zeta_j = T(dn(u_j, k)) in (c, d): interpolation node"),
        quantity("pole", ZolotarevMobius(-_DN, _GAMMA, A_, B_, C_, D_),
                 "pole pi_j = T(-dn(u_j, k)) in (a, b)"),
    ),
)

rho_b = parameter("rho", RealInterval(1, oo, True, True),
                  "Bernstein ellipse parameter rho > 1: K(x, .) analytic inside E_rho",
                  latex=r"\rho")
_LR_RATIO = 2 * rho_b.symbol ** (-n_pos) / (1 - rho_b.symbol ** (-2 * n_pos))
PROP5_3 = Statement(
    id="webb2025:prop5.3", example="rho=1.4 n=10 Kp_norm=1 C_norm=1",
    kind="proposition",
    title="Little-Reade type bound (Chebyshev interpolation)",
    source=_src("Proposition 5.3", "Section 5", "R-high",
                note="reconstructed from the formula sheet (section 5): phi = T_n (Chebyshev), "
                     "|T_n(y)/T_n(z)| <= 2 rho^-n / (1 - rho^-2n) by (5.5)."),
    summary="E = [-1, 1] (or any [c, d], mapped affinely), K(x, .) analytic in the open Bernstein "
            "ellipse E_rho, F outside E_rho. Then there is K_n of rank n (interpolation at the "
            "Chebyshev roots, all poles at inf) with ||K - K_n|| <= ||K'||_{A^q(F) -> L^2(X)} "
            "||C||_{L^2(E) -> L^q(F)} 2 rho^-n / (1 - rho^-2n), for every q.",
    parameters=(rho_b, n1, Kp_norm, C_norm),
    quantities=(
        quantity("rank", n_pos, "rank n of the Chebyshev interpolant", "rank"),
        quantity("error", Kp_norm.symbol * C_norm.symbol * _LR_RATIO,
                 "bound on ||K - K_n||_{L^2(E) -> L^2(X)}", "error"),
        quantity("ratio", _LR_RATIO, "Zolotarev ratio bound 2 rho^-n / (1 - rho^-2n) of T_n (5.5)"),
    ),
    aliases=("little-reade",),
)

_B5, _C5, _D5 = b_fin.symbol, c_fin.symbol, d_fin.symbol
_R54 = 1 + 2 / (_D5 - _C5) * (_C5 - _B5 + sqrt((_D5 - _B5) * (_C5 - _B5)))
_R54_RATIO = 2 * _R54 ** (-n) / (1 + _R54 ** (-2 * n))
REM5_4 = Statement(
    id="webb2025:rem5.4", example="b=-1 c=2 d=100 n=10 Kp_norm=1 C_norm=1",
    kind="remark", title="Little-Reade bound for real F",
    source=_src("Remark 5.4", "Section 5", "R-high",
                note="reconstructed from the formula sheet (section 5); the computable R is "
                     "read off the code [CODE], 'F is real, so use Remark 5.4' (sheet 8.5). In "
                     "Figures 4 and 5 the code multiplies by the Lemma 3.5 prefactor at rank n + 1 "
                     "(with the b = -c constant also in Figure 5, sheet section 10 item 1)."),
    summary="If F is real, |w^n + w^-n| = |w|^n + |w|^-n and the Chebyshev ratio is exactly "
            "2 R^-n / (1 + R^-2n). For E in [c, d] and F in [-inf, b], b < c, the Bernstein "
            "parameter is R = 1 + 2/(d - c) (c - b + sqrt((d - b)(c - b))). If ||C|| = inf, "
            "add the node w of Lemma 3.5 and use (1/2) log((d-b)/(c-b)) mu_E(E)^{1/2} in place "
            "of ||C|| (rank n + 1).",
    parameters=(b_fin, c_fin, d_fin, n0, Kp_norm, C_norm),
    constraints=(constraint(b_fin.symbol < c_fin.symbol, "b < c"),
                 constraint(c_fin.symbol < d_fin.symbol, "c < d")),
    quantities=(
        quantity("rank", n, "rank n of the Chebyshev interpolant", "rank"),
        quantity("error", Kp_norm.symbol * C_norm.symbol * _R54_RATIO,
                 "bound on ||K - K_n||_{L^2(E) -> L^2(X)}", "error"),
        quantity("ratio", _R54_RATIO, "sup_E |T_n| / inf_F |T_n| = 2 R^-n / (1 + R^-2n)"),
        quantity("R", _R54, "Bernstein parameter R = 1 + 2/(d-c) (c - b + sqrt((d-b)(c-b)))"),
    ),
)

# ---------------------------------------------------------------- Section 6
x_min = parameter("x_min", REALS, "smallest x_j (X in [x_min, x_max])", latex=r"x_{\min}")
x_max = parameter("x_max", REALS, "largest x_j", latex=r"x_{\max}")
y_min = parameter("y_min", REALS, "smallest y_k (E in [y_min, y_max])", latex=r"y_{\min}")
y_max = parameter("y_max", REALS, "largest y_k", latex=r"y_{\max}")
A_norm = parameter("A_norm", NONNEGATIVE, "||A||_2 of the Cauchy matrix", latex=r"\|A\|_2")
_Z64 = ZolotarevNumber(n, -x_max.symbol, -x_min.symbol, y_min.symbol, y_max.symbol)
EQ6_4 = Statement(
    id="webb2025:eq6.4", example="A_norm=2 x_min=1 x_max=70 y_min=2 y_max=100 n=10",
    kind="equation", title="Cauchy matrices (Beckermann-Townsend recovered)",
    source=_src("(6.3)-(6.4)", "Section 6.1", "R-high",
                note="reconstructed from the formula sheet (section 6.1); code: Kpnorm = 1, "
                     "Cnorm = sigma_1(A). The step to ||C|| is (3.3); the surviving prose cites "
                     "'Lemma 3.4' there, perhaps a label slip (sheet section 10 item 10)."),
    summary="A_jk = 1/(x_j + y_k), F = -X, K'g(x) = -g(-x) (||K'|| = 1), C = -A: "
            "||A - A_n||_2 <= ZZ_n^{2,2}(E, -X) <= ||A||_2 Z_n(E, -X) <= "
            "||A||_2 Z_n([-x_max, -x_min], [y_min, y_max]) (real case), i.e. "
            "sigma_{n+1}(A) <= Z_n ||A||_2.",
    parameters=(A_norm, x_min, x_max, y_min, y_max, n0),
    constraints=(constraint(x_min.symbol < x_max.symbol, "x_min < x_max"),
                 constraint(y_min.symbol < y_max.symbol, "y_min < y_max"),
                 constraint(-x_min.symbol < y_min.symbol, "-x_min < y_min (-X and E disjoint)")),
    quantities=(
        quantity("rank", n, "rank n of the rational interpolant A_n", "rank"),
        quantity("error", A_norm.symbol * _Z64, "bound on ||A - A_n||_2", "error"),
        quantity("zolotarev", _Z64, "Z_n([-x_max, -x_min], [y_min, y_max])"),
        _cross_ratio(CrossRatio(-x_max.symbol, -x_min.symbol, y_min.symbol, y_max.symbol)),
    ),
)

w_min = parameter("w_min", REALS, "smallest first coordinate x_1 of the grid X", latex=r"w_{\min}")
w_max = parameter("w_max", REALS, "largest first coordinate x_1", latex=r"w_{\max}")
x2_min = parameter("x_min", REALS, "smallest second coordinate x_2 of the grid X",
                   latex=r"x_{\min}")
x2_max = parameter("x_max", REALS, "largest second coordinate x_2", latex=r"x_{\max}")
T_norm = parameter("T_norm", NONNEGATIVE, "||T_(12);3||_2 of the |X| x |E| unfolding",
                   latex=r"\|\mathcal T_{(12);3}\|_2")
_F68 = (-(w_max.symbol + x2_max.symbol), -(w_min.symbol + x2_min.symbol))
_Z68 = ZolotarevNumber(n, *_F68, y_min.symbol, y_max.symbol)
EQ6_8 = Statement(
    id="webb2025:eq6.8", example="T_norm=3 w_min=1 w_max=70 x_min=1 x_max=199 y_min=2 y_max=100 n=10",
    kind="equation", title="Cauchy tensors (Shi-Townsend recovered)",
    source=_src("(6.8)", "Section 6.1", "R-high",
                note="reconstructed from the formula sheet (section 6.1); code: Kpnorm = 1, "
                     "Cnorm = sigma_1 of the unfolding (rows indexed by the sums w_i + x_j). The "
                     "figure's 'Theorem 1.1 (discrete)' curve (AAA estimate) is not rigorous "
                     "(sheet section 10 item 3) and is not encoded."),
    summary="T_ijk = 1/(w_i + x_j + y_k): K'g(x) = -g(-x_1 - x_2) is an isometry from L^2(F, nu) "
            "(push-forward measure), so ||T_(12);3 - A_n||_2 <= ||T_(12);3||_2 Z_n(E, F) with "
            "F in [-(w_max + x_max), -(w_min + x_min)] and E in [y_min, y_max].",
    parameters=(T_norm, w_min, w_max, x2_min, x2_max, y_min, y_max, n0),
    constraints=(constraint(w_min.symbol < w_max.symbol, "w_min < w_max"),
                 constraint(x2_min.symbol < x2_max.symbol, "x_min < x_max"),
                 constraint(y_min.symbol < y_max.symbol, "y_min < y_max"),
                 constraint(_F68[1] < y_min.symbol, "-(w_min + x_min) < y_min (F and E disjoint)")),
    quantities=(
        quantity("rank", n, "rank n of the approximant of the unfolding", "rank"),
        quantity("error", T_norm.symbol * _Z68, "bound on ||T_(12);3 - A_n||_2", "error"),
        quantity("zolotarev", _Z68, "Z_n([-(w_max + x_max), -(w_min + x_min)], [y_min, y_max])"),
        _cross_ratio(CrossRatio(*_F68, y_min.symbol, y_max.symbol)),
    ),
)

N_pts = parameter("N", NATURALS, "number N of points (matrix size)")
c_pos = parameter("c", POSITIVE, "smallest sample c > 0 (x_i, y_j in [c, d])")
d_pos = parameter("d", POSITIVE, "largest sample d > c")
_CP, _DP, _NP = c_pos.symbol, d_pos.symbol, N_pts.symbol
_LOG615 = log((_DP + _CP) / (2 * _CP))
_Z615 = ZolotarevNumber(n_pos - 1, -oo, -_CP, _CP, _DP)
EQ6_15 = Statement(
    id="webb2025:eq6.15", example="N=100 c=1 d=100 n=10",
    kind="equation", title="Log-Cauchy matrices",
    source=_src("(6.15)", "Section 6.2", "R-high",
                note="reconstructed from the formula sheet (section 6.2): Theorem 1.1 with (6.13) "
                     "and Lemma 3.5 for b = -c (6.14); code: Kpnorm = sqrt(N), Cnorm = "
                     "(1/2) log((d+c)/(2c)) sqrt(N). Figure 4 plots it at rank n + 1 with Z_n, "
                     "uses unseeded random points (sheet section 10 item 9), shows Z_0 = 1 at "
                     "rank 0 although ZZ_0 = inf (a plotting artefact), and moves the extra node "
                     "w by +1/2 for odd n (item 6)."),
    summary="A_ij = log(x_i + y_j), x_i, y_j in [c, d], 0 < c < d, F = [-inf, -c] with Lebesgue "
            "measure: K'(x, z) = 1[z <= -x], ||K'||_{A^1(F) -> l^2} <= sqrt(N), and for rank "
            "n >= 1: ||A - A_n||_2 <= (N/2) log((d+c)/(2c)) Z_{n-1}([-inf, -c], [c, d]). "
            "(d+c)/(2c) is the cross ratio M.",
    parameters=(N_pts, c_pos, d_pos, n1),
    constraints=(constraint(_CP < _DP, "c < d"),),
    quantities=(
        quantity("rank", n_pos, "rank n of the interpolant (n - 1 Zolotarev nodes plus w)", "rank"),
        quantity("error", _NP / 2 * _LOG615 * _Z615, "bound on ||A - A_n||_2", "error"),
        quantity("Kp_norm", sqrt(_NP), "sqrt(N) >= ||K'||_{A^1(F) -> l^2(X)} (6.13)"),
        quantity("C_norm", _LOG615 / 2 * sqrt(_NP),
                 "(1/2) log((d+c)/(2c)) sqrt(N), the factor of ZZ_n^{2,1} <= ... Z_{n-1} (6.14)"),
        quantity("w", -_CP + sqrt(2 * _CP * (_DP + _CP)), "extra node w = -c + sqrt(2c(d+c))"),
        quantity("zolotarev", _Z615, "Z_{n-1}([-inf, -c], [c, d])"),
        _cross_ratio(CrossRatio(-oo, -_CP, _CP, _DP)),
    ),
)

N_hankel = parameter("N", IntegerRange(2), "number N >= 2 of points (matrix size)")
_NH = N_hankel.symbol
_J01, _J0N = BesselJZero(0, 1), BesselJZero(0, _NH)
# Z_{n-1}([-inf, 0], [j01, j0N]) = Z_{n-1}([-inf, 0], [1, j0N/j01]) (scaling by 1/j01):
# CrossRatio and ZolotarevNumber need endpoints they can compare exactly.
_M622 = _J0N / _J01
_Z622 = ZolotarevNumber(n_pos - 1, -oo, 0, 1, _M622)
_LOG622 = log(_M622)
_LOG622_CODE = log((_J0N + _J01) / (2 * _J01))
EQ6_22 = Statement(
    id="webb2025:eq6.22", example="N=100 n=10",
    kind="equation", title="Twisted Hankel transform matrices",
    source=_src("(6.22)", "Section 6.3", "R-high",
                note="reconstructed from the formula sheet (section 6.3), derived from Lemma 3.5 "
                     "with b = 0, c = j_{0,1}, d = j_{0,N}: the proved constant is (1/2) log(d/c). "
                     "Discrepancy with the code (sheet section 10 item 1): Figure 5 uses "
                     "(1/2) log((d+c)/(2c)) (the b = -c constant of Section 6.2), about 14% "
                     "smaller for N = 100 (quantity error_code_constant); whether the paper's "
                     "(6.21) repeats the slip is unknown."),
    summary="A_jk = H_0^(1)(j_{0,j} j_{0,k}/j_{0,N+1}) exp(-i j_{0,j} j_{0,k}/j_{0,N+1}), "
            "K(x, y) = H_0^(1)(xy) e^{-ixy}, F = [-inf, 0] (Lebesgue), E = {j_{0,k}}: "
            "K'(x, z) = (2i/pi) J_0(xz) e^{-ixz}, ||K'|| <= (2/pi) sqrt(N) (6.20), and for rank "
            "n >= 1: ||A - A_n||_2 <= (N/pi) log(j_{0,N}/j_{0,1}) "
            "Z_{n-1}([-inf, 0], [j_{0,1}, j_{0,N}]).",
    parameters=(N_hankel, n1),
    quantities=(
        quantity("rank", n_pos, "rank n of the interpolant (n - 1 Zolotarev nodes plus w)", "rank"),
        quantity("error", _NH / pi * _LOG622 * _Z622, "bound on ||A - A_n||_2", "error"),
        quantity("error_code_constant", _NH / pi * _LOG622_CODE * _Z622,
                 "(N/pi) log((d+c)/(2c)) Z_{n-1}: what the author's code plots (NOT proved; "
                 "sheet section 10 item 1)", "value"),
        quantity("Kp_norm", 2 / pi * sqrt(_NH),
                 "(2/pi) sqrt(N) >= ||K'||_{A^1(F) -> l^2(X)} (6.20)"),
        quantity("C_norm", _LOG622 / 2 * sqrt(_NH),
                 "(1/2) log(d/c) sqrt(N), the factor of ZZ_n^{2,1} <= ... Z_{n-1} (6.21)"),
        quantity("prefactor", _LOG622 / 2, "(1/2) log(j_{0,N}/j_{0,1}) of Lemma 3.5 (b = 0)"),
        quantity("prefactor_code", _LOG622_CODE / 2,
                 "(1/2) log((d+c)/(2c)), the code's constant (sheet section 10 item 1)"),
        quantity("w", sqrt(_J01 * _J0N), "extra node w = sqrt(j_{0,1} j_{0,N}) (b = 0)"),
        quantity("c", _J01, "c = j_{0,1}, the first zero of J_0"),
        quantity("d", _J0N, "d = j_{0,N}, the N-th zero of J_0"),
        quantity("zolotarev", _Z622, "Z_{n-1}([-inf, 0], [j_{0,1}, j_{0,N}])"),
        _cross_ratio(_M622),
    ),
)

s_shift = parameter("s", POSITIVE, "shift s > 0 of the Beta-Cauchy kernel B(x + y + s, t)")
t_beta = parameter("t", UNIT_INTERVAL, "second Beta argument t in (0, 1)")
_S, _T = s_shift.symbol, t_beta.symbol
_j = Symbol("j", integer=True, nonnegative=True)  # summation index, not a parameter
_y = Symbol("y", integer=True, nonnegative=True)  # summation index, not a parameter


def _w(k):
    """w_k = (1 - t)_k / k!, the partial-fraction weights of B(z, t) (6.27)."""
    return RisingFactorial(1 - _T, k) / factorial(k)


_KP636 = sqrt(Sum(_w(_j) ** 2, (_j, 0, _NP))) / _w(_NP)
_C636 = sqrt(Sum(beta(_y + _S, _T) ** 2, (_y, 0, _NP)))
_Z636 = ZolotarevNumber(n, -oo, -_S, 0, _NP)
EQ6_36 = Statement(
    id="webb2025:eq6.36", example="N=100 s=1/2 t=1/2 n=10",
    kind="equation", title="Beta-Cauchy (positive-definite Hankel) matrices",
    source=_src("(6.36)", "Section 6.4", "R-high",
                note="reconstructed from the formula sheet (section 6.4): Theorem 1.1 + (3.3) + "
                     "monotonicity, with (6.34) and (6.35); the sheet reproduced the code's Kpnorm "
                     "to all digits. Discrepancy with the code (sheet section 10 item 2): the code "
                     "truncates sum_k w_k/(y+s+k) at relative term size 1e-4, giving Cnorm = "
                     "4.66585 instead of the exact (sum_y B(y+s,t)^2)^{1/2} = 5.00148 used here "
                     "(N = 100, s = t = 1/2), so the plotted curves are about 7% low. The figure's "
                     "'Beckermann-Townsend' Hankel curve (sheet section 10 item 4) and the AAA "
                     "'discrete' curves (item 3) are not encoded."),
    summary="A_jk = B(j + k + s, t), 0 <= j, k <= N, s > 0, 0 < t < 1 (a positive-definite Hankel "
            "moment matrix; s = t = 1/2 is the matrix (1.1) up to sqrt(pi)). With "
            "w_j = (1 - t)_j / j!, F = {-s - m} u {inf} in [-inf, -s], E = {0..N} in [0, N]: "
            "||A - A_n||_2 <= (sum_{j=0}^N w_j^2)^{1/2} / w_N (sum_{y=0}^N B(y+s, t)^2)^{1/2} "
            "Z_n([-inf, -s], [0, N]).",
    parameters=(N_pts, s_shift, t_beta, n0),
    quantities=(
        quantity("rank", n, "rank n of the rational interpolant", "rank"),
        quantity("error", _KP636 * _C636 * _Z636, "bound on ||A - A_n||_2", "error"),
        quantity("Kp_norm", _KP636,
                 "(sum_j w_j^2)^{1/2} / w_N >= ||K'||_{L^1(F, nu) -> l^2(X)} (6.32)-(6.34)"),
        quantity("C_norm", _C636,
                 "(sum_y B(y+s, t)^2)^{1/2} >= ||C||_{l^2(E) -> L^1(F, nu)} (6.35), exact series"),
        quantity("zolotarev", _Z636, "Z_n([-inf, -s], [0, N])"),
        _cross_ratio(CrossRatio(-oo, -_S, 0, _NP)),
    ),
)

STATEMENTS = (
    THM1_1, EQ1_8, EQ3_3, LEM3_2, EQ3_4, EQ3_4_DISKS, THM3_3, LEM3_4, EQ3_7, LEM3_5,
    THM5_2, PROP5_3, REM5_4, EQ6_4, EQ6_8, EQ6_15, EQ6_22, EQ6_36,
)
