import XCTest
@testable import LearningThemes

/// The matcher tells which paragraphs may hold a referring phrase (`AnaphorScreen`),
/// so the others are not read for one; it must never turn away one in which
/// `SourceAnaphor.firstPhrase` finds a referring phrase, whatever the rules.
final class AnaphorScreenTests: XCTestCase {
    /// The bundled rules, and rules that share no word with the referring phrases.
    private static let matchers = [
        Matcher(ruleSet: try! RuleSet.load(directory: TestSupport.path("rules"))),
        try! TestSupport.matcher("theme neglect\nmatch n-1: (neglect | neglected) near/3 children\n"),
    ]
    /// What the mutations below put into text: the anaphor words in several spellings, and
    /// the bytes that join or split words (apostrophes, non-ASCII letters, sentence ends).
    private static let pieces = AnaphorWord.spellings.map { String(decoding: $0.spelling, as: UTF8.self) }
        + ["The", "Review", "Findings", "Key", "Learning", "It", "Areas", "review’s", "Review's", "ﬁndings", "réview",
           "þé", "à", "é", "ﬆrength", "Dr.", "e.g.", "services", "children", "2023", "’", "'", "—", "…", "."]
    /// Phrases the finder recognises, to be cut up and joined by the separators below.
    private static let phrases = ["the review", "It was noted", "areas for improvement", "highlighted as a strength",
                                  "Key findings", "its recommendations", "the learning", "this latest review"]
        .flatMap { $0.split(separator: " ").map(String.init) }
    private static let separators = [" ", " ", " ", ", ", ". ", "’", "'", "-", "", "é", "\u{00A0}", "? ", ": "]

    func testTheScreenLetsThroughEveryCorpusParagraphWithAnAnaphor() throws {
        var random = SplitMix64(seed: 0x5EED_A4A0)
        var (checked, withAnaphor, turnedAway) = (0, 0, 0)
        var scratches = Self.matchers.map { MatchScratch(matcher: $0) }
        for text in try Self.corpusParagraphs() {
            for mutation in 0..<4 {
                let mutated = mutation == 0 ? text : Self.mutate(text, &random)
                let (found, passed) = Self.check(mutated, &scratches)
                XCTAssertTrue(passed || !found, "turned away a paragraph with an anaphor: \(mutated.debugDescription)")
                checked += 1
                if found { withAnaphor += 1 }
                if !passed { turnedAway += 1 }
            }
        }
        XCTAssertGreaterThan(withAnaphor, 100, "the mutations put anaphors in")
        XCTAssertGreaterThan(turnedAway, checked / 2, "the screen turns most paragraphs away")
    }

    func testTheScreenLetsThroughEveryGeneratedTextWithAnAnaphor() {
        var random = SplitMix64(seed: 0x5EED_A4A1)
        var withAnaphor = 0
        var scratches = Self.matchers.map { MatchScratch(matcher: $0) }
        for number in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + random.below(10)) {
                text += random.element(random.below(2) == 0 ? Self.pieces : Self.phrases) + random.element(Self.separators)
            }
            let (found, passed) = Self.check(text, &scratches)
            XCTAssertTrue(passed || !found, "case \(number): \(text.debugDescription)")
            if found { withAnaphor += 1 }
        }
        XCTAssertGreaterThan(withAnaphor, 1000)
    }

    /// Whether the text holds a phrase, and whether the screen of each matcher lets it
    /// through, both when counting tags and when classifying with evidence.
    private static func check(_ text: String, _ scratches: inout [MatchScratch]) -> (found: Bool, passed: Bool) {
        var copy = text
        let found = copy.withUTF8 { SourceAnaphor.firstPhrase(in: $0) != nil }
        var passed = true
        for (matcher, index) in zip(matchers, scratches.indices) {
            _ = matcher.tags(text, scratch: &scratches[index])
            let whenCounting = matcher.mayHoldAnaphor(scratches[index])
            _ = matcher.classify(text, scratch: &scratches[index])
            let whenClassifying = matcher.mayHoldAnaphor(scratches[index])
            XCTAssertEqual(whenCounting, whenClassifying, text.debugDescription)
            passed = passed && whenCounting
        }
        return (found, passed)
    }

    /// Words replaced or joined, anaphor words and awkward bytes put in between.
    private static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + random.below(4)) {
            let position = random.below(words.count + 1)
            switch random.below(3) {
            case 0 where position < words.count: words[position] = random.element(pieces)
            case 1 where position > 0 && position < words.count:
                words[position - 1] += random.element(separators) + words.remove(at: position)
            default: words.insert(random.element(pieces) + random.element(separators) + random.element(pieces), at: position)
            }
        }
        return words.joined(separator: " ")
    }

    /// The paragraphs of the bundled documents but the one held aside for testing.
    private static func corpusParagraphs() throws -> [String] {
        let paths = Corpus.documentFiles(in: TestSupport.path("corpus/documents")).filter { !$0.contains("/002_") }
        XCTAssertGreaterThan(paths.count, 2)
        return try paths.flatMap { ParagraphSegmenter().segment(try DocumentLoader.load(path: $0).bytes).map(\.text) }
    }
}
