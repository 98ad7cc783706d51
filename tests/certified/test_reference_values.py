"""Reference values of the papers and of the webb2025 formula sheet's
section 11, reproduced by certified evaluation of catalogue statements:
integers exactly, decimals as enclosures that contain them (the sheet's
values are 12-digit double-precision computations whose last digit is off
by one in two places — Z_20 of Fig. 1 is 9.631590261955e-11 and Z_2 of
[1, 2], [3, inf] is 7.469666729510e-3 by 50-digit mpmath — so each is
widened by one and a half units in its last printed digit)."""

from decimal import Decimal

import pytest

from certbounds.certified.evaluate import evaluate
from certbounds.symbolic.catalogue import get_statement


def contains(ball, printed: str) -> bool:
    """The ball meets [printed -+ 1.5 units in the last printed digit]."""
    value = Decimal(printed)
    exponent = value.as_tuple().exponent
    slack = Decimal(15) * Decimal(10) ** (exponent - 1)
    return Decimal(ball.lower) <= value + slack and value - slack <= Decimal(ball.upper)


def quantities(statement_id, **values):
    return evaluate(get_statement(statement_id), {k: str(v) for k, v in values.items()})


@pytest.mark.parametrize("n, rank", [("1e5", 21713), ("1e7", 30002), ("1e9", 38291)])
def test_budzinskiy_section_1_3_jl_ranks(n, rank):
    # budzinskiy2025 Section 1.3: r = 21713, 30002, 38291 for n = 1e5, 1e7, 1e9, eps = 0.1
    assert quantities("jl", eps="0.1", n1=n, n2=n)["rank"].integer == rank


def test_budzinskiy_second_stage_starts_at_18695_not_18964():
    # (1.2) with n1 = n2 = n, eps = 0.1: r(n) < n first holds at n = 18695
    # (issue 3's note: the paper's "18964" looks like a digit swap)
    r = lambda n: quantities("budzinskiy2025:eq1.2", eps="0.1", n1=n, n2=n)["rank"].integer  # noqa: E731
    assert r(18694) == 18694 and r(18695) == 18694
    assert r(18964) < 18964


# webb2025 formula sheet, section 11 ("my own double-precision computations")
SHEET = [
    # Fig 1: [-inf, -1/2], [0, 100]: M, rho, Z_1, Z_5, Z_10, Z_20
    ("webb2025:eq1.8", dict(a="-inf", b="-1/2", c=0, d=100, n=1),
     {"cross_ratio": "201", "rho": "3.39561231213", "zolotarev": "0.868225531212"}),
    ("webb2025:eq1.8", dict(a="-inf", b="-1/2", c=0, d=100, n=5), {"zolotarev": "8.86055588131e-3"}),
    ("webb2025:eq1.8", dict(a="-inf", b="-1/2", c=0, d=100, n=10), {"zolotarev": "1.96281331360e-5"}),
    ("webb2025:eq1.8", dict(a="-inf", b="-1/2", c=0, d=100, n=20), {"zolotarev": "9.63159026196e-11"}),
    # Fig 1 constants: Kpnorm and the exact Cnorm of (6.36), N = 100, s = t = 1/2
    ("webb2025:eq6.36", dict(N=100, s="1/2", t="1/2", n=1),
     {"Kp_norm": "28.2531116567", "C_norm": "5.00147792525"}),
    ("webb2025:rem5.4", dict(b="-1/2", c=0, d=100, n=1, Kp_norm=1, C_norm=1), {"R": "1.15177446879"}),
    # Fig 3 left: [-70, -1], [2, 100]
    ("webb2025:eq1.8", dict(a=-70, b=-1, c=2, d=100, n=1),
     {"cross_ratio": "14.2588235294", "zolotarev": "0.581247048708"}),
    ("webb2025:eq1.8", dict(a=-70, b=-1, c=2, d=100, n=5), {"zolotarev": "4.25333279148e-4"}),
    ("webb2025:eq1.8", dict(a=-70, b=-1, c=2, d=100, n=10), {"zolotarev": "4.52271036786e-8"}),
    ("webb2025:rem5.4", dict(b=-1, c=2, d=100, n=1, Kp_norm=1, C_norm=1), {"R": "1.41646724868"}),
    # Fig 3 right: [-269, -2], [2, 100]
    ("webb2025:eq1.8", dict(a=-269, b=-2, c=2, d=100, n=1),
     {"cross_ratio": "18.7276422764", "zolotarev": "0.624592537526"}),
    ("webb2025:eq1.8", dict(a=-269, b=-2, c=2, d=100, n=5), {"zolotarev": "6.69523770254e-4"}),
    ("webb2025:eq1.8", dict(a=-269, b=-2, c=2, d=100, n=10), {"zolotarev": "1.12065544851e-7"}),
    ("webb2025:rem5.4", dict(b=-2, c=2, d=100, n=1, Kp_norm=1, C_norm=1), {"R": "1.49385734442"}),
    # Fig 4: [-inf, -1], [1, 100] (eq. 6.15 with N = 100: Z_{n-1})
    ("webb2025:eq6.15", dict(N=100, c=1, d=100, n=2),
     {"cross_ratio": "50.5", "w": "13.2126704036", "zolotarev": "0.753279385787"}),
    ("webb2025:eq6.15", dict(N=100, c=1, d=100, n=6), {"zolotarev": "2.48850402563e-3"}),
    ("webb2025:eq6.15", dict(N=100, c=1, d=100, n=11), {"zolotarev": "1.54816786503e-6"}),
    ("webb2025:lem3.5", dict(b=-1, c=1, d=100, mu_E=1, n=1), {"prefactor": "1.96098666814"}),
    ("webb2025:rem5.4", dict(b=-1, c=1, d=100, n=1, Kp_norm=1, C_norm=1), {"R": "1.32752869502"}),
    # Fig 5: Bessel zeros, M = j_{0,100}/j_{0,1}, both constants, w; Z_{n-1} of [-inf, 0], [c, d]
    ("webb2025:eq6.22", dict(N=100, n=2),
     {"c": "2.40482555770", "d": "313.374266078", "cross_ratio": "130.310601979",
      "prefactor": "2.43496042337", "prefactor_code": "2.09220917186", "w": "27.4519661261",
      "zolotarev": "0.838909311947"}),
    ("webb2025:eq6.22", dict(N=100, n=6), {"zolotarev": "6.25725792231e-3"}),
    ("webb2025:eq6.22", dict(N=100, n=11), {"zolotarev": "9.78851080365e-6"}),
    # misc: Z_n([-3, -1], [2, 5]) and Z_n([1, 2], [3, inf])
    ("webb2025:eq1.8", dict(a=-3, b=-1, c=2, d=5, n=1), {"zolotarev": "5.57280900008e-2"}),
    ("webb2025:eq1.8", dict(a=-3, b=-1, c=2, d=5, n=2), {"zolotarev": "7.77612958447e-4"}),
    ("webb2025:eq1.8", dict(a=-3, b=-1, c=2, d=5, n=3), {"zolotarev": "1.08421481338e-5"}),
    ("webb2025:eq1.8", dict(a=1, b=2, c=3, d="inf", n=1), {"zolotarev": "0.171572875254"}),
    ("webb2025:eq1.8", dict(a=1, b=2, c=3, d="inf", n=2), {"zolotarev": "7.46966672950e-3"}),
    # misc: the first dn node for M = 201, n = 5 (Theorem 5.2)
    ("webb2025:thm5.2", dict(a="-inf", b="-1/2", c=0, d=100, n=5, j=1), {"dn": "0.744053486577"}),
    ("webb2025:thm5.2", dict(a="-inf", b="-1/2", c=0, d=100, n=5, j=3), {"dn": "0.0353112550269"}),
    ("webb2025:thm5.2", dict(a="-inf", b="-1/2", c=0, d=100, n=5, j=5), {"dn": "0.00167579986395"}),
]


@pytest.mark.parametrize("statement_id, values, expected", SHEET,
                         ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(SHEET)])
def test_formula_sheet_section_11(statement_id, values, expected):
    ev = quantities(statement_id, **values)
    for name, printed in expected.items():
        ball = ev[name]
        assert ball.accurate, (name, ball)
        assert contains(ball, printed), (name, ball, printed)
