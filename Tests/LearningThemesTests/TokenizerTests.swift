import XCTest
@testable import LearningThemes

final class TokenizerTests: XCTestCase {
    private func folded(_ text: String) -> [String] { Tokenizer().tokens(in: text).map(\.folded) }

    func testFoldsCaseAndSplitsOnPunctuation() {
        XCTAssertEqual(folded("Professional Curiosity, (CSCP)!"), ["professional", "curiosity", "cscp"])
    }

    func testApostrophesStraightAndCurlyFoldAlike() {
        XCTAssertEqual(folded("children's"), ["children"])
        XCTAssertEqual(folded("children’s"), ["children"])
        XCTAssertEqual(folded("mother‘s don't don’t fathers'"), ["mother", "dont", "dont", "fathers"])
    }

    func testDashesAndHyphensSeparateWords() {
        for text in ["multi-agency", "multi–agency", "multi—agency", "multi‐agency", "multi agency", "multi−agency"] {
            XCTAssertEqual(folded(text), ["multi", "agency"], text)
        }
        XCTAssertEqual(folded("multiagency"), ["multiagency"])
    }

    func testLigaturesAndAccentsFold() {
        XCTAssertEqual(folded("ﬁndings ﬂagged eﬀective oﬃce"), ["findings", "flagged", "effective", "office"])
        XCTAssertEqual(folded("Café naïve RÉSUMÉ Œuvre"), ["cafe", "naive", "resume", "oeuvre"])
    }

    func testByteOffsetsQuoteTheSourceExactly() {
        let text = "“Invisible” men – and fathers’ roles"
        let tokens = Tokenizer().tokens(in: text)
        let bytes = Array(text.utf8)
        let quoted = tokens.map { String(decoding: bytes[$0.bytes], as: UTF8.self) }
        XCTAssertEqual(quoted, ["Invisible", "men", "and", "fathers", "roles"])
        XCTAssertEqual(tokens.map(\.folded), ["invisible", "men", "and", "fathers", "roles"])
        for (previous, next) in zip(tokens, tokens.dropFirst()) {
            XCTAssertLessThanOrEqual(previous.bytes.upperBound, next.bytes.lowerBound)
        }
    }

    func testSentencesEndAtFullStopsButNotAbbreviationsOrNumbers() {
        let tokens = Tokenizer().tokens(in: "See clause 4.14 e.g. Dr. Smith said so. Then more! And? Done")
        let sentenceOf = Dictionary(tokens.map { ($0.folded, $0.sentence) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(sentenceOf["see"], 0)
        XCTAssertEqual(sentenceOf["14"], 0)
        XCTAssertEqual(sentenceOf["smith"], 0)
        XCTAssertEqual(sentenceOf["then"], 1)
        XCTAssertEqual(sentenceOf["and"], 2)
        XCTAssertEqual(sentenceOf["done"], 3)
    }

    /// `Abbreviations` folds case by setting bit 0x20 of every byte; this checks it against
    /// plain lower-casing of ASCII letters, on the words themselves in every case and on
    /// random bytes, including those that bit maps onto letters' neighbours (`@`, `[`, `^`).
    func testAbbreviationLookUpAgreesWithLowerCasing() {
        let words: Set<[UInt8]> = Set(["dr", "mr", "ms", "no", "st", "vs", "mrs", "ref", "nos", "cllr", "prof", "approx"].map { Array($0.utf8) })
        func expected(_ bytes: [UInt8]) -> Bool {
            bytes.count == 1 || words.contains(bytes.map { (65...90).contains($0) ? $0 + 32 : $0 })
        }
        func found(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { Abbreviations.contains($0, 0..<bytes.count) }
        }
        for word in words {
            for mask in 0..<(1 << word.count) {
                let cased = word.enumerated().map { mask & (1 << $0.offset) != 0 ? $0.element - 32 : $0.element }
                XCTAssertTrue(found(cased), "\(cased)")
            }
        }
        let alphabet: [UInt8] = Array("drmsnotvefclpaxDRMSNOTVEFCLPAX@[^`{'.0".utf8) + [0x80, 0xC3, 0xFF, 0x00]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let bytes = (0..<Int.random(in: 1...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            XCTAssertEqual(found(bytes), expected(bytes), "\(bytes)")
        }
    }

    func testVeryLongWordIsOneTokenWithCappedFoldedForm() {
        let word = String(repeating: "a", count: 1_000_000)
        let tokens = Tokenizer().tokens(in: "x \(word) y")
        XCTAssertEqual(tokens.count, 3)
        XCTAssertEqual(tokens[1].bytes, 2..<1_000_002)
        XCTAssertEqual(tokens[1].folded.utf8.count, Tokenizer.maximumFoldedLength)
    }

    func testInvalidBytesAndReplacementCharactersAreSeparators() {
        var bytes = Array("abc".utf8) + [0xFF, 0xC3] + Array("def".utf8) + [0x00] + Array("\u{FFFD}ghi".utf8)
        let tokens = bytes.withUnsafeMutableBufferPointer { buffer -> [String] in
            var result: [String] = []
            Tokenizer().forEachToken(in: UnsafeBufferPointer(buffer)) { _, _, folded in
                result.append(String(decoding: folded, as: UTF8.self))
            }
            return result
        }
        XCTAssertEqual(tokens, ["abc", "def", "ghi"])
    }

    /// Found by fuzzing: U+02BC (a modifier-letter apostrophe) alone made an empty token
    /// that the scanner returned forever.
    func testModifierApostropheAloneEndsAndNeverStalls() {
        XCTAssertEqual(folded("\u{02BC}"), [])
        XCTAssertEqual(folded("a \u{02BC} b\u{02BC}s c\u{02BC}d"), ["a", "b", "cd"])
        XCTAssertEqual(folded(String(repeating: "\u{02BC}", count: 1000)), [])
    }
}
