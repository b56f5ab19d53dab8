/// What `compare` reports about one group and theme.
public enum RateVerdict: String, Sendable, CaseIterable {
    /// The group's rate is significantly higher than the rest of the corpus's.
    case over
    /// The group's rate is significantly lower.
    case under
    /// The data could have shown a difference in the direction seen, and did not.
    case noDifference
    /// The data could not have shown a difference, so "no difference" would mislead.
    case tooFewToTell
}

/// A comparison with its multiple-comparison adjusted p-value and verdict.
public struct AssessedRateComparison: Sendable, Hashable {
    public let comparison: RateComparison
    /// Benjamini-Hochberg adjusted over the testable comparisons of the same call;
    /// nil for a comparison judged too few to test (see `RateComparison.compareAll`).
    public let adjustedPValue: Double?
    public let verdict: RateVerdict
}

extension RateComparison {
    /// Groups with fewer paragraphs than this are `tooFewToTell` by default.
    public static let defaultMinimumGroupParagraphs = 10

    /// Adjusts the p-values of all `comparisons` together and gives each a verdict, in
    /// input order. Pass every comparison of one report in a single call: the
    /// adjustment is over the list given.
    ///
    /// The rule, in order:
    /// 1. `tooFewToTell` when the group has fewer than `minimumGroupParagraphs`
    ///    paragraphs. Such a group is usually one short document, and one paragraph
    ///    moves its rate by 10 points or more, so its rate says little about the group.
    /// 2. `tooFewToTell` when no split of the same tagged paragraphs between group and
    ///    rest could reach p < `significanceLevel` in either direction — e.g. a theme
    ///    tagged in 2 paragraphs of the whole corpus. These comparisons are also left
    ///    out of the adjustment: they can never produce a finding, and counting them
    ///    would only make the correction harsher for the rest (Tarone's argument).
    ///    Being decided by the margins alone, this exclusion does not peek at results.
    /// 3. `over` or `under` when the adjusted p-value is below `significanceLevel`.
    /// 4. `tooFewToTell` when even the most extreme split in the direction seen would
    ///    not reach p < `significanceLevel` before adjustment. This catches the common
    ///    "expected under one tagged paragraph, saw none": seeing none was the likeliest
    ///    outcome whether or not the group differs, so it says nothing.
    /// 5. `noDifference` otherwise.
    public static func compareAll(_ comparisons: [RateComparison],
                                  significanceLevel: Double = 0.05,
                                  minimumGroupParagraphs: Int = defaultMinimumGroupParagraphs)
        throws -> [AssessedRateComparison] {
        guard significanceLevel > 0 && significanceLevel < 1 else {
            throw LearningThemesError(
                .usage, "significance level must lie strictly between 0 and 1, got \(significanceLevel)")
        }
        let testable = comparisons.map {
            $0.groupTotal >= minimumGroupParagraphs
                && $0.smallestPossiblePValue(towards: .same) < significanceLevel
        }
        let testedIndices = comparisons.indices.filter { testable[$0] }
        let adjusted = MultipleComparison.benjaminiHochberg(testedIndices.map { comparisons[$0].pValue })
        var adjustedByIndex = [Int: Double]()
        for (index, value) in zip(testedIndices, adjusted) { adjustedByIndex[index] = value }

        return comparisons.indices.map { index in
            let comparison = comparisons[index]
            guard let adjustedPValue = adjustedByIndex[index] else {
                return AssessedRateComparison(comparison: comparison, adjustedPValue: nil, verdict: .tooFewToTell)
            }
            let verdict = verdict(for: comparison, adjustedPValue: adjustedPValue,
                                  significanceLevel: significanceLevel)
            return AssessedRateComparison(comparison: comparison, adjustedPValue: adjustedPValue, verdict: verdict)
        }
    }

    private static func verdict(for comparison: RateComparison, adjustedPValue: Double,
                                significanceLevel: Double) -> RateVerdict {
        switch comparison.direction {
        case .same:
            return .noDifference
        case .higher where adjustedPValue < significanceLevel:
            return .over
        case .lower where adjustedPValue < significanceLevel:
            return .under
        case .higher, .lower:
            if comparison.smallestPossiblePValue(towards: comparison.direction) >= significanceLevel {
                return .tooFewToTell
            }
            return .noDifference
        }
    }
}
