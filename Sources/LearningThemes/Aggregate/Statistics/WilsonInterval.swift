import Foundation

/// Wilson score interval for a proportion (e.g. the share of a partnership's paragraphs
/// tagged with a theme).
///
/// Chosen over the textbook "rate ± 1.96 standard errors" because that interval
/// collapses to a single point at 0 of 5 or 5 of 5 paragraphs, and can leave 0...1 —
/// exactly the small counts this project sees most. Wilson stays inside 0...1 and keeps
/// a sensible width at the extremes.
public struct WilsonInterval: Sendable, Hashable {
    public let lower: Double
    public let upper: Double
    /// False when there were no trials. The interval is then all of 0...1, and callers
    /// should say "no data" rather than print it as if it were an estimate.
    public let hasData: Bool

    /// `confidence` is the coverage, e.g. 0.95; it must lie strictly between 0 and 1.
    /// `successes` must lie in `0...trials`.
    public init(successes: Int, trials: Int, confidence: Double = 0.95) {
        precondition(trials >= 0 && (0...trials).contains(successes),
                     "Wilson interval needs 0 <= successes <= trials")
        precondition(confidence > 0 && confidence < 1, "confidence must lie strictly between 0 and 1")
        guard trials > 0 else {
            self.init(lower: 0, upper: 1, hasData: false)
            return
        }
        // Taking the lower-tail quantile and negating avoids forming 1 - alpha/2,
        // which would round away digits at high confidence.
        let z = -StandardNormal.quantile((1 - confidence) / 2)
        let n = Double(trials)
        let rate = Double(successes) / n
        let zSquaredOverN = z * z / n
        let shrink = 1 + zSquaredOverN
        let centre = (rate + zSquaredOverN / 2) / shrink
        let halfWidth = z * (rate * (1 - rate) / n + zSquaredOverN / (4 * n)).squareRoot() / shrink
        // At 0 or all successes the bound is exactly 0 or 1 in exact arithmetic; pin it
        // so rounding cannot print "-0.0000" or an upper bound of 0.99999999.
        let lower = successes == 0 ? 0 : max(0, centre - halfWidth)
        let upper = successes == trials ? 1 : min(1, centre + halfWidth)
        self.init(lower: lower, upper: upper, hasData: true)
    }

    private init(lower: Double, upper: Double, hasData: Bool) {
        self.lower = lower
        self.upper = upper
        self.hasData = hasData
    }

    public var range: ClosedRange<Double> { lower...upper }
}
