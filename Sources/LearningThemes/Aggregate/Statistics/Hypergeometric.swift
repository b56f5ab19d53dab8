import Foundation

/// How many tagged paragraphs land in a group of `drawn` paragraphs taken at random
/// from `population` paragraphs of which `tagged` are tagged. Fisher's exact test is
/// this distribution: it holds the 2x2 table's margins fixed and asks how unusual the
/// top-left cell is.
struct Hypergeometric {
    let population: Int
    let tagged: Int
    let drawn: Int
    /// Smallest and largest counts the margins allow.
    let lowest: Int
    let highest: Int
    /// A most likely count. Tails are summed away from it, where terms only shrink.
    private(set) var mode: Int

    private var untagged: Int { population - tagged }
    /// The drawn share of the population, as p and 1 - p each formed from counts.
    private let drawnShare: Double
    private let undrawnShare: Double
    /// log P(drawn successes) in Binomial(population, drawnShare), the denominator of
    /// Loader's identity; fixed by the margins, so computed once.
    private let logNormaliser: Double

    init(population: Int, tagged: Int, drawn: Int) {
        precondition(population >= 0 && (0...population).contains(tagged) && (0...population).contains(drawn),
                     "hypergeometric margins out of range")
        self.population = population
        self.tagged = tagged
        self.drawn = drawn
        lowest = max(0, drawn - (population - tagged))
        highest = min(drawn, tagged)
        drawnShare = population > 0 ? Double(drawn) / Double(population) : 0
        undrawnShare = population > 0 ? Double(population - drawn) / Double(population) : 1
        logNormaliser = BinomialLogDensity.logProbability(
            drawn, trials: population, probability: drawnShare, complement: undrawnShare)
        // The textbook formula, in Double, can be off by one beyond 2^53; stepping while
        // a neighbour is more likely settles the mode exactly either way.
        let estimate = (Double(drawn) + 1) * (Double(tagged) + 1) / (Double(population) + 2)
        mode = min(max(Int(estimate.rounded(.down)), lowest), highest)
        while mode < highest, ratioUp(from: mode) > 1 { mode += 1 }
        while mode > lowest, ratioDown(from: mode) > 1 { mode -= 1 }
    }

    /// Natural log of P(X = count). Logs keep this finite for millions of paragraphs,
    /// where the probabilities themselves underflow.
    func logProbability(_ count: Int) -> Double {
        guard (lowest...highest).contains(count) else { return -.infinity }
        if lowest == highest { return 0 }
        // Loader's identity: the hypergeometric probability is a ratio of binomial ones
        // at p = drawn / population, each of which can be computed accurately.
        return BinomialLogDensity.logProbability(
            count, trials: tagged, probability: drawnShare, complement: undrawnShare)
            + BinomialLogDensity.logProbability(
                drawn - count, trials: untagged, probability: drawnShare, complement: undrawnShare)
            - logNormaliser
    }

    /// P(X <= count).
    func lowerTail(through count: Int) -> Double {
        if count < lowest { return 0 }
        if count >= highest { return 1 }
        // Summing towards the mode would add up most of the mass term by term; the
        // complement is short and loses nothing when the answer is near 1.
        if count <= mode { return tailSum(from: count, downward: true) }
        return max(0, 1 - tailSum(from: count + 1, downward: false))
    }

    /// P(X >= count).
    func upperTail(from count: Int) -> Double {
        if count <= lowest { return 1 }
        if count > highest { return 0 }
        if count >= mode { return tailSum(from: count, downward: false) }
        return max(0, 1 - tailSum(from: count - 1, downward: true))
    }

    /// P(X = start) + P(X = start ± 1) + ... out to the end of the support, for a
    /// `start` on the far side of the mode so every step shrinks the terms.
    func tailSum(from start: Int, downward: Bool) -> Double {
        var relativeSum = 1.0
        var term = 1.0
        var count = start
        while downward ? count > lowest : count < highest {
            let ratio = downward ? ratioDown(from: count) : ratioUp(from: count)
            term *= ratio
            count += downward ? -1 : 1
            relativeSum += term
            // The distribution is log-concave, so later ratios are no larger than this
            // one and the unsummed rest is below a geometric series. Stopping once that
            // bound is negligible is what keeps a 10^7-paragraph table to a few
            // thousand steps.
            if ratio < 1, term * ratio / (1 - ratio) <= relativeSum * 1e-17 { break }
            if term == 0 { break }
        }
        // Scaling by the start's probability at the end, in logs, keeps far tails
        // from underflowing before they are added up.
        return exp(logProbability(start) + log(relativeSum))
    }

    /// P(X = count + 1) / P(X = count), exact from the counts rather than from logs.
    func ratioUp(from count: Int) -> Double {
        (Double(tagged - count) * Double(drawn - count))
            / (Double(count + 1) * Double(untagged - drawn + count + 1))
    }

    /// P(X = count - 1) / P(X = count).
    func ratioDown(from count: Int) -> Double {
        (Double(count) * Double(untagged - drawn + count))
            / (Double(tagged - count + 1) * Double(drawn - count + 1))
    }
}
