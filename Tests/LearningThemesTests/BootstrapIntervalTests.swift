import XCTest
@testable import LearningThemes

/// The bootstrap interval `evaluate` prints beside micro-F1.
final class BootstrapIntervalTests: XCTestCase {
    private typealias Counts = BootstrapInterval.Counts

    /// 400 paragraphs with one label each, half found and half missed: micro-F1 is
    /// 2k / (400 + k) for k found, and k has a standard deviation of 10, so the interval
    /// is about 2·180/580 = 0.621 to 2·220/620 = 0.710.
    func testIntervalMatchesTheBinomialSpreadOfAKnownSet() throws {
        let paragraphs = (0..<400).map { index in
            Counts(truePositives: index % 2, falsePositives: 0, falseNegatives: 1 - index % 2)
        }
        let interval = try XCTUnwrap(BootstrapInterval(microF1Of: paragraphs))
        XCTAssertEqual(interval.lower, 0.621, accuracy: 0.015)
        XCTAssertEqual(interval.upper, 0.710, accuracy: 0.015)
    }

    func testTenTimesTheParagraphsGiveAboutAThirdOfTheWidth() throws {
        let few = (0..<60).map { Counts(truePositives: $0 % 3 == 0 ? 0 : 2, falsePositives: $0 % 5 == 0 ? 1 : 0, falseNegatives: $0 % 3 == 0 ? 1 : 0) }
        let many = Array((0..<10).map { _ in few }.joined())
        let narrow = try XCTUnwrap(BootstrapInterval(microF1Of: many))
        let wide = try XCTUnwrap(BootstrapInterval(microF1Of: few))
        let ratio = (narrow.upper - narrow.lower) / (wide.upper - wide.lower)
        XCTAssertEqual(ratio, 1 / 10.0.squareRoot(), accuracy: 0.08)
    }

    func testAPerfectSetHasNoSpreadAndASetWithNothingToScoreNoInterval() throws {
        let perfect = Array(repeating: Counts(truePositives: 2, falsePositives: 0, falseNegatives: 0), count: 50)
        let interval = try XCTUnwrap(BootstrapInterval(microF1Of: perfect))
        XCTAssertEqual([interval.lower, interval.upper], [1, 1])
        XCTAssertNil(BootstrapInterval(microF1Of: []))
        // Nothing labelled and nothing tagged: there is no score to put an interval on.
        XCTAssertNil(BootstrapInterval(microF1Of: Array(repeating: Counts(truePositives: 0, falsePositives: 0, falseNegatives: 0), count: 5)))
    }

    func testCountsComeFromWhatWasTaggedAndWhatWasLabelled() {
        let counts = Counts(predicted: ["neglect", "domestic-abuse"], expected: ["neglect", "online-harm", "poverty-housing"])
        XCTAssertEqual(counts, Counts(truePositives: 1, falsePositives: 1, falseNegatives: 2))
    }

    /// On the development set the interval holds the score, is the same on every run (a
    /// fixed-seed generator), and is narrow: 1,229 paragraphs tell small changes apart.
    func testEvaluateReportsTheSameIntervalAroundTheDevelopmentScoreEveryTime() throws {
        let first = try TestSupport.run(["evaluate", "--gold", "corpus/gold/dev.jsonl", "--format", "csv"])
        XCTAssertEqual(first.status, 0, first.standardError)
        let second = try TestSupport.run(["evaluate", "--gold", "corpus/gold/dev.jsonl", "--format", "csv"])
        XCTAssertEqual(first.standardOutput, second.standardOutput)
        let rows = first.standardOutput.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.first?.suffix(3).map(String.init), ["f1", "f1_low", "f1_high"])
        for group in ["theme", "source"] {
            let micro = try XCTUnwrap(rows.first { $0[0] == Substring(group) && $0[1] == "micro" })
            let (f1, low, high) = (try XCTUnwrap(Double(micro[8])), try XCTUnwrap(Double(micro[9])), try XCTUnwrap(Double(micro[10])))
            XCTAssertTrue(low < f1 && f1 < high, "\(group): \(low) \(f1) \(high)")
            XCTAssertLessThan(high - low, 0.06, group)
        }
    }
}
