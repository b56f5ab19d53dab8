#!/usr/bin/env python3
"""Reference values for Tests/LearningThemesTests/StatisticsTests.swift.

The Swift statistics are checked against numbers from independent implementations
(scipy, statsmodels), not against themselves. Run this and paste what it prints
into the tests when a case is added:

    python3 -m venv /tmp/statsvenv
    /tmp/statsvenv/bin/pip install scipy statsmodels
    /tmp/statsvenv/bin/python scripts/reference-statistics.py

For small tables the two-sided Fisher p is also recomputed with exact fractions from
R's definition, to catch any case where scipy's tie tolerance (1e-14) and R's (1e-7)
would disagree; such a case would make a poor test.
"""
from fractions import Fraction
from math import comb

import scipy
import statsmodels
from scipy.stats import fisher_exact, norm
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

FISHER_TABLES = [
    # textbook
    (3, 1, 1, 3),        # Fisher's tea tasting
    (1, 9, 11, 3),
    (2, 7, 8, 2),
    (10, 2, 3, 15),
    (6, 2, 1, 4),
    (2, 3, 3, 2),        # symmetric: ties in probability
    (7, 3, 3, 7),
    # zeros
    (0, 5, 5, 0),
    (5, 0, 0, 5),
    (0, 10, 0, 20),
    (0, 0, 3, 4),
    (0, 12, 7, 40),
    (0, 0, 0, 0),
    # very unbalanced
    (1, 999, 0, 100000),
    (0, 50, 100, 100000),
    (20, 5, 1000, 1000000),
    (3, 0, 10, 9990),
    (0, 30, 2, 5),
    # large
    (600, 499400, 500, 499500),
    (520, 499480, 480, 499520),
    (12, 999988, 2500, 8997500),
    (2500500, 2499500, 2500000, 2500000),
]

WILSON_CASES = [(0, 10), (10, 10), (0, 1), (1, 1), (5, 20), (3, 7), (1, 3), (17, 250), (500, 1000000)]
CONFIDENCES = [0.90, 0.95, 0.99]

NORMAL_PROBABILITIES = [1e-300, 1e-10, 0.001, 0.02, 0.025, 0.05, 0.3, 0.5, 0.7, 0.975, 0.98, 0.999, 1 - 1e-10]

ADJUSTMENT_VECTORS = [
    [0.01, 0.04, 0.03, 0.005, 0.04, 0.5, 0.2],
    [0.04, 0.04, 0.04, 0.04],
    [0.9, 0.02, 0.6, 0.001, 0.3, 0.001],
    [0.03],
    [0.8, 0.7, 0.95],
]

# (groupHits, groupTotal, restHits, restTotal) for the compareAll test.
COMPARISONS = [
    (40, 200, 300, 9800),   # clearly over
    (2, 400, 338, 9600),    # clearly under
    (8, 300, 332, 9700),    # close to expected
    (0, 5, 40, 9995),       # group below the 10-paragraph floor
    (0, 50, 2, 9950),       # could only ever be significant upwards; saw fewer
    (1, 1000, 0, 9000),     # one tagged paragraph in the corpus: never significant
]


def exact_two_sided(a, b, c, d):
    """R's fisher.test two-sided p from exact hypergeometric probabilities."""
    rows, col, total = a + b, a + c, a + b + c + d
    low, high = max(0, rows - (total - col)), min(rows, col)
    prob = {x: Fraction(comb(col, x) * comb(total - col, rows - x), comb(total, rows)) for x in range(low, high + 1)}
    observed = prob[a]
    return float(sum(p for p in prob.values() if p <= observed * Fraction(1 + 10**-7)))


def two_sided(a, b, c, d):
    return float(fisher_exact([[a, b], [c, d]], alternative="two-sided").pvalue)


def smallest_possible(a, b, c, d, towards):
    """Two-sided p of the most extreme table with the same margins, as RateComparison does."""
    group, tagged, total = a + b, a + c, a + b + c + d
    x = min(group, tagged) if towards == "higher" else max(0, group - (total - tagged))
    return two_sided(x, group - x, tagged - x, total - group - (tagged - x))


def main():
    print(f"# scipy {scipy.__version__}, statsmodels {statsmodels.__version__}")
    print("# Fisher: (a, b, c, d, twoSided, greater, less)")
    for a, b, c, d in FISHER_TABLES:
        values = [float(fisher_exact([[a, b], [c, d]], alternative=alt).pvalue) for alt in ("two-sided", "greater", "less")]
        if a + b + c + d <= 2000:
            assert abs(exact_two_sided(a, b, c, d) - values[0]) <= 1e-12 * max(values[0], 1e-300), (a, b, c, d)
        print(f"({a}, {b}, {c}, {d}, {values[0]!r}, {values[1]!r}, {values[2]!r}),")

    print("# Wilson: (successes, trials, confidence, lower, upper)")
    for confidence in CONFIDENCES:
        for successes, trials in WILSON_CASES:
            lower, upper = proportion_confint(successes, trials, alpha=1 - confidence, method="wilson")
            print(f"({successes}, {trials}, {confidence}, {float(lower)!r}, {float(upper)!r}),")

    print("# Normal quantile: (p, z)")
    for p in NORMAL_PROBABILITIES:
        print(f"({p!r}, {float(norm.ppf(p))!r}),")

    print("# Adjustments: (input, BH, Holm)")
    for vector in ADJUSTMENT_VECTORS:
        bh = multipletests(vector, method="fdr_bh")[1].tolist()
        holm = multipletests(vector, method="holm")[1].tolist()
        print(f"({vector!r}, {bh!r}, {holm!r}),")

    print("# Comparisons: (groupHits, groupTotal, restHits, restTotal, p, smallestHigher, smallestLower)")
    pvalues = []
    for a, n1, c, n2 in COMPARISONS:
        table = (a, n1 - a, c, n2 - c)
        p = two_sided(*table)
        pvalues.append(p)
        print(f"({a}, {n1}, {c}, {n2}, {p!r}, {smallest_possible(*table, 'higher')!r}, "
              f"{smallest_possible(*table, 'lower')!r}),")
    testable = [0, 1, 2, 4]  # the floor excludes 3; 5 can never reach p < 0.05
    bh = multipletests([pvalues[i] for i in testable], method="fdr_bh")[1].tolist()
    print(f"# BH over comparisons {testable}: {bh!r}")


if __name__ == "__main__":
    main()
