import XCTest
@testable import LearningThemes

/// The matcher tokenizes with its word trie stepped inside the scanner's byte loop; these
/// check that it finds exactly the tokens `Tokenizer` does, each with the class its folded
/// form walks to in the trie one byte at a time, and that the recorders the matcher uses
/// keep each token's sentence and bytes.
final class ScannedTokenTests: XCTestCase {
    private static let matcher = Matcher(ruleSet: try! RuleSet.load(directory: TestSupport.path("rules")))

    private struct Found: Equatable {
        var start: Int32, end: Int32, sentence: Int32, index: Int32, tokenClass: Int32
    }

    /// Keeps every token the scan reports.
    private struct Collector: TokenRecorder {
        var tokens: [Found] = []
        var sentence: Int32 = 0

        init(buffers: MatchBuffers, tokenLimit: Int) {}

        mutating func record(start: Int, end: Int, ordinal: Int, tokenClass: Int32) {
            tokens.append(Found(start: Int32(start), end: Int32(end), sentence: sentence, index: Int32(ordinal),
                                tokenClass: tokenClass))
        }

        mutating func endSentence(beforeOrdinal ordinal: Int) {
            XCTAssertEqual(ordinal, tokens.count)
            sentence += 1
        }

        mutating func finish(tokenCount: Int) {
            XCTAssertEqual(tokenCount, tokens.count)
        }
    }

    private func fast(_ bytes: [UInt8]) -> [Found] {
        var scratch = MatchScratch(matcher: Self.matcher)
        return bytes.withUnsafeBufferPointer { Self.matcher.scan($0, scratch: &scratch, recording: Collector.self) }.tokens
    }

    /// What `SpanRecorder` keeps, as `Found`s with no class.
    private func recorded(_ bytes: [UInt8], count: Int) -> [Found] {
        var scratch = MatchScratch(matcher: Self.matcher)
        _ = bytes.withUnsafeBufferPointer { Self.matcher.scan($0, scratch: &scratch, recording: SpanRecorder.self) }
        let buffers = scratch.buffers
        return (0..<count).map { index in
            Found(start: buffers.spans[index].start, end: buffers.spans[index].end, sentence: buffers.sentences[index],
                  index: Int32(index), tokenClass: 0)
        }
    }

    /// The same from `Tokenizer`'s tokens, classing each folded form byte by byte.
    private func slow(_ bytes: [UInt8]) -> [Found] {
        var tokens: [Found] = []
        bytes.withUnsafeBufferPointer { text in
            Tokenizer().forEachToken(in: text) { range, sentence, folded in
                var walker = TrieWalker(trie: Self.matcher.wordTrie)
                walker.beginWord()
                for byte in folded { walker.append(byte) }
                tokens.append(Found(start: Int32(range.lowerBound), end: Int32(range.upperBound), sentence: Int32(sentence),
                                    index: Int32(tokens.count), tokenClass: walker.tokenClass))
            }
        }
        return tokens
    }

    private func assertAgree(_ bytes: [UInt8], _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        let slowTokens = slow(bytes)
        XCTAssertEqual(fast(bytes), slowTokens, message(), file: file, line: line)
        let unclassed = slowTokens.map { Found(start: $0.start, end: $0.end, sentence: $0.sentence, index: $0.index, tokenClass: 0) }
        XCTAssertEqual(recorded(bytes, count: slowTokens.count), unclassed, message(), file: file, line: line)
    }

    func testAgreesWithTokenizerOnCorpusDocuments() throws {
        let folder = TestSupport.path("corpus/documents")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".txt") {
            let bytes = [UInt8](FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))!)
            assertAgree(bytes, name)
            for paragraph in ParagraphSegmenter().segment(bytes) { assertAgree(Array(paragraph.text.utf8), name) }
        }
    }

    func testAgreesWithTokenizerOnGeneratedText() {
        let pieces: [[UInt8]] = ["child", "Safeguarding", "practice", "REVIEW", "neglect", "mother", "x", "4", "14", "Dr", "e",
                                 "g", " ", " ", "  ", "\n", "\r\n", "\t", ".", ".", "!", "?", "...", "'", "'s", "’", "’s", "ʼ",
                                 "‘", "-", "–", "(", ")", "\"", "”", "é", "Café", "Œ", "ﬁ", "…", "×", "\u{FFFD}", "😀",
                                 "children's", "don't", "e.g.", "4.14", "www.x.org"].map { Array($0.utf8) }
            + [[0xFF], [0xC3], [0xE2, 0x80], [0x80], [0x00], [0xF0, 0x9F]]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            assertAgree(bytes, "round \(round): \(bytes)")
        }
    }

    func testPairRowsAreTwoSteps() {
        let trie = Self.matcher.wordTrie
        for first in 0..<256 {
            for second in 0..<256 {
                let pair = [UInt8(first), UInt8(second)]
                var paired = TrieWalker(trie: trie)
                let began = pair.withUnsafeBufferPointer { paired.beginWord(withPairAt: $0.baseAddress!) }
                let codes = (trie.byteCodes[first], trie.byteCodes[second])
                XCTAssertEqual(began, ByteCode.isWord(codes.0) && ByteCode.isWord(codes.1), "\(pair)")
                guard began else { continue }
                var stepped = TrieWalker(trie: trie)
                stepped.beginWord()
                stepped.step(codes.0)
                stepped.step(codes.1)
                XCTAssertEqual(paired.tokenClass, stepped.tokenClass, "\(pair)")
            }
        }
    }

    func testEdgesOfTheText() {
        for text in ["", "a", "a.", "word", " word", "word ", "Dr.", "children's", "café", "ﬁ", "’", "a’", "..", "x y z",
                     String(repeating: "ab ", count: 100), String(repeating: "a", count: 5000)] {
            assertAgree(Array(text.utf8), text)
        }
    }
}
