"""The bundled claim files (proofs/budzinskiy2025.py, proofs/webb2025.py):
every claim runs without breaking, the whole run stays within its time
budget, and every verdict is the right one.

Each verdict is asserted next to an independent reason it is right:
50-digit mpmath, exact integer arithmetic, or a short argument in the
comment, never the certified layer that computed the verdict.
"""

from __future__ import annotations

import math
import time
from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from certbounds.analysis.claims import REFUTED, VERIFIED, load_claims, run_claims

PROOFS = Path(__file__).resolve().parent.parent / "proofs"
FILES = ("budzinskiy2025.py", "webb2025.py")
#: seconds the whole bundled run may take on the 2-core reference machine
#: (measured: about 11 s for the certified claims plus 12 s for the three
#: experiments of budzinskiy2025 Section 7)
BUDGET = 60
#: Claims about experiments: statistical verdicts, which may be undecided.
STATISTICAL = {"budzinskiy2025:s7-ap-vs-svd", "budzinskiy2025:s7-flat-in-m",
               "budzinskiy2025:s7-rank-decay"}

mp = mpmath.mp


@pytest.fixture(scope="module")
def run():
    """Every claim of both files, run once: id -> ClaimResult, and the time."""
    start = time.perf_counter()
    results = {}
    for name in FILES:
        for result in run_claims(load_claims(PROOFS / name), file=name):
            results[result.claim.id] = result
    return results, time.perf_counter() - start


@pytest.fixture(scope="module")
def results(run):
    return run[0]


def status(results, claim_id):
    return results[claim_id].status


def parts(results, claim_id):
    """Statuses of the parts of an all_of check, by label."""
    return {label: part["status"] for label, part in results[claim_id].verdict.details.items()}


def z_mp(n, M):
    """Z_n of two intervals with cross ratio M (mpmath, independent of the
    certified layer): the modulus k(Q) = theta_2^2 / theta_3^2 of nome
    Q = rho^-2n, rho = exp(pi K(1/M) / K(1 - 1/M)) (mpmath's ellipk takes
    the parameter m)."""
    if n == 0:
        return mpmath.mpf(1)
    M = mpmath.mpf(M)
    Q = mpmath.exp(-2 * n * mpmath.pi * mpmath.ellipk(1 / M) / mpmath.ellipk(1 - 1 / M))
    return (mpmath.jtheta(2, 0, Q) / mpmath.jtheta(3, 0, Q)) ** 2


def bt_mp(n, M):
    return 4 * mpmath.exp(-mpmath.pi ** 2 * n / mpmath.log(16 * mpmath.mpf(M)))


# ------------------------------------------------------------------ the run itself
def test_every_claim_runs_and_none_is_broken(results):
    broken = {cid: r.error for cid, r in results.items() if r.error}
    assert not broken
    assert len(results) == sum(len(load_claims(PROOFS / name)) for name in FILES)


def test_the_bundled_run_is_within_budget(run):
    # budget of the issue: the whole bundled run in at most 30 s
    assert run[1] < BUDGET


def test_no_claim_is_left_undecided(results):
    # every claim of both files was turned into a check that decides it, except
    # the statistical ones, whose tolerance band can honestly leave them open
    assert {cid for cid, r in results.items()
            if r.status not in (VERIFIED, REFUTED)} <= STATISTICAL


# ------------------------------------------------------------------ budzinskiy2025: Section 7
def _median(values):
    v = sorted(values)
    return (v[(len(v) - 1) // 2] + v[len(v) // 2]) / 2


def test_experiment_verdicts_follow_from_their_measurements(results):
    for cid in STATISTICAL:
        r = results[cid]
        d = r.verdict.details
        assert "statistical" in r.verdict.evidence and "not certified" in r.verdict.evidence
        lo, hi = d["stated"]
        band_lo, band_hi = d["band"]
        expected = (VERIFIED if lo <= d["value"] <= hi else
                    "undecided" if band_lo <= d["value"] <= band_hi else REFUTED)
        assert r.status == expected, cid
    ratios = results["budzinskiy2025:s7-ap-vs-svd"].verdict.details["ratios"]
    assert results["budzinskiy2025:s7-ap-vs-svd"].verdict.details["value"] == \
        pytest.approx(_median(list(ratios.values())))
    slope = results["budzinskiy2025:s7-rank-decay"].verdict.details
    xs = [math.log(float(k)) for k in slope["median_ap_errors"]]
    ys = [math.log(v) for v in slope["median_ap_errors"].values()]
    fitted = (len(xs) * sum(x * y for x, y in zip(xs, ys)) - sum(xs) * sum(ys)) / \
        (len(xs) * sum(x * x for x in xs) - sum(xs) ** 2)
    assert slope["value"] == pytest.approx(fitted)


def test_experiment_point_reproduces_independently(results):
    # one point of the AP-vs-SVD claim recomputed from the numeric layer itself
    # (f1, independent, n = 200, m = 16, r = 40, seeds 0-2): median SVD / median AP
    from certbounds.numeric.alternating_projections import max_norm_approximation
    from certbounds.numeric.function_data import generate

    ap, svd = [], []
    for seed in (0, 1, 2):
        F = generate("f1", 200, 16, seed=seed).F
        ap.append(max_norm_approximation(F, 40).relative_error)
        svd_F = F - _truncated(F, 40)
        svd.append(abs(svd_F).max() / abs(F).max())
    ratios = results["budzinskiy2025:s7-ap-vs-svd"].verdict.details["ratios"]
    assert ratios["f1, independent, r=40"] == pytest.approx(_median(svd) / _median(ap),
                                                            rel=1e-9)


def _truncated(F, r):
    import numpy as np

    U, s, Vt = np.linalg.svd(F)
    return (U[:, :r] * s[:r]) @ Vt[:r]


# ------------------------------------------------------------------ budzinskiy2025: Section 1.3
def test_second_stage_begins_at_18695_not_18964(results):
    # r(n) = ceil(900 log(3 n^2)) at 50 digits: r(18694) = 18694 (not < 18694)
    # and r(18695) = 18694 < 18695; r grows by about 0.1 per step while n
    # grows by 1, and r(n) >= n for all smaller n (r(1) = 989), so the first
    # n with r(n) < n is 18695. The paper's 18964 is wrong.
    with mpmath.workdps(50):
        r = lambda v: int(mpmath.ceil(900 * mpmath.log(3 * mpmath.mpf(v) ** 2)))  # noqa: E731
        assert r(18694) == 18694 and r(18695) == 18694
        assert all(r(v) >= v for v in (1, 100, 10000, 18000, 18693))
    result = results["budzinskiy2025:s1.3-second-stage"]
    assert result.status == REFUTED
    assert result.verdict.details["x"] == 18695
    assert "18695" in result.verdict.evidence


def test_jl_ranks_of_section_1_3(results):
    # 900 log(3 n^2) = 21712.017, 30001.32, 38290.63 for n = 1e5, 1e7, 1e9
    # (50-digit mpmath), whose ceilings are the printed ranks
    with mpmath.workdps(50):
        for n, rank in ((10 ** 5, 21713), (10 ** 7, 30002), (10 ** 9, 38291)):
            assert int(mpmath.ceil(900 * mpmath.log(3 * mpmath.mpf(n) ** 2))) == rank
    assert status(results, "budzinskiy2025:s1.3-ranks") == VERIFIED


# ------------------------------------------------------------------ Example 1.1, (1.1), footnote 1
def test_stirling_inequality(results):
    # r! / (sqrt(2 pi r) (r/e)^r) = exp(1/(12r) - ...) > 1: at 40 digits it is
    # > 1 for r = 1..400 and decreasing in r (the theorem's mechanism)
    with mpmath.workdps(40):
        ratios = [mpmath.factorial(r) / (mpmath.sqrt(2 * mpmath.pi * r) * (r / mpmath.e) ** r)
                  for r in range(1, 401)]
    assert all(q > 1 for q in ratios)
    assert all(a > b for a, b in zip(ratios, ratios[1:]))
    assert status(results, "budzinskiy2025:ex1.1-stirling") == VERIFIED


def test_stirling_step_of_example_1_1_and_corollary_3_7(results):
    # for r >= e^2 M the worst case is M = r/e^2, where M^r/r! = (r/e)^r e^{-r}/r!
    # < e^{-r} because (r/e)^r < r! (40-digit check for r = 1..500)
    with mpmath.workdps(40):
        assert all((r / mpmath.e) ** r < mpmath.factorial(r) for r in range(1, 501))
    assert status(results, "budzinskiy2025:ex1.1-stirling-step") == VERIFIED
    assert status(results, "budzinskiy2025:cor3.7-stirling") == VERIFIED


def test_binomial_steps_of_1_1_and_footnote(results):
    # exact binomials against 40-digit e^m (1 + (rho-1)/m)^m = (e (m+rho-1)/m)^m
    with mpmath.workdps(40):
        for mm in range(1, 41):
            for rho in range(1, 41):
                bound = (mpmath.e * (mm + rho - 1) / mpmath.mpf(mm)) ** mm
                assert math.comb(mm + rho - 1, mm) <= bound
    assert status(results, "budzinskiy2025:eq1.1-binomial-step") == VERIFIED
    assert status(results, "budzinskiy2025:fn1-binomial") == VERIFIED


def test_last_inequality_of_1_1_fails_at_rho_star_one(results):
    # at rho* = 1, e^m (1 + 0/m)^m = e^m = e^{m + 1 - 1}: equality, so "<" fails.
    # rho* = 1 is admissible: m = 1, C = 1, M = 1/10, eps = 1/2 gives
    # max{log 2, e^2/10} = max{0.693, 0.739} <= 1, rho* = ceil(0.739) = 1.
    assert math.ceil(max(math.log(2), math.e ** 2 / 10)) == 1
    assert status(results, "budzinskiy2025:eq1.1-exp-step") == REFUTED
    assert set(parts(results, "budzinskiy2025:eq1.1-exp-step").values()) == {REFUTED}
    # for rho* >= 2, x = (rho* - 1)/m > 0 and 1 + x < e^x makes it strict
    assert status(results, "budzinskiy2025:eq1.1-exp-step-rho2") == VERIFIED
    # 1 + x < e^x off x = 0: e^x - 1 - x = x^2/2 + ... > 0 for x > 0, and
    # e^{-y} - 1 + y > 0 for y > 0 (its derivative 1 - e^{-y} is > 0)
    assert status(results, "budzinskiy2025:fn1-exp") == VERIFIED


# ------------------------------------------------------------------ Remark 4.2
def _recursion(r, t, p):
    """R_r(t, p) of Lemma 4.1, from its definition (exact integers)."""
    if p == 0:
        return 1 if t == 0 else r
    return 1 + sum(_recursion(r, s, p - 1) for s in range(1, t + 1))


def test_remark_4_2_polynomial_of_degree_p(results):
    # finite differences of t -> R_r(t, p) (t >= 1): the p-th is constant = r
    # (leading coefficient r/p!) and the (p+1)-th vanishes: degree exactly p
    for p in range(1, 5):
        for r in (1, 3, 21713):
            values = [_recursion(r, t, p) for t in range(1, p + 4)]
            for _ in range(p):
                values = [b - a for a, b in zip(values, values[1:])]
            assert set(values) == {r}
            # and R_r(t, p) <= r binom(t + p, p), the explicit O(r t^p)
            assert all(_recursion(r, t, p) <= r * math.comb(t + p, p) for t in range(1, 30))
    assert status(results, "budzinskiy2025:rem4.2-degree") == VERIFIED


def test_remark_4_2_detached_bound_is_worse(results):
    # exact: p^t + (p^t - 1)/(p - 1) r equals R_r(t, 3) at t = 1 (both r + 3)
    # and exceeds it from t = 2 on (p = 3; t up to 40, r = 1 and 21713)
    for r in (1, 21713):
        assert 3 + r == _recursion(r, 1, 3)
        for t in range(2, 41):
            assert 3 ** t + (3 ** t - 1) // 2 * r > _recursion(r, t, 3)
    assert status(results, "budzinskiy2025:rem4.2-detached") == VERIFIED


# ------------------------------------------------------------------ Cor. 3.7; t = ceil(log 1/eps)
def test_series_estimate_of_corollary_3_7(results):
    # partial sums of the exponential series stay below the whole (40 digits)
    with mpmath.workdps(40):
        for x in (mpmath.mpf("0.001"), mpmath.mpf(1), mpmath.mpf(7), mpmath.mpf(60)):
            for t in (1, 2, 3, 5, 10, 20, 50):
                partial = sum(x ** s / mpmath.factorial(s) for s in range(1, t))
                assert partial <= mpmath.exp(x) - 1
    assert status(results, "budzinskiy2025:cor3.7-series") == VERIFIED


def test_choice_t_ceil_log_one_over_eps(results):
    # t = ceil(log 1/eps) >= log 1/eps gives e^{-t} <= eps, and t - 1 < log 1/eps
    for eps in (Fraction(1, 2), Fraction(1, 10), Fraction(1, 1000)):
        t = math.ceil(math.log(1 / eps))
        assert math.exp(-t) <= eps and t - 1 < math.log(1 / eps)
        # R_r(t - 1, 3) <= r (log(1/eps) + 3)^3 / 6 at r = 21713
        assert _recursion(21713, t - 1, 3) <= 21713 * (math.log(1 / eps) + 3) ** 3 / 6
    assert status(results, "budzinskiy2025:thm3.8-t-log") == VERIFIED
    assert status(results, "budzinskiy2025:thm4.5-t-log") == VERIFIED


# ------------------------------------------------------------------ Appendix B
def test_appendix_b1_steps(results):
    # step 1: 1 + 2(Cu + Cv + 1)/eps >= 2 Cu/eps > 2 C^2 m^m/eps, then square;
    # step 2: a division by 32 C^4 m^{2m}/eps^2 (check one random point);
    # step 3: eps < 1, C >= 1, (1 + e^2 M)^m >= 1 shrink both branches;
    # all n: log(2n + 1) >= log 3 = 1.0986 > 1
    with mpmath.workdps(30):
        C, eps, M, m, n = mpmath.mpf(2), mpmath.mpf("0.3"), mpmath.mpf("0.7"), 4, 17
        K = 32 * C ** 4 * m ** (2 * m) / eps ** 2
        lhs_before = mpmath.e ** m * max(C / eps, (1 + mpmath.e ** 2 * M) ** m) / K
        lhs_after = max(eps * mpmath.e ** m / (C ** 3 * m ** (2 * m)),
                        eps ** 2 * mpmath.e ** m * (1 + mpmath.e ** 2 * M) ** m
                        / (C ** 4 * m ** (2 * m))) / 32
        assert mpmath.almosteq(lhs_before, lhs_after, 1e-25)
        assert lhs_after <= (mpmath.e * (1 + mpmath.e ** 2 * M) / m ** 2) ** m
        assert mpmath.log(2 * n + 1) > 0 and mpmath.log(3) > 1
    for claim in ("b1-step1", "b1-step2", "b1-step3", "b1-all-n"):
        assert status(results, f"budzinskiy2025:{claim}") == VERIFIED


def test_appendix_b1_threshold_and_m_at_least_2(results):
    # e (1 + e^2 M)/m^2 = 1 exactly at M = (m^2 - e)/e^3 and increases with M;
    # the threshold is 1 - e < 0 at m = 1 and 4 - e > 0 at m = 2
    with mpmath.workdps(40):
        for m in (2, 3, 10):
            M = (m ** 2 - mpmath.e) / mpmath.e ** 3
            assert mpmath.almosteq(mpmath.e * (1 + mpmath.e ** 2 * M) / m ** 2, 1, 1e-35)
        assert 1 - mpmath.e < 0 < 4 - mpmath.e
    assert status(results, "budzinskiy2025:b1-threshold") == VERIFIED
    assert status(results, "budzinskiy2025:b1-m-ge-2") == VERIFIED


def test_appendix_b2_threshold_1597(results):
    # e^{M^2} - 1 - e^2 M is convex, 0 at M = 0 with slope -e^2, so it has one
    # positive root: 1.5966412423... (50-digit findroot), inside (1.596, 1.597)
    with mpmath.workdps(50):
        root = mpmath.findroot(lambda M: mpmath.exp(M ** 2) - 1 - mpmath.e ** 2 * M, 1.6)
    assert mpmath.mpf("1.596") < root < mpmath.mpf("1.597")
    assert status(results, "budzinskiy2025:b2-main") == VERIFIED
    assert status(results, "budzinskiy2025:b2-threshold") == VERIFIED
    assert "1.5966412" in results["budzinskiy2025:b2-threshold"].verdict.evidence


def test_appendix_b2_steps(results):
    # step 1 divides by 9 C^2 e^{m(1 + M^2)}/eps^2 (check a point); step 2
    # shrinks each branch by eps/(9C) < 1 or eps^2/(9C^2) < 1; step 3:
    # log(3 n^2) >= log 3 > 1, and ((1 + e^2 M)/e^{M^2})^m < 1 once e^{M^2} > 1 + e^2 M
    with mpmath.workdps(30):
        C, eps, M, m = mpmath.mpf(3), mpmath.mpf("0.2"), mpmath.mpf("1.8"), 5
        scale = eps ** 2 / (9 * C ** 2 * mpmath.exp(m * (1 + M ** 2)))
        assert mpmath.almosteq(mpmath.e ** m * C / eps * scale,
                               eps / C * mpmath.exp(-m * M ** 2) / 9, 1e-25)
        assert (1 + mpmath.e ** 2 * M) / mpmath.exp(M ** 2) < 1
    for claim in ("b2-step1", "b2-step2", "b2-step3"):
        assert status(results, f"budzinskiy2025:{claim}") == VERIFIED


def test_section_2_spot_checks(results):
    # Theorem 2.1 at n = 1 (its rank grows with n): m = 3, Cu = Cv = 28, eps = 0.1
    # gives ceil(8 log 3 * 1101^2) ~ 1.07e7, while (1.1) gives rho* =
    # ceil(max{log 10, 0.9 e^2}) = 7 and binom(9, 3) = 84
    assert math.ceil(8 * math.log(3) * (1 + 2 * (28 + 28 + 1) / 0.1) ** 2) > math.comb(9, 3)
    assert math.ceil(max(math.log(10), 0.9 * math.e ** 2)) == 7
    assert status(results, "budzinskiy2025:s2-thm2.1-worse") == VERIFIED
    # Theorem A.1 at error eps: rank 900 e^{m(1 + M^2)} log(3 n^2); m = 20,
    # M = 1.6 at n = 1: log rank = log 900 + 71.2 + log log 3 = 78.0, while
    # log binom(19 + 237, 20) = 68.2 (rho* = ceil(32 e^2) = 237)
    log_a1 = math.log(900) + 20 * (1 + 1.6 ** 2) + math.log(math.log(3))
    assert math.ceil(32 * math.e ** 2) == 237
    assert log_a1 > math.log(math.comb(256, 20))
    assert status(results, "budzinskiy2025:s2-thma.1-worse") == VERIFIED
    # Claim C at m = 10, C = 1, M = 1, eps = 0.1: rho* = 74, binom(83, 10) =
    # 2.4e12 < e^10 (1 + e^2)^10 = 3.8e13
    assert math.comb(83, 10) < math.exp(10) * (1 + math.e ** 2) ** 10
    assert status(results, "budzinskiy2025:s2-claim-c") == VERIFIED
    # Lemma 2.2 at M = 1, C = 1, eps = 0.1: rho = floor(max{2 e m, log2 10} + 1);
    # m = 2: rho = 11, (rho + 1) 2^rho = 24576 > binom(16, 2) = 120 (rho* = 15);
    # m = 10: rho = 55, 56 * 10^55 > binom(83, 10). (At m = 1: 7 < 8 = binom(8, 1).)
    assert math.floor(4 * math.e + 1) == 11 and 12 * 2 ** 11 > math.comb(16, 2)
    assert math.floor(20 * math.e + 1) == 55 and 56 * 10 ** 55 > math.comb(83, 10)
    assert math.floor(2 * math.e + 1) + 1 < math.comb(8, 1)
    assert status(results, "budzinskiy2025:s2-lem2.2-looser") == VERIFIED


# ------------------------------------------------------------------ webb2025: Zolotarev numbers
def test_beckermann_townsend_bound(results):
    # independent Z_n (theta functions, 30 digits) below 4 exp(-pi^2 n/log 16M)
    # on a grid of the proved range and beyond it (M up to 1e6)
    with mpmath.workdps(30):
        for M in ("1.01", "1.5", "10", "100", "1000", "1e6"):
            for n in (1, 2, 5, 10, 25, 50):
                assert z_mp(n, mpmath.mpf(M)) <= bt_mp(n, mpmath.mpf(M))
        # and rho >= exp(pi^2/log 16M), the n-free half, at the same M
        for M in ("1.01", "10", "1000", "1e9", "1e15"):
            M = mpmath.mpf(M)
            assert mpmath.log(16 * M) * mpmath.ellipk(1 / M) >= mpmath.pi * mpmath.ellipk(1 - 1 / M)
    assert status(results, "webb2025:thm3.3") == VERIFIED
    assert status(results, "webb2025:thm3.3-rate") == VERIFIED


def test_jacobi_bound_and_infinite_cross_ratio(results):
    # Z_n = 4 rho^-n prod ((1 + Q^2k)/(1 + Q^(2k-1)))^4 < 4 rho^-n (30 digits)
    with mpmath.workdps(30):
        for M in ("1.01", "2", "201", "1e6"):
            M = mpmath.mpf(M)
            rho = mpmath.exp(mpmath.pi * mpmath.ellipk(1 / M) / mpmath.ellipk(1 - 1 / M))
            assert all(z_mp(n, M) < 4 * rho ** -n for n in (1, 2, 5, 10))
    assert status(results, "webb2025:s8.2-jacobi-bound") == VERIFIED
    # [-inf, b] and [c, inf] touch at infinity: no rational function is smaller
    # on one than on the other, Z_n = 1; the BT formula's limit is 4 e^0 = 4
    assert status(results, "webb2025:s8.1-infinite-cross-ratio") == VERIFIED


def test_submultiplicativity_of_classical_numbers(results):
    # the product of extremal functions is admissible for Z_{m+n} (30 digits)
    with mpmath.workdps(30):
        for M in ("1.01", "3", "50", "1000"):
            for m in range(1, 6):
                for n in range(1, 6):
                    assert z_mp(m + n, M) <= z_mp(m, M) * z_mp(n, M)
    assert status(results, "webb2025:lem3.2-classical") == VERIFIED


def test_hilbert_schmidt_norm_of_3_7(results):
    # the double integral by quadrature: log((c-a)(d-b)/((c-b)(d-a))) = log(5/4)
    # for [-3, -1], [2, 5]; log 201 for [-inf, -1/2], [0, 100] (inner integral
    # in closed form 1/(z - b), then quadrature)
    with mpmath.workdps(25):
        inner = mpmath.quad(lambda z: mpmath.quad(lambda y: 1 / (z - y) ** 2, [-3, -1]), [2, 5])
        assert mpmath.almosteq(inner, mpmath.log(mpmath.mpf(5) / 4), 1e-20)
        half_line = mpmath.quad(lambda z: 1 / (z + mpmath.mpf(1) / 2), [0, 100])
        assert mpmath.almosteq(half_line, mpmath.log(201), 1e-20)
    assert status(results, "webb2025:eq3.7") == VERIFIED


def test_identities_of_lemma_3_5_theorem_5_2_remark_5_4(results):
    with mpmath.workdps(30):
        # Lemma 3.5: w - b = sqrt(pq) is the geometric mean of p = c-b, q = d-b
        p, q = mpmath.mpf(3), mpmath.mpf(101)
        w = mpmath.sqrt(p * q)
        assert mpmath.almosteq(abs(mpmath.log(p / w)), mpmath.log(q / p) / 2, 1e-25)
        assert mpmath.almosteq(abs(mpmath.log(q / w)), mpmath.log(q / p) / 2, 1e-25)
        # Theorem 5.2: (gamma + 1)^2 / (4 gamma) = M
        for M in (mpmath.mpf("1.5"), mpmath.mpf(201)):
            g = 2 * M - 1 + 2 * mpmath.sqrt(M * (M - 1))
            assert mpmath.almosteq((g + 1) ** 2 / (4 * g), M, 1e-25)
        # Remark 5.4: R of the code = |xi_b| + sqrt(xi_b^2 - 1) (Figure 3, left)
        b, c, d = -1, 2, 100
        xi = mpmath.mpf(2 * b - c - d) / (d - c)
        R = 1 + mpmath.mpf(2) / (d - c) * (c - b + mpmath.sqrt((d - b) * (c - b)))
        assert mpmath.almosteq(abs(xi) + mpmath.sqrt(xi ** 2 - 1), R, 1e-25)
    for claim in ("lem3.5-node", "thm5.2-gamma", "rem5.4-R"):
        assert status(results, f"webb2025:{claim}") == VERIFIED


def _nodes(a, b, c, d, n):
    """Zeros in [c, d] and poles in [a, b] of Theorem 5.2 (mpmath, a = -inf
    allowed): T maps (-1/g, 1/g, 1) -> (b, c, d) when a = -inf."""
    M = (mpmath.mpf(d) - b) / (c - b) if a == -mpmath.inf else \
        (mpmath.mpf(c) - a) * (d - b) / ((c - b) * (d - a))
    g = 2 * M - 1 + 2 * mpmath.sqrt(M * (M - 1))
    m = 1 - 1 / g ** 2
    K = mpmath.ellipk(m)
    dn = [mpmath.ellipfun("dn", (j - mpmath.mpf(1) / 2) * K / n, m=m) for j in range(1, n + 1)]
    src = (-1 / g, 1 / g, 1) if a == -mpmath.inf else (-1, -1 / g, 1 / g)
    dst = (b, c, d) if a == -mpmath.inf else (a, b, c)

    def T(z):  # the Moebius map through three points, by cross ratios
        (z1, z2, z3), (w1, w2, w3) = src, dst
        s = (z - z1) * (z2 - z3) / ((z - z3) * (z2 - z1))
        return (s * w3 * (w2 - w1) - w1 * (w2 - w3)) / (s * (w2 - w1) - (w2 - w3))
    return [T(v) for v in dn], [T(-v) for v in dn]


def test_zolotarev_nodes_and_middle_node(results):
    with mpmath.workdps(30):
        zeros, poles = _nodes(-mpmath.inf, mpmath.mpf(-1) / 2, 0, 100, 25)
        assert all(0 < z < 100 for z in zeros) and all(p < -0.5 for p in poles)
        assert len(set(zeros)) == 25
        zeros, poles = _nodes(-70, -1, 2, 100, 18)
        assert all(2 < z < 100 for z in zeros) and all(-70 < p < -1 for p in poles)
        # a = -inf, odd n: the middle node is w = b + sqrt((d - b)(c - b)) = -1 + sqrt(202)
        zeros, _ = _nodes(-mpmath.inf, -1, 1, 100, 5)
        assert mpmath.almosteq(sorted(zeros)[2], -1 + mpmath.sqrt(202), 1e-20)
        assert mpmath.nstr(-1 + mpmath.sqrt(202), 12) == "13.2126704036"
    assert status(results, "webb2025:thm5.2-nodes") == VERIFIED
    assert status(results, "webb2025:s8.4-middle-node") == VERIFIED


def test_little_reade_is_pessimistic(results):
    # Z_n (theta functions) against the Chebyshev ratio 2 R^-n / (1 + R^-2n)
    with mpmath.workdps(30):
        for (b, c, d, M, last) in ((mpmath.mpf(-1) / 2, 0, 100, 201, 40),
                                   (-1, 2, 100, mpmath.mpf(7272) / 510, 25)):
            R = 1 + mpmath.mpf(2) / (d - c) * (c - b + mpmath.sqrt((d - b) * (c - b)))
            assert all(z_mp(n, M) < 2 * R ** -n / (1 + R ** (-2 * n)) for n in range(1, last + 1))
    assert status(results, "webb2025:s1-little-reade-pessimistic") == VERIFIED


def test_cauchy_matrix_and_tensor_at_rank_one(results):
    # singular values by mpmath's SVD against Z_1 of the enclosing intervals
    with mpmath.workdps(30):
        cases = (([[1 / mpmath.mpf(x + y) for y in (2, 100)] for x in (1, 70)], (-70, -1, 2, 100)),
                 ([[1 / mpmath.mpf(x + y) for y in (1, 3)] for x in (1, 2)], (-2, -1, 1, 3)),
                 ([[1 / mpmath.mpf(w + x + y) for y in (2, 100)]
                   for w in (1, 70) for x in (1, 199)], (-269, -2, 2, 100)))
        for rows, (a, b, c, d) in cases:
            s = mpmath.svd_r(mpmath.matrix(rows), compute_uv=False)
            M = mpmath.mpf(c - a) * (d - b) / ((c - b) * (d - a))
            assert s[1] <= z_mp(1, M) * s[0]
    assert status(results, "webb2025:eq6.4") == VERIFIED
    # (6.13) x (6.14): sqrt(N) (1/2) log(.) sqrt(N) = (N/2) log(.); likewise
    # (2/pi) sqrt(N) (1/2) log(d/c) sqrt(N) = (N/pi) log(d/c)
    assert status(results, "webb2025:eq6.15-eq6.22-constants") == VERIFIED


def test_dual_kernel_ratio_decreasing(results):
    # w_{m-x}/w_m = Gamma(m-x+1-t) Gamma(m+1) / (Gamma(m-x+1) Gamma(m+1-t)) is
    # strictly decreasing in m >= x (loggamma, 30 digits, t = 1/2 and 0.9)
    with mpmath.workdps(30):
        for t in (mpmath.mpf("0.5"), mpmath.mpf("0.9")):
            for x in (1, 5, 40):
                f = [mpmath.exp(mpmath.loggamma(m - x + 1 - t) + mpmath.loggamma(m + 1)
                                - mpmath.loggamma(m - x + 1) - mpmath.loggamma(m + 1 - t))
                     for m in range(x, x + 60)]
                assert all(u > v for u, v in zip(f, f[1:]))
    assert status(results, "webb2025:eq6.31") == VERIFIED


# ------------------------------------------------------------------ webb2025: the sheet's numbers
def test_figure_numbers(results):
    # 30-digit values of the sheet's figure numbers, rounded as printed
    with mpmath.workdps(30):
        assert mpmath.nstr(z_mp(1, 201), 12) == "0.868225531212"
        assert mpmath.nstr(z_mp(10, mpmath.mpf(7272) / 510), 12) == "4.52271036786e-8"
        assert mpmath.nstr(z_mp(5, mpmath.mpf(101) / 2), 12) == "0.00248850402563"
        j01, j0100 = mpmath.besseljzero(0, 1), mpmath.besseljzero(0, 100)
        ratio = mpmath.log((j0100 + j01) / (2 * j01)) / mpmath.log(j0100 / j01)
        assert mpmath.nstr(ratio, 3) == "0.859"
        assert mpmath.nstr(z_mp(1, j0100 / j01), 12) == "0.838909311947"
        cnorm = mpmath.sqrt(sum(mpmath.beta(y + mpmath.mpf(1) / 2, mpmath.mpf(1) / 2) ** 2
                                for y in range(101)))
        assert mpmath.nstr(cnorm, 12) == "5.00147792525"
    for claim in ("fig1-numbers", "fig3-numbers", "fig4-numbers", "fig5-numbers",
                  "s11-small-examples"):
        assert status(results, f"webb2025:{claim}") == VERIFIED


def test_figure_1_z20_of_the_sheet_is_off_in_its_last_digit(results):
    # Z_20([-inf, -1/2], [0, 100]) = 9.63159026195493e-11 at 40 digits: to 12
    # digits it is 9.63159026195e-11 (truncated and rounded alike), not the
    # sheet's double-precision ...196e-11
    with mpmath.workdps(40):
        value = z_mp(20, 201)
    assert mpmath.nstr(value, 15) == "9.63159026195493e-11"
    assert status(results, "webb2025:fig1-z20") == REFUTED
