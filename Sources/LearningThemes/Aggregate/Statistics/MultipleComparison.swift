/// Adjusted p-values for many tests at once, as R's `p.adjust` computes them.
///
/// `compare` runs one test per group and theme, often thousands; at a 5% level some
/// would look significant by chance alone. Results come back in input order. A NaN
/// stays NaN and, as in R, still counts as one of the tests.
public enum MultipleComparison {
    /// Benjamini-Hochberg: controls the expected share of false findings among those
    /// reported, which suits a screen for partnerships worth a closer look.
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        let testCount = Double(pValues.count)
        // From the largest p down, each adjusted value is its scaled p, capped by the one
        // after it, so a smaller p never ends up with a larger adjusted value.
        let largestFirst = indicesOfKnownValues(pValues).sorted { pValues[$0] > pValues[$1] }
        var adjusted = pValues
        var runningMinimum = 1.0
        for (position, index) in largestFirst.enumerated() {
            let rank = Double(largestFirst.count - position)
            runningMinimum = min(runningMinimum, testCount / rank * pValues[index])
            adjusted[index] = runningMinimum
        }
        return adjusted
    }

    /// Holm: controls the chance of any false finding at all; stricter than
    /// Benjamini-Hochberg, and never weaker than Bonferroni.
    public static func holm(_ pValues: [Double]) -> [Double] {
        let testCount = pValues.count
        // From the smallest p up, each adjusted value is its scaled p, raised to the one
        // before it, so the order of the p-values is kept.
        let smallestFirst = indicesOfKnownValues(pValues).sorted { pValues[$0] < pValues[$1] }
        var adjusted = pValues
        var runningMaximum = 0.0
        for (position, index) in smallestFirst.enumerated() {
            let multiplier = Double(testCount - position)
            runningMaximum = max(runningMaximum, min(1, multiplier * pValues[index]))
            adjusted[index] = runningMaximum
        }
        return adjusted
    }

    private static func indicesOfKnownValues(_ pValues: [Double]) -> [Int] {
        pValues.indices.filter { !pValues[$0].isNaN }
    }
}
