/// How far a micro-F1 could move by chance: a percentile bootstrap over the gold paragraphs.
///
/// A held-aside document of a hundred paragraphs gives a few dozen tags, and one paragraph
/// more or less right moves micro-F1 by about 0.01. The interval says which differences
/// between two rule sets, or between a score and a target, the gold set can tell apart.
/// Paragraphs are resampled whole, because a paragraph's tags are not independent of each
/// other (one sentence can carry three themes).
///
/// The resampling draws from a fixed-seed generator, so the same gold set and rules always
/// give the same interval.
public struct BootstrapInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    /// The share of resamples the interval leaves out, half on each side (0.05 for 95%).
    public static let excluded = 0.05
    public static let resamples = 2_000

    /// True positives, false positives and false negatives of one paragraph.
    struct Counts: Equatable {
        var truePositives: Int
        var falsePositives: Int
        var falseNegatives: Int
    }

    /// The 95% interval of micro-F1 over `paragraphs`, or nil when there is nothing to
    /// score: no paragraphs, or none with a tag or a label (micro-F1 is then 0 by
    /// convention, as `Evaluation.Score.f1` has it, and an interval of 0–0 would say nothing).
    /// Micro-F1 is 2·TP / (2·TP + FP + FN) of the pooled counts.
    init?(microF1Of paragraphs: [Counts], resamples: Int = BootstrapInterval.resamples) {
        guard resamples > 0,
              paragraphs.contains(where: { $0.truePositives + $0.falsePositives + $0.falseNegatives > 0 }) else { return nil }
        var generator = SplitMix64(seed: 0x1EA5_7E5E_ED00_0001)
        var scores: [Double] = []
        scores.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var correct = 0, wrong = 0
            for _ in 0..<paragraphs.count {
                let paragraph = paragraphs[generator.below(paragraphs.count)]
                correct += paragraph.truePositives
                wrong += paragraph.falsePositives + paragraph.falseNegatives
            }
            scores.append(correct + wrong == 0 ? 0 : Double(2 * correct) / Double(2 * correct + wrong))
        }
        scores.sort()
        lower = scores[Self.rank(Self.excluded / 2, of: resamples)]
        upper = scores[Self.rank(1 - Self.excluded / 2, of: resamples)]
    }

    /// The index of the `quantile` in `count` sorted values (nearest rank).
    private static func rank(_ quantile: Double, of count: Int) -> Int {
        min(count - 1, max(0, Int((quantile * Double(count)).rounded(.up)) - 1))
    }
}

extension BootstrapInterval.Counts {
    /// A paragraph's counts from the ids the rules gave it and those the gold set gives it.
    init(predicted: Set<String>, expected: Set<String>) {
        let truePositives = predicted.intersection(expected).count
        self.init(truePositives: truePositives, falsePositives: predicted.count - truePositives,
                  falseNegatives: expected.count - truePositives)
    }
}
