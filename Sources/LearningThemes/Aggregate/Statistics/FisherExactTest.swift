import Foundation

/// Fisher's exact test for a 2x2 table `[[a, b], [c, d]]`.
///
/// `compare` puts a group's tagged and untagged paragraphs in the first row and the
/// rest of the corpus in the second. Counts are often a handful of paragraphs, where
/// chi-squared approximations mislead, so the p-value is the exact hypergeometric one.
public enum FisherExactTest {
    public enum Alternative: String, Sendable, CaseIterable {
        /// The odds ratio differs from 1 in either direction.
        case twoSided
        /// The odds ratio is above 1: `a` is larger than independence predicts.
        case greater
        /// The odds ratio is below 1: `a` is smaller than independence predicts.
        case less
    }

    /// R's `fisher.test` counts tables as "at least as extreme" when their probability
    /// is within this relative tolerance of the observed one, so that tables equal in
    /// exact arithmetic but not in floating point are all counted.
    static let relativeTolerance = 1e-7

    /// The p-value of the table under independence with its margins fixed.
    ///
    /// Two-sided is R's definition: the total probability of tables no more likely than
    /// the observed one. A table with an empty row or column has p = 1 (it cannot show
    /// anything). Counts must not be negative.
    public static func pValue(a: Int, b: Int, c: Int, d: Int, alternative: Alternative = .twoSided) -> Double {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "Fisher's exact test needs non-negative counts")
        let distribution = Hypergeometric(population: a + b + c + d, tagged: a + c, drawn: a + b)
        switch alternative {
        case .greater:
            return distribution.upperTail(from: a)
        case .less:
            return distribution.lowerTail(through: a)
        case .twoSided:
            return twoSidedPValue(observed: a, in: distribution)
        }
    }

    static func twoSidedPValue(observed: Int, in distribution: Hypergeometric) -> Double {
        let threshold = distribution.logProbability(observed) + log1p(relativeTolerance)
        // If even the most likely table is within tolerance of the observed one, every
        // table is, and the sum is all of the mass.
        if distribution.logProbability(distribution.mode) <= threshold { return 1 }

        // Probabilities rise to the mode and fall after it, so the tables no more likely
        // than the observed one are a run at each end of the support. Binary search
        // finds where each run stops without walking the (possibly million-wide) middle.
        var total = 0.0
        if distribution.logProbability(distribution.lowest) <= threshold {
            let lastInLowerRun = boundary(
                from: distribution.lowest, towards: distribution.mode,
                isInRun: { distribution.logProbability($0) <= threshold })
            total += distribution.tailSum(from: lastInLowerRun, downward: true)
        }
        if distribution.logProbability(distribution.highest) <= threshold {
            let firstInUpperRun = boundary(
                from: distribution.highest, towards: distribution.mode,
                isInRun: { distribution.logProbability($0) <= threshold })
            total += distribution.tailSum(from: firstInUpperRun, downward: false)
        }
        return min(1, total)
    }

    /// The count furthest from `end` (towards `stop`, excluded) still in the run that
    /// starts at `end`. `isInRun` must hold at `end`, fail at `stop`, and change only once.
    private static func boundary(from end: Int, towards stop: Int, isInRun: (Int) -> Bool) -> Int {
        var inside = end
        var outside = stop
        while abs(outside - inside) > 1 {
            let middle = inside + (outside - inside) / 2
            if isInRun(middle) { inside = middle } else { outside = middle }
        }
        return inside
    }
}
