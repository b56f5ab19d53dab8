import XCTest
@testable import LearningThemes

/// `AnaphorScreen` turns paragraphs away without tokenizing them; it must never turn away
/// one in which `SourceAnaphor.firstPhrase` finds a referring phrase.
final class AnaphorScreenTests: XCTestCase {
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

    func testNoPhraseEndIsSpelledByNonASCIILettersAlone() {
        // Everything a non-ASCII letter folds to that is plain ASCII.
        var folds: Set<[UInt8]> = []
        for value in 0x80..<0x20000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for token in Tokenizer().tokens(in: String(Character(scalar))) where token.folded.utf8.allSatisfy({ $0 < 0x80 }) {
                folds.insert(Array(token.folded.utf8))
            }
        }
        XCTAssertTrue(folds.contains(Array("fi".utf8)), "the ligatures fold to ASCII")
        for (word, spelling) in AnaphorWord.spellings where word.endsPhrase {
            // Which prefixes of the spelling such folds can make, joined end to end.
            var reachable = [true] + [Bool](repeating: false, count: spelling.count)
            for end in 1...spelling.count {
                reachable[end] = folds.contains { fold in
                    fold.count <= end && reachable[end - fold.count] && spelling[(end - fold.count)..<end].elementsEqual(fold)
                }
            }
            XCTAssertFalse(reachable[spelling.count], String(decoding: spelling, as: UTF8.self))
        }
    }

    func testTheScreenLetsThroughEveryCorpusParagraphWithAnAnaphor() throws {
        var random = SplitMix64(seed: 0x5EED_A4A0)
        var (checked, withAnaphor, turnedAway) = (0, 0, 0)
        for text in try Self.corpusParagraphs() {
            for mutation in 0..<4 {
                let mutated = mutation == 0 ? text : Self.mutate(text, &random)
                let (found, passed) = Self.check(mutated)
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
        for number in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + random.below(10)) {
                text += random.element(random.below(2) == 0 ? Self.pieces : Self.phrases) + random.element(Self.separators)
            }
            let (found, passed) = Self.check(text)
            XCTAssertTrue(passed || !found, "case \(number): \(text.debugDescription)")
            if found { withAnaphor += 1 }
        }
        XCTAssertGreaterThan(withAnaphor, 1000)
    }

    /// Whether the text holds a phrase, and whether the screen lets it through.
    private static func check(_ text: String) -> (found: Bool, passed: Bool) {
        var copy = text
        return copy.withUTF8 { bytes in
            (SourceAnaphor.firstPhrase(in: bytes) != nil, AnaphorScreen.phraseEnds.mayHoldAnaphor(bytes))
        }
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
