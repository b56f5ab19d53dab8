/// One group's rate for one theme (paragraphs tagged / paragraphs in the group) set
/// against the same rate in the rest of the corpus.
public struct RateComparison: Sendable, Hashable {
    public enum Direction: String, Sendable {
        case higher
        case lower
        /// Equal rates, or no rate to compare because one side has no paragraphs.
        case same
    }

    public let groupHits: Int
    public let groupTotal: Int
    public let restHits: Int
    public let restTotal: Int
    /// nil when the group has no paragraphs.
    public let groupRate: Double?
    /// nil when the rest of the corpus has no paragraphs.
    public let restRate: Double?
    /// Wilson interval of the group rate; check `hasData` before showing it.
    public let groupInterval: WilsonInterval
    /// Group rate / rest rate. +infinity when only the group has any tagged paragraphs;
    /// nil when either rate is missing or both are 0, where no ratio means anything.
    public let rateRatio: Double?
    /// Two-sided Fisher exact p-value for the group-versus-rest table.
    public let pValue: Double
    public let direction: Direction

    /// Tagged paragraphs the group would have if it matched the whole corpus's rate.
    public var expectedGroupHits: Double {
        let corpusTotal = groupTotal + restTotal
        guard corpusTotal > 0 else { return 0 }
        return Double(groupTotal) * Double(groupHits + restHits) / Double(corpusTotal)
    }

    /// Throws when a count is negative or hits exceed their total, or when `confidence`
    /// is not strictly between 0 and 1.
    public init(groupHits: Int, groupTotal: Int, restHits: Int, restTotal: Int,
                confidence: Double = 0.95) throws {
        try Self.validate(hits: groupHits, total: groupTotal, side: "group")
        try Self.validate(hits: restHits, total: restTotal, side: "rest of the corpus")
        guard confidence > 0 && confidence < 1 else {
            throw LearningThemesError(.usage, "confidence must lie strictly between 0 and 1, got \(confidence)")
        }
        self.groupHits = groupHits
        self.groupTotal = groupTotal
        self.restHits = restHits
        self.restTotal = restTotal
        let groupRate = groupTotal > 0 ? Double(groupHits) / Double(groupTotal) : nil
        let restRate = restTotal > 0 ? Double(restHits) / Double(restTotal) : nil
        self.groupRate = groupRate
        self.restRate = restRate
        groupInterval = WilsonInterval(successes: groupHits, trials: groupTotal, confidence: confidence)
        if let groupRate, let restRate, groupRate > 0 || restRate > 0 {
            rateRatio = restRate > 0 ? groupRate / restRate : .infinity
        } else {
            rateRatio = nil
        }
        pValue = FisherExactTest.pValue(
            a: groupHits, b: groupTotal - groupHits, c: restHits, d: restTotal - restHits)
        direction = Self.direction(groupHits: groupHits, groupTotal: groupTotal,
                                   restHits: restHits, restTotal: restTotal)
    }

    /// The smallest two-sided p-value any split of the same tagged paragraphs could give
    /// in `direction`: the group holding as many of them as it can (higher) or as few
    /// (lower); for `.same`, the smaller of those two. If even that is not small, the
    /// data could not have shown a difference.
    public func smallestPossiblePValue(towards direction: Direction) -> Double {
        let distribution = Hypergeometric(population: groupTotal + restTotal,
                                          tagged: groupHits + restHits, drawn: groupTotal)
        switch direction {
        case .higher:
            return FisherExactTest.twoSidedPValue(observed: distribution.highest, in: distribution)
        case .lower:
            return FisherExactTest.twoSidedPValue(observed: distribution.lowest, in: distribution)
        case .same:
            return min(smallestPossiblePValue(towards: .higher), smallestPossiblePValue(towards: .lower))
        }
    }

    private static func validate(hits: Int, total: Int, side: String) throws {
        guard total >= 0, (0...total).contains(hits) else {
            throw LearningThemesError(
                .input, "rate comparison needs 0 <= tagged <= paragraphs, got \(hits) tagged of \(total) paragraphs in the \(side)")
        }
    }

    /// Compared as groupHits/groupTotal against restHits/restTotal by cross-multiplying
    /// the counts, so equal rates come out `.same` without floating-point doubt.
    private static func direction(groupHits: Int, groupTotal: Int, restHits: Int, restTotal: Int) -> Direction {
        guard groupTotal > 0, restTotal > 0 else { return .same }
        let groupSide = groupHits.multipliedFullWidth(by: restTotal)
        let restSide = restHits.multipliedFullWidth(by: groupTotal)
        if groupSide.high != restSide.high {
            return groupSide.high > restSide.high ? .higher : .lower
        }
        if groupSide.low == restSide.low { return .same }
        return groupSide.low > restSide.low ? .higher : .lower
    }
}
