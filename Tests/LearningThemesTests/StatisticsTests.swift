import Foundation
import LearningThemes
import XCTest

// Expected values below were printed by scripts/reference-statistics.py (scipy 1.17.1,
// statsmodels 0.15.0), independent implementations of the same statistics. Rerun it
// and paste its output when adding a case.

private struct FisherReference {
    let a: Int, b: Int, c: Int, d: Int
    let twoSided: Double, greater: Double, less: Double
    init(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ twoSided: Double, _ greater: Double, _ less: Double) {
        (self.a, self.b, self.c, self.d) = (a, b, c, d)
        (self.twoSided, self.greater, self.less) = (twoSided, greater, less)
    }
}

private let fisherReferences: [FisherReference] = [
    // textbook, including symmetric tables whose probabilities tie
    .init(3, 1, 1, 3, 0.48571428571428565, 0.24285714285714283, 0.9857142857142858),
    .init(1, 9, 11, 3, 0.0027594561852200836, 0.9999663480953022, 0.0013797280926100418),
    .init(2, 7, 8, 2, 0.02301413756522116, 0.9990149169715733, 0.01852172595206651),
    .init(10, 2, 3, 15, 0.0005367241191434357, 0.000465180943362905, 0.9999845190186861),
    .init(6, 2, 1, 4, 0.10256410256410256, 0.08624708624708625, 0.9953379953379954),
    .init(2, 3, 3, 2, 1.0, 0.8968253968253967, 0.5000000000000001),
    .init(7, 3, 3, 7, 0.1788954079975752, 0.0894477039987876, 0.9884929312173895),
    // zeros in cells, empty rows and columns
    .init(0, 5, 5, 0, 0.007936507936507938, 1.0, 0.003968253968253969),
    .init(5, 0, 0, 5, 0.007936507936507938, 0.003968253968253969, 1.0),
    .init(0, 10, 0, 20, 1.0, 1.0, 1.0),
    .init(0, 0, 3, 4, 1.0, 1.0, 1.0),
    .init(0, 12, 7, 40, 0.3255423606931491, 1.0, 0.18435175474387255),
    .init(0, 0, 0, 0, 1.0, 1.0, 1.0),
    // very unbalanced
    .init(1, 999, 0, 100000, 0.009900990099009901, 0.009900990099009901, 1.0),
    .init(0, 50, 100, 100000, 1.0, 1.0, 0.9512653020545744),
    .init(20, 5, 1000, 1000000, 6.383248251952509e-56, 6.383248251952511e-56, 1.0),
    .init(3, 0, 10, 9990, 1.7149708288456112e-09, 1.7149708288456112e-09, 1.0),
    .init(0, 30, 2, 5, 0.031531531531531536, 1.0, 0.031531531531531536),
    // large: 10^6 and 10^7 paragraphs; the last is an exact tie at national scale
    .init(600, 499400, 500, 499500, 0.002804436118121694, 0.0014022180590608465, 0.998851421598325),
    .init(520, 499480, 480, 499520, 0.21721821306179784, 0.10860910653089893, 0.902728467811893),
    .init(12, 999988, 2500, 8997500, 9.913730976918725e-95, 1.0, 5.248527879419444e-95),
    .init(2500500, 2499500, 2500000, 2500000, 0.7523096978163782, 0.3761548489081891, 0.6243251667421597),
]

private struct WilsonReference {
    let successes: Int, trials: Int, confidence: Double, lower: Double, upper: Double
    init(_ successes: Int, _ trials: Int, _ confidence: Double, _ lower: Double, _ upper: Double) {
        (self.successes, self.trials, self.confidence, self.lower, self.upper) = (successes, trials, confidence, lower, upper)
    }
}

private let wilsonReferences: [WilsonReference] = [
    .init(0, 10, 0.9, 0.0, 0.2129419700834071),
    .init(10, 10, 0.9, 0.7870580299165928, 1.0),
    .init(0, 1, 0.9, 0.0, 0.730134051215946),
    .init(1, 1, 0.9, 0.269865948784054, 1.0),
    .init(5, 20, 0.9, 0.1273771685203577, 0.4322017501601246),
    .init(3, 7, 0.9, 0.186443190363956, 0.7105229089864071),
    .init(1, 3, 0.9, 0.07826572633372836, 0.746466131718776),
    .init(17, 250, 0.9, 0.04616922268290727, 0.09908102767720434),
    .init(500, 1000000, 0.9, 0.0004645557904727901, 0.0005381470401252256),
    .init(0, 10, 0.95, 0.0, 0.2775327998628892),
    .init(10, 10, 0.95, 0.7224672001371107, 0.9999999999999999),
    .init(0, 1, 0.95, 0.0, 0.7934506856227626),
    .init(1, 1, 0.95, 0.20654931437723745, 1.0),
    .init(5, 20, 0.95, 0.11186170140766569, 0.468700877618744),
    .init(3, 7, 0.95, 0.15821985525146975, 0.7495416354723428),
    .init(1, 3, 0.95, 0.06149194472039621, 0.7923403991979522),
    .init(17, 250, 0.95, 0.04288591857836033, 0.10618925218570377),
    .init(500, 1000000, 0.95, 0.00045806172127235126, 0.0005457758813475299),
    .init(0, 10, 0.99, 0.0, 0.3988540933049081),
    .init(10, 10, 0.99, 0.6011459066950919, 1.0),
    .init(0, 1, 0.99, 0.0, 0.8690224567198142),
    .init(1, 1, 0.99, 0.13097754328018596, 1.0),
    .init(5, 20, 0.99, 0.087363908401074, 0.5371887921483026),
    .init(3, 7, 0.99, 0.11637368051613817, 0.8102850959116124),
    .init(1, 3, 0.99, 0.04042662929608465, 0.855783984952333),
    .init(17, 250, 0.99, 0.037177884639905553, 0.1211594932428633),
    .init(500, 1000000, 0.99, 0.00044563611571055704, 0.0005609921020163238),
]

/// (p, scipy.stats.norm.ppf(p))
private let normalQuantileReferences: [(Double, Double)] = [
    (1e-300, -37.0470962993612),
    (1e-10, -6.361340902404056),
    (0.001, -3.090232306167813),
    (0.02, -2.053748910631823),
    (0.025, -1.9599639845400545),
    (0.05, -1.6448536269514729),
    (0.3, -0.5244005127080409),
    (0.5, 0.0),
    (0.7, 0.5244005127080407),
    (0.975, 1.959963984540054),
    (0.98, 2.0537489106318225),
    (0.999, 3.090232306167813),
    (0.9999999999, 6.361340889697422),
]

/// (input, statsmodels fdr_bh, statsmodels holm)
private let adjustmentReferences: [([Double], [Double], [Double])] = [
    ([0.01, 0.04, 0.03, 0.005, 0.04, 0.5, 0.2],
     [0.035, 0.056, 0.056, 0.035, 0.056, 0.5, 0.23333333333333336],
     [0.06, 0.16, 0.15, 0.035, 0.16, 0.5, 0.4]),
    ([0.04, 0.04, 0.04, 0.04], [0.04, 0.04, 0.04, 0.04], [0.16, 0.16, 0.16, 0.16]),
    ([0.9, 0.02, 0.6, 0.001, 0.3, 0.001],
     [0.9, 0.04, 0.72, 0.003, 0.45, 0.003],
     [1.0, 0.08, 1.0, 0.006, 0.8999999999999999, 0.006]),
    ([0.03], [0.03], [0.03]),
    ([0.8, 0.7, 0.95], [0.95, 0.95, 0.95], [1.0, 1.0, 1.0]),
]

private func assertClose(_ actual: Double, _ expected: Double, relative tolerance: Double,
                         _ message: @autoclosure () -> String = "",
                         file: StaticString = #filePath, line: UInt = #line) {
    let scale = max(abs(expected), Double.leastNormalMagnitude)
    XCTAssertLessThanOrEqual(abs(actual - expected) / scale, tolerance,
                             "\(actual) is not \(expected). \(message())", file: file, line: line)
}

final class FisherExactTestTests: XCTestCase {
    func testTeaTastingMatchesTheTextbook() {
        XCTAssertEqual(FisherExactTest.pValue(a: 3, b: 1, c: 1, d: 3), 0.4857142857142857, accuracy: 1e-12)
    }

    func testMatchesScipyForEveryAlternative() {
        for table in fisherReferences {
            // scipy itself drifts by ~5e-10 at 10^7 paragraphs, so large tables get a looser bound.
            let tolerance = table.a + table.b + table.c + table.d <= 2000 ? 1e-12 : 1e-8
            let name = "[[\(table.a), \(table.b)], [\(table.c), \(table.d)]]"
            let expectations: [(FisherExactTest.Alternative, Double)] =
                [(.twoSided, table.twoSided), (.greater, table.greater), (.less, table.less)]
            for (alternative, expected) in expectations {
                let actual = FisherExactTest.pValue(a: table.a, b: table.b, c: table.c, d: table.d,
                                                    alternative: alternative)
                assertClose(actual, expected, relative: tolerance, "\(alternative) for \(name)")
            }
        }
    }

    /// Every table of up to 16 paragraphs, against R's definition applied by brute force
    /// to exact probabilities: catches off-by-one errors at the ends of the tail runs.
    func testMatchesBruteForceForAllSmallTables() {
        for total in 0...16 {
            for a in 0...total {
                for b in 0...(total - a) {
                    for c in 0...(total - a - b) {
                        let d = total - a - b - c
                        let expected = bruteForcePValues(a: a, b: b, c: c, d: d)
                        let name = "[[\(a), \(b)], [\(c), \(d)]]"
                        assertClose(FisherExactTest.pValue(a: a, b: b, c: c, d: d), expected.twoSided,
                                    relative: 1e-12, "two-sided \(name)")
                        assertClose(FisherExactTest.pValue(a: a, b: b, c: c, d: d, alternative: .greater),
                                    expected.greater, relative: 1e-12, "greater \(name)")
                        assertClose(FisherExactTest.pValue(a: a, b: b, c: c, d: d, alternative: .less),
                                    expected.less, relative: 1e-12, "less \(name)")
                    }
                }
            }
        }
    }

    /// National-scale tables stay valid probabilities (speed is measured by scripts/bench,
    /// not asserted here: machines are noisy).
    func testTenMillionParagraphTablesGiveValidProbabilities() {
        let tables = [
            (2_500_500, 2_499_500, 2_500_000, 2_500_000),
            (4_000, 996_000, 30_000, 8_970_000),
            (2, 9_999_000, 900, 98),
            (1_000_000, 0, 0, 9_000_000),
        ]
        for (a, b, c, d) in tables {
            for alternative in FisherExactTest.Alternative.allCases {
                let p = FisherExactTest.pValue(a: a, b: b, c: c, d: d, alternative: alternative)
                XCTAssert((0...1).contains(p), "[[\(a), \(b)], [\(c), \(d)]] \(alternative): \(p)")
            }
        }
    }

    func testOneSidedPValuesOfATableAddToOnePlusItsProbability() {
        // P(X >= a) + P(X <= a) = 1 + P(X = a): checks the complement branches of the tails.
        let (a, b, c, d) = (5_100, 494_900, 4_900, 495_100)
        let greater = FisherExactTest.pValue(a: a, b: b, c: c, d: d, alternative: .greater)
        let less = FisherExactTest.pValue(a: a, b: b, c: c, d: d, alternative: .less)
        let greaterFromNext = FisherExactTest.pValue(a: a + 1, b: b - 1, c: c - 1, d: d + 1, alternative: .greater)
        assertClose(greater + less, 1 + (greater - greaterFromNext), relative: 1e-12)
    }

    private func bruteForcePValues(a: Int, b: Int, c: Int, d: Int) -> (twoSided: Double, greater: Double, less: Double) {
        let rowTotal = a + b, columnTotal = a + c, total = a + b + c + d
        let lowest = max(0, rowTotal - (total - columnTotal)), highest = min(rowTotal, columnTotal)
        let denominator = Double(binomial(total, rowTotal))
        var probabilities = [Int: Double]()
        for x in lowest...highest {
            probabilities[x] = Double(binomial(columnTotal, x) * binomial(total - columnTotal, rowTotal - x)) / denominator
        }
        let observed = probabilities[a]!
        let twoSided = probabilities.values.filter { $0 <= observed * (1 + 1e-7) }.reduce(0, +)
        let greater = probabilities.filter { $0.key >= a }.map(\.value).reduce(0, +)
        let less = probabilities.filter { $0.key <= a }.map(\.value).reduce(0, +)
        return (min(1, twoSided), min(1, greater), min(1, less))
    }

    private func binomial(_ n: Int, _ k: Int) -> Int {
        (0..<k).reduce(1) { product, index in product * (n - index) / (index + 1) }
    }
}

final class StandardNormalTests: XCTestCase {
    func testQuantileMatchesScipy() {
        for (probability, expected) in normalQuantileReferences {
            if expected == 0 {
                XCTAssertEqual(StandardNormal.quantile(probability), 0, accuracy: 1e-15)
            } else {
                assertClose(StandardNormal.quantile(probability), expected, relative: 1e-12, "p = \(probability)")
            }
        }
    }

    func testQuantileAtTheEndsAndOutsideZeroToOne() {
        XCTAssertEqual(StandardNormal.quantile(0), -.infinity)
        XCTAssertEqual(StandardNormal.quantile(1), .infinity)
        XCTAssert(StandardNormal.quantile(-0.1).isNaN)
        XCTAssert(StandardNormal.quantile(1.1).isNaN)
        XCTAssert(StandardNormal.quantile(.nan).isNaN)
    }

    func testQuantileUndoesTheCumulativeProbability() {
        // Lower half only: above z = 0 the CDF rounds towards 1 and loses the digits
        // any inverse would need.
        for z in stride(from: -30.0, through: 0, by: 0.37) {
            assertClose(StandardNormal.quantile(StandardNormal.cumulativeProbability(z)), z, relative: 1e-12, "z = \(z)")
        }
    }

    func testQuantileIsSymmetricAboutOneHalf() {
        for probability in stride(from: 0.5, through: 0.9999, by: 0.0123) {
            XCTAssertEqual(StandardNormal.quantile(probability), -StandardNormal.quantile(1 - probability), accuracy: 1e-14)
        }
    }
}

final class WilsonIntervalTests: XCTestCase {
    func testMatchesStatsmodelsAtNinetyNinetyFiveAndNinetyNinePercent() {
        for reference in wilsonReferences {
            let interval = WilsonInterval(successes: reference.successes, trials: reference.trials,
                                          confidence: reference.confidence)
            let name = "\(reference.successes) of \(reference.trials) at \(reference.confidence)"
            XCTAssertTrue(interval.hasData)
            XCTAssertEqual(interval.lower, reference.lower, accuracy: 1e-12, name)
            XCTAssertEqual(interval.upper, reference.upper, accuracy: 1e-12, name)
        }
    }

    func testNoTrialsGivesAllOfZeroToOneAndSaysSo() {
        let interval = WilsonInterval(successes: 0, trials: 0)
        XCTAssertFalse(interval.hasData)
        XCTAssertEqual(interval.range, 0...1)
    }

    func testBoundsAreExactlyZeroAndOneAtTheExtremes() {
        XCTAssertEqual(WilsonInterval(successes: 0, trials: 7).lower, 0)
        XCTAssertEqual(WilsonInterval(successes: 7, trials: 7).upper, 1)
        XCTAssertGreaterThan(WilsonInterval(successes: 1, trials: 7).lower, 0)
        XCTAssertLessThan(WilsonInterval(successes: 6, trials: 7).upper, 1)
    }

    func testHigherConfidenceGivesAWiderInterval() {
        let narrow = WilsonInterval(successes: 4, trials: 30, confidence: 0.8)
        let wide = WilsonInterval(successes: 4, trials: 30, confidence: 0.999)
        XCTAssertLessThan(wide.lower, narrow.lower)
        XCTAssertGreaterThan(wide.upper, narrow.upper)
    }
}

final class MultipleComparisonTests: XCTestCase {
    func testMatchesStatsmodelsWithTiesAndUnsortedInput() {
        for (input, expectedBH, expectedHolm) in adjustmentReferences {
            let bh = MultipleComparison.benjaminiHochberg(input)
            let holm = MultipleComparison.holm(input)
            XCTAssertEqual(bh.count, input.count)
            XCTAssertEqual(holm.count, input.count)
            for index in input.indices {
                XCTAssertEqual(bh[index], expectedBH[index], accuracy: 1e-15, "BH of \(input) at \(index)")
                XCTAssertEqual(holm[index], expectedHolm[index], accuracy: 1e-15, "Holm of \(input) at \(index)")
            }
        }
    }

    func testEmptyInputGivesEmptyOutput() {
        XCTAssertEqual(MultipleComparison.benjaminiHochberg([]), [])
        XCTAssertEqual(MultipleComparison.holm([]), [])
    }

    func testNaNStaysNaNAndStillCountsAsATest() {
        // As R's p.adjust(c(0.01, NA, 0.02)): three tests, two of them known.
        let bh = MultipleComparison.benjaminiHochberg([0.01, .nan, 0.02])
        XCTAssertEqual(bh[0], 0.03, accuracy: 1e-15)
        XCTAssert(bh[1].isNaN)
        XCTAssertEqual(bh[2], 0.03, accuracy: 1e-15)
        let holm = MultipleComparison.holm([0.01, .nan, 0.02])
        XCTAssertEqual(holm[0], 0.03, accuracy: 1e-15)
        XCTAssert(holm[1].isNaN)
        XCTAssertEqual(holm[2], 0.04, accuracy: 1e-15)
    }
}

final class RateComparisonTests: XCTestCase {
    func testRatesRatioIntervalAndPValue() throws {
        let comparison = try RateComparison(groupHits: 40, groupTotal: 200, restHits: 300, restTotal: 9800)
        XCTAssertEqual(comparison.groupRate, 0.2)
        XCTAssertEqual(try XCTUnwrap(comparison.restRate), 300.0 / 9800, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(comparison.rateRatio), 0.2 / (300.0 / 9800), accuracy: 1e-12)
        XCTAssertEqual(comparison.direction, .higher)
        XCTAssertEqual(comparison.expectedGroupHits, 6.8, accuracy: 1e-12)
        XCTAssertEqual(comparison.groupInterval, WilsonInterval(successes: 40, trials: 200))
        assertClose(comparison.pValue, 3.032563146722006e-20, relative: 1e-12)
    }

    func testDirectionComparesRatesExactly() throws {
        XCTAssertEqual(try RateComparison(groupHits: 1, groupTotal: 3, restHits: 2, restTotal: 6).direction, .same)
        XCTAssertEqual(try RateComparison(groupHits: 1, groupTotal: 3, restHits: 3, restTotal: 10).direction, .higher)
        XCTAssertEqual(try RateComparison(groupHits: 1, groupTotal: 3, restHits: 4, restTotal: 10).direction, .lower)
        // Cross products beyond Int64: still exact.
        let big = Int.max / 4
        XCTAssertEqual(try RateComparison(groupHits: big - 1, groupTotal: big, restHits: big - 2, restTotal: big).direction,
                       .higher)
    }

    func testRateRatioWhenRatesAreZeroOrMissing() throws {
        let onlyGroup = try RateComparison(groupHits: 2, groupTotal: 10, restHits: 0, restTotal: 50)
        XCTAssertEqual(onlyGroup.rateRatio, .infinity)
        let neither = try RateComparison(groupHits: 0, groupTotal: 10, restHits: 0, restTotal: 50)
        XCTAssertNil(neither.rateRatio)
        XCTAssertEqual(neither.pValue, 1)
        let emptyGroup = try RateComparison(groupHits: 0, groupTotal: 0, restHits: 5, restTotal: 50)
        XCTAssertNil(emptyGroup.groupRate)
        XCTAssertNil(emptyGroup.rateRatio)
        XCTAssertFalse(emptyGroup.groupInterval.hasData)
        XCTAssertEqual(emptyGroup.direction, .same)
    }

    func testImpossibleCountsAndConfidenceAreReported() {
        XCTAssertThrowsError(try RateComparison(groupHits: 11, groupTotal: 10, restHits: 0, restTotal: 5)) { error in
            XCTAssertEqual((error as? LearningThemesError)?.kind, .input)
        }
        XCTAssertThrowsError(try RateComparison(groupHits: 1, groupTotal: 10, restHits: -1, restTotal: 5)) { error in
            XCTAssertEqual((error as? LearningThemesError)?.kind, .input)
        }
        XCTAssertThrowsError(try RateComparison(groupHits: 1, groupTotal: 10, restHits: 1, restTotal: 5,
                                                confidence: 1)) { error in
            XCTAssertEqual((error as? LearningThemesError)?.kind, .usage)
        }
    }

    func testSmallestPossiblePValueMatchesScipy() throws {
        let comparison = try RateComparison(groupHits: 40, groupTotal: 200, restHits: 300, restTotal: 9800)
        assertClose(comparison.smallestPossiblePValue(towards: .lower), 0.002218517248390865, relative: 1e-12)
        // scipy underflows to 0 here: all 200 group paragraphs tagged is beyond 1e-300.
        XCTAssertLessThan(comparison.smallestPossiblePValue(towards: .higher), 1e-300)
        let rare = try RateComparison(groupHits: 0, groupTotal: 50, restHits: 2, restTotal: 9950)
        assertClose(rare.smallestPossiblePValue(towards: .higher), 2.45024502450245e-05, relative: 1e-12)
        XCTAssertEqual(rare.smallestPossiblePValue(towards: .lower), 1)
    }
}

final class CompareAllTests: XCTestCase {
    func testVerdictsAndAdjustedPValues() throws {
        let comparisons = try [
            RateComparison(groupHits: 40, groupTotal: 200, restHits: 300, restTotal: 9800),
            RateComparison(groupHits: 2, groupTotal: 400, restHits: 338, restTotal: 9600),
            RateComparison(groupHits: 8, groupTotal: 300, restHits: 332, restTotal: 9700),
            RateComparison(groupHits: 0, groupTotal: 5, restHits: 40, restTotal: 9995),
            RateComparison(groupHits: 0, groupTotal: 50, restHits: 2, restTotal: 9950),
            RateComparison(groupHits: 1, groupTotal: 1000, restHits: 0, restTotal: 9000),
        ]
        let assessed = try RateComparison.compareAll(comparisons)

        XCTAssertEqual(assessed.map(\.comparison), comparisons)
        XCTAssertEqual(assessed.map(\.verdict), [.over, .under, .noDifference, .tooFewToTell, .tooFewToTell, .tooFewToTell])
        // BH over the four testable comparisons only: the 5-paragraph group falls under
        // the floor, and one tagged paragraph in the corpus can never be significant.
        let expectedAdjusted: [Double?] = [1.2130252586888023e-19, 0.0003708403761832328, 0.8347551498432111, nil, 1.0, nil]
        for (actual, expected) in zip(assessed.map(\.adjustedPValue), expectedAdjusted) {
            guard let expected else {
                XCTAssertNil(actual)
                continue
            }
            assertClose(try XCTUnwrap(actual), expected, relative: 1e-12)
        }
    }

    func testMinimumGroupSizeDecidesSmallGroups() throws {
        let allFiveTagged = try RateComparison(groupHits: 5, groupTotal: 5, restHits: 10, restTotal: 10000)
        XCTAssertEqual(try RateComparison.compareAll([allFiveTagged]).map(\.verdict), [.tooFewToTell])
        XCTAssertEqual(try RateComparison.compareAll([allFiveTagged], minimumGroupParagraphs: 1).map(\.verdict), [.over])
    }

    func testSignificanceLevelOutsideZeroToOneIsAUsageError() {
        XCTAssertThrowsError(try RateComparison.compareAll([], significanceLevel: 0)) { error in
            XCTAssertEqual((error as? LearningThemesError)?.kind, .usage)
        }
    }
}
