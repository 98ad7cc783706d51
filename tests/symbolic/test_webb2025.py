"""Tests of the webb2025 catalogue (certbounds/symbolic/catalogue/webb2025.py).

Reference values come from the formula sheet /work/shared/papers/webb2025-formulas.md,
section 11 (the sheet author's own scipy/mpmath computations, independent of
certbounds), unless a comment names another source. Evaluations are not
certified, so the tolerance is relative 1e-9 (the sheet's values have 12 digits).
"""

import math

import mpmath
import pytest

from certbounds.errors import DomainError
from certbounds.symbolic.catalogue import all_statements, get_statement
from certbounds.symbolic.evaluate import evaluate
from certbounds.symbolic.parsing import parse_number
from certbounds.symbolic.statement import CONFIDENCE_TAGS

REL = 1e-9

FIG1 = dict(a="-inf", b="-1/2", c="0", d="100")   # Figure 1: [-inf, -s], [0, N], s = 1/2
FIG4 = dict(a="-inf", b="-1", c="1", d="100")     # Figure 4: [-inf, -c], [c, d]
MISC = dict(a="-3", b="-1", c="2", d="5")


def value(statement_id, name, **values):
    """float of quantity ``name`` of statement ``statement_id`` at text ``values``."""
    return float(evaluate(get_statement(statement_id), values).quantity(name).value)


def webb_statements():
    return [st for st in all_statements() if st.paper == "webb2025"]


def bessel_j0_zero(k):
    """j_{0,k} as 30-digit decimal text, computed by mpmath (independent of the catalogue)."""
    with mpmath.workdps(40):
        return mpmath.nstr(mpmath.besseljzero(0, k), 30)


# ------------------------------------------------------------ catalogue data

def test_aliases_resolve():
    assert get_statement("cauchy-zolotarev").id == "webb2025:thm1.1"
    assert get_statement("little-reade").id == "webb2025:prop5.3"
    assert get_statement("beckermann-townsend").id == "webb2025:thm3.3"
    assert get_statement("zolotarev").id == "webb2025:eq1.8"
    assert get_statement("webb2025:eq1.7").id == "webb2025:eq3.3"


def test_every_statement_has_a_confidence_tag_and_reconstructions_say_so():
    statements = webb_statements()
    assert len(statements) >= 18
    for st in statements:
        assert st.id.startswith("webb2025:") and st.id == st.id.lower()
        assert st.source.confidence in CONFIDENCE_TAGS, st.id
        if st.source.reconstructed:
            assert "reconstructed" in st.source.note.lower(), st.id
        assert st.quantities, st.id


def test_notes_record_the_discrepancies_with_the_code():
    # formula sheet section 10, items 1 and 2
    note_622 = get_statement("webb2025:eq6.22").source.note
    assert "log((d+c)/(2c))" in note_622 and "log(d/c)" in note_622
    assert "truncat" in get_statement("webb2025:eq6.36").source.note
    assert get_statement("webb2025:lem3.4").source.confidence == "R-low"  # sheet: (3.6) is [R-low]


# ------------------------------------------------------------ Zolotarev numbers

@pytest.mark.parametrize("n, expected", [
    (1, 0.868225531212), (5, 8.86055588131e-3), (10, 1.96281331360e-5), (20, 9.63159026196e-11),
])
def test_fig1_zolotarev_numbers(n, expected):
    # formula sheet section 11, Fig 1: Z_n([-inf, -1/2], [0, 100])
    assert value("zolotarev", "zolotarev", n=str(n), **FIG1) == pytest.approx(expected, rel=REL)


def test_fig1_cross_ratio_rho_and_R():
    # formula sheet section 11, Fig 1: M = 201, rho = 3.39561231213, R = 1.15177446879
    assert value("zolotarev", "cross_ratio", n="1", **FIG1) == 201
    assert value("zolotarev", "rho", n="1", **FIG1) == pytest.approx(3.39561231213, rel=REL)
    assert value("webb2025:rem5.4", "R", b="-1/2", c="0", d="100", n="1", Kp_norm="1",
                 C_norm="1") == pytest.approx(1.15177446879, rel=REL)


@pytest.mark.parametrize("n, expected", [
    (1, 5.57280900008e-2), (2, 7.77612958447e-4), (3, 1.08421481338e-5),
])
def test_misc_finite_intervals(n, expected):
    # formula sheet section 11, misc: Z_n([-3, -1], [2, 5])
    assert value("zolotarev", "zolotarev", n=str(n), **MISC) == pytest.approx(expected, rel=REL)


@pytest.mark.parametrize("n, expected", [(1, 0.171572875254), (2, 7.46966672950e-3)])
def test_misc_right_endpoint_infinite(n, expected):
    # formula sheet section 11, misc: Z_n([1, 2], [3, inf])
    assert value("zolotarev", "zolotarev", a="1", b="2", c="3", d="inf",
                 n=str(n)) == pytest.approx(expected, rel=REL)


def test_zolotarev_is_one_when_the_intervals_meet_at_infinity():
    # formula sheet sections 8.1 and 10 item 8: M = inf gives Z_n = 1 (the MATLAB code returns 4)
    values = dict(a="-inf", b="0", c="1", d="inf", n="3")
    assert value("zolotarev", "zolotarev", **values) == 1
    assert value("zolotarev", "zolotarev", n="0", **FIG1) == 1


def test_four_rho_to_the_minus_n_bounds_zolotarev():
    # formula sheet section 8.2: Z_n <= 4 rho^-n, sharper than Beckermann-Townsend
    for n in range(0, 8):
        ev = evaluate(get_statement("zolotarev"), dict(n=str(n), **FIG1))
        z, upper = (float(ev.quantity(q).value) for q in ("zolotarev", "zolotarev_upper"))
        bt = value("beckermann-townsend", "error", n=str(n), **FIG1)
        assert z <= upper * (1 + 1e-12) and upper <= bt * (1 + 1e-12)


@pytest.mark.parametrize("intervals", [
    FIG1, FIG4, MISC, dict(a="1", b="2", c="3", d="inf"), dict(a="-70", b="-1", c="2", d="100"),
    dict(a="0", b="1", c="1.001", d="2"), dict(a="-inf", b="0", c="1", d="1e12"),
])
def test_beckermann_townsend_bound_dominates_the_exact_value(intervals):
    # Theorem 3.3 (formula sheet sections 3 and 8.3: the exact Z_n stays below the bound)
    for n in (0, 1, 2, 3, 5, 8, 13):
        ev = evaluate(get_statement("beckermann-townsend"), dict(n=str(n), **intervals))
        exact, bound = float(ev.quantity("zolotarev").value), float(ev.quantity("error").value)
        assert exact <= bound


# ------------------------------------------------------------ figures of Section 6

@pytest.mark.parametrize("n, expected", [
    (1, 0.581247048708), (5, 4.25333279148e-4), (10, 4.52271036786e-8),
])
def test_fig3_left_cauchy_matrix(n, expected):
    # formula sheet section 11, Fig 3L: Z_n([-70, -1], [2, 100]); X in [1, 70], E in [2, 100]
    values = dict(A_norm="1", x_min="1", x_max="70", y_min="2", y_max="100", n=str(n))
    assert value("webb2025:eq6.4", "error", **values) == pytest.approx(expected, rel=REL)
    assert value("webb2025:eq6.4", "cross_ratio", **values) == pytest.approx(14.2588235294, rel=REL)


@pytest.mark.parametrize("n, expected", [
    (1, 0.624592537526), (5, 6.69523770254e-4), (10, 1.12065544851e-7),
])
def test_fig3_right_cauchy_tensor(n, expected):
    # formula sheet section 11, Fig 3R: F = [-(70 + 199), -(1 + 1)], E in [2, 100]
    values = dict(T_norm="1", w_min="1", w_max="70", x_min="1", x_max="199", y_min="2",
                  y_max="100", n=str(n))
    assert value("webb2025:eq6.8", "error", **values) == pytest.approx(expected, rel=REL)
    assert value("webb2025:eq6.8", "cross_ratio", **values) == pytest.approx(18.7276422764, rel=REL)


@pytest.mark.parametrize("n, expected", [
    (1, 0.753279385787), (5, 2.48850402563e-3), (10, 1.54816786503e-6),
])
def test_fig4_zolotarev_numbers(n, expected):
    # formula sheet section 11, Fig 4: Z_n([-inf, -1], [1, 100]); (6.15) at rank n + 1 uses Z_n
    values = dict(N="100", c="1", d="100", n=str(n + 1))
    assert value("webb2025:eq6.15", "zolotarev", **values) == pytest.approx(expected, rel=REL)
    assert value("webb2025:eq6.15", "error", **values) == pytest.approx(
        50 * math.log(50.5) * expected, rel=REL)  # (N/2) log((d+c)/(2c)) Z_n, sheet (6.15)


def test_fig4_constants():
    # formula sheet section 11, Fig 4: M = 50.5, (1/2) log M = 1.96098666814,
    # w = 13.2126704036, R = 1.32752869502
    values = dict(N="1", c="1", d="100", n="1")
    assert value("webb2025:eq6.15", "cross_ratio", **values) == pytest.approx(50.5, rel=REL)
    assert value("webb2025:eq6.15", "C_norm", **values) == pytest.approx(1.96098666814, rel=REL)
    assert value("webb2025:eq6.15", "w", **values) == pytest.approx(13.2126704036, rel=REL)
    lemma = dict(b="-1", c="1", d="100", mu_E="1", n="1")
    assert value("webb2025:lem3.5", "prefactor", **lemma) == pytest.approx(1.96098666814, rel=REL)
    assert value("webb2025:lem3.5", "w", **lemma) == pytest.approx(13.2126704036, rel=REL)
    assert value("webb2025:rem5.4", "R", b="-1", c="1", d="100", n="1", Kp_norm="1",
                 C_norm="1") == pytest.approx(1.32752869502, rel=REL)


def test_fig5_constants():
    # formula sheet section 11, Fig 5: j_{0,1}, j_{0,100}, M, (1/2) log(d/c),
    # the code's (1/2) log((d+c)/(2c)), w
    values = dict(N="100", n="1")
    expected = dict(c=2.40482555770, d=313.374266078, cross_ratio=130.310601979,
                    prefactor=2.43496042337, prefactor_code=2.09220917186, w=27.4519661261)
    for name, ref in expected.items():
        assert value("webb2025:eq6.22", name, **values) == pytest.approx(ref, rel=REL), name
    # sheet section 11: j_{0,101} = 316.515854772
    assert value("webb2025:eq6.22", "d", N="101", n="1") == pytest.approx(316.515854772, rel=REL)


def test_fig5_bernstein_parameter():
    # formula sheet section 11, Fig 5: R = 1.19202395987 for b = 0, c = j_{0,1}, d = j_{0,100}
    # (the zeros from mpmath.besseljzero, passed as 30-digit decimals)
    values = dict(b="0", c=bessel_j0_zero(1), d=bessel_j0_zero(100), n="1", Kp_norm="1",
                  C_norm="1")
    assert value("webb2025:rem5.4", "R", **values) == pytest.approx(1.19202395987, rel=REL)


@pytest.mark.parametrize("n, expected", [
    (1, 0.838909311947), (5, 6.25725792231e-3), (10, 9.78851080365e-6),
])
def test_fig5_zolotarev_numbers(n, expected):
    # formula sheet section 11, Fig 5: Z_n([-inf, 0], [j_{0,1}, j_{0,100}]); (6.22) at rank n + 1
    values = dict(N="100", n=str(n + 1))
    assert value("webb2025:eq6.22", "zolotarev", **values) == pytest.approx(expected, rel=REL)


def test_fig5_code_constant_is_smaller_than_the_proved_one():
    # formula sheet section 10 item 1: the plotted curve is a factor 0.859 below (6.22)
    ev = evaluate(get_statement("webb2025:eq6.22"), dict(N="100", n="6"))
    proved, plotted = (float(ev.quantity(q).value) for q in ("error", "error_code_constant"))
    assert plotted / proved == pytest.approx(2.09220917186 / 2.43496042337, rel=REL)
    assert plotted / proved == pytest.approx(0.859, abs=1e-3)


def test_fig1_beta_cauchy_constants():
    # formula sheet section 11, Fig 1: Kpnorm = 28.2531116567, exact Cnorm = 5.00147792525
    # (the code's truncated series gives 4.66585027057, sheet section 10 item 2)
    ev = evaluate(get_statement("webb2025:eq6.36"), dict(N="100", s="1/2", t="1/2", n="5"))
    kp, cn = float(ev.quantity("Kp_norm").value), float(ev.quantity("C_norm").value)
    assert kp == pytest.approx(28.2531116567, rel=REL)
    assert cn == pytest.approx(5.00147792525, rel=REL)
    assert cn > 4.66585027057
    assert float(ev.quantity("cross_ratio").value) == 201
    assert float(ev.quantity("error").value) == pytest.approx(kp * cn * 8.86055588131e-3, rel=REL)


# ------------------------------------------------------------ Theorem 5.2

def test_dn_nodes_for_M_201():
    # formula sheet section 11, misc: dn(u_j, k) for M = 201, n = 5 (normalised, before T)
    expected = [0.744053486577, 0.176099640698, 0.0353112550269, 0.00708056374580,
                0.00167579986395]
    for j, ref in enumerate(expected, start=1):
        got = value("webb2025:thm5.2", "dn", n="5", j=str(j), **FIG1)
        assert got == pytest.approx(ref, rel=REL)


@pytest.mark.parametrize("intervals, n", [
    (FIG1, 5), (FIG4, 4), (MISC, 3), (dict(a="1", b="2", c="3", d="inf"), 2),
    (dict(a="-70", b="-1", c="2", d="100"), 6),
])
def test_nodes_lie_in_c_d_and_poles_in_a_b(intervals, n):
    # Theorem 5.2: zeros in (c, d), poles in (a, b) (formula sheet section 5)
    a, b, c, d = (float(parse_number(intervals[k])) for k in "abcd")
    for j in range(1, n + 1):
        ev = evaluate(get_statement("webb2025:thm5.2"), dict(n=str(n), j=str(j), **intervals))
        node, pole = float(ev.quantity("node").value), float(ev.quantity("pole").value)
        assert c < node < d
        assert a < pole < b


@pytest.mark.parametrize("intervals, n", [(MISC, 3), (dict(a="-70", b="-1", c="2", d="100"), 4)])
def test_zolotarev_function_attains_Z_n(intervals, n):
    # formula sheet section 5: the function with the nodes/poles of (5.4) attains Z_n.
    # Dense sampling underestimates sup_[c,d] |r| / inf_[a,b] |r|, hence the tolerance.
    st = get_statement("webb2025:thm5.2")
    evs = [evaluate(st, dict(n=str(n), j=str(j), **intervals)) for j in range(1, n + 1)]
    nodes = [float(ev.quantity("node").value) for ev in evs]
    poles = [float(ev.quantity("pole").value) for ev in evs]

    def r(z):
        return abs(math.prod((z - zeta) / (z - p) for zeta, p in zip(nodes, poles)))

    a, b, c, d = (float(intervals[k]) for k in "abcd")
    grid = [i / 4000 for i in range(4001)]
    sup_e = max(r(c + (d - c) * t) for t in grid)
    inf_f = min(r(a + (b - a) * t) for t in grid)
    exact = value("zolotarev", "zolotarev", n=str(n), **intervals)
    assert sup_e / inf_f == pytest.approx(exact, rel=1e-4)


def test_extra_node_w_is_the_middle_zolotarev_node_for_odd_n():
    # formula sheet sections 3 (Lemma 3.5) and 8.4: a = -inf, odd n: middle node = w
    w = value("webb2025:lem3.5", "w", b="-1/2", c="0", d="100", mu_E="1", n="1")
    node = value("webb2025:thm5.2", "node", n="5", j="3", **FIG1)
    assert node == pytest.approx(w, rel=REL)


# ------------------------------------------------------------ Sections 3 and 5

def test_theorem_1_1_is_product_of_norms_and_zolotarev():
    values = dict(Kp_norm="3", C_norm="2", n="5", **FIG1)
    ev = evaluate(get_statement("cauchy-zolotarev"), values)
    assert ev.quantity("rank").integer == 5
    assert float(ev.quantity("error").value) == pytest.approx(6 * 8.86055588131e-3, rel=REL)
    assert [h.status for h in ev.hypotheses] == ["holds"]


def test_lemma_3_2_with_m_0_is_eq_3_3():
    for n in range(4):
        lemma = value("webb2025:lem3.2", "error", Zm="2", m="0", n=str(n), **MISC)
        eq = value("webb2025:eq3.3", "error", C_norm="2", n=str(n), **MISC)
        assert lemma == pytest.approx(eq, rel=REL)
    # m = n leaves the factor Z_0 = 1
    assert value("webb2025:lem3.2", "error", Zm="7/10", m="3", n="3", **MISC) == pytest.approx(0.7)


def test_disks():
    # (3.4): Z_3 of {|z| <= 1} and {|z| >= 2} is 1/8
    assert value("webb2025:eq3.4", "zolotarev", varrho="1", R="2", n="3") == 0.125
    # formula sheet section 3: two disks of radius b centred at -+a give the code's
    # R = 2(a/b)^2 - 1 + 2(a/b) sqrt((a/b)^2 - 1); the code's circle example has a = 2, b = 1.5
    q = 2 / 1.5
    rho = value("webb2025:eq3.4-disks", "rho", delta="4", r1="1.5", r2="1.5", n="1")
    assert rho == pytest.approx(2 * q ** 2 - 1 + 2 * q * math.sqrt(q ** 2 - 1), rel=REL)
    # monotonicity: the disks contain their real diameters [-3.5, -0.5] and [0.5, 3.5]
    for n in range(1, 5):
        disks = value("webb2025:eq3.4-disks", "zolotarev", delta="4", r1="1.5", r2="1.5", n=str(n))
        diameters = value("zolotarev", "zolotarev", a="-3.5", b="-0.5", c="0.5", d="3.5", n=str(n))
        assert diameters <= disks
        assert disks == pytest.approx(rho ** -n, rel=REL)


def test_lemma_3_4_exponent():
    # (3.6): mu_E^{1/p'} / dist with 1/p' = 1 - 1/p; p = 1 gives exponent 0
    assert value("webb2025:lem3.4", "error", mu_E="9", dist="2", p="1") == 0.5
    assert value("webb2025:lem3.4", "error", mu_E="9", dist="2", p="2") == 1.5
    assert value("webb2025:lem3.4", "inv_p_conjugate", mu_E="9", dist="2", p="1") == 0


def test_eq_3_7_log_M_is_the_hilbert_schmidt_norm():
    # formula sheet (3.7): int_a^b int_c^d dz dy / (z - y)^2 = log M, here by mpmath quadrature
    hs = mpmath.quad(lambda y: 1 / (2 - y) - 1 / (5 - y), [-3, -1])
    assert value("webb2025:eq3.7", "C_norm_squared", n="1", **MISC) == pytest.approx(
        float(hs), rel=REL)
    ev = evaluate(get_statement("webb2025:eq3.7"), dict(n="4", **MISC))
    assert float(ev.quantity("error").value) <= float(ev.quantity("error_bt").value)


def test_little_reade_and_remark_5_4():
    # Prop. 5.3: 2 rho^-n / (1 - rho^-2n) with rho = 2, n = 3: 2/8 / (1 - 1/64) = 16/63
    assert value("little-reade", "error", rho="2", n="3", Kp_norm="3",
                 C_norm="1") == pytest.approx(3 * 16 / 63, rel=REL)
    # Remark 5.4 (real F) is sharper than Prop. 5.3 at the same R
    ev = evaluate(get_statement("webb2025:rem5.4"),
                  dict(b="-1/2", c="0", d="100", n="4", Kp_norm="1", C_norm="1"))
    R, ratio = float(ev.quantity("R").value), float(ev.quantity("ratio").value)
    assert ratio == pytest.approx(2 * R ** -4 / (1 + R ** -8), rel=REL)
    assert ratio < 2 * R ** -4 / (1 - R ** -8)


# ------------------------------------------------------------ constraints

@pytest.mark.parametrize("statement_id, values", [
    ("zolotarev", dict(a="0", b="-1", c="2", d="5", n="1")),               # a > b
    ("zolotarev", dict(a="-3", b="2", c="1", d="5", n="1")),               # b > c
    ("webb2025:thm3.3", dict(a="-3", b="-1", c="5", d="2", n="1")),        # c > d
    ("webb2025:thm5.2", dict(n="3", j="4", **MISC)),                       # j > n
    ("webb2025:thm5.2", dict(a="-inf", b="0", c="1", d="inf", n="2", j="1")),
    ("webb2025:lem3.2", dict(Zm="1", m="3", n="2", **MISC)),               # m > n
    ("webb2025:eq3.4", dict(varrho="2", R="1", n="1")),                    # varrho > R
    ("webb2025:eq3.4-disks", dict(delta="2", r1="1", r2="1", n="1")),      # touching disks
    ("webb2025:eq6.4", dict(A_norm="1", x_min="1", x_max="70", y_min="-2", y_max="100", n="1")),
    ("webb2025:lem3.5", dict(b="1", c="1", d="100", mu_E="1", n="1")),     # b = c
    ("webb2025:eq6.15", dict(N="10", c="1", d="100", n="0")),              # rank >= 1
    ("webb2025:eq6.36", dict(N="10", s="1/2", t="1", n="1")),              # t outside (0, 1)
])
def test_violations_raise_domain_error(statement_id, values):
    with pytest.raises(DomainError):
        evaluate(get_statement(statement_id), values)
