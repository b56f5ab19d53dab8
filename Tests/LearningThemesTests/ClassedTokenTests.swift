import XCTest
@testable import LearningThemes

/// The matcher tokenizes with its word trie stepped inside the scanner's byte loop; these
/// check that it finds exactly the tokens `Tokenizer` does, each with the class its folded
/// form walks to in the trie one byte at a time.
final class ClassedTokenTests: XCTestCase {
    private static let matcher = Matcher(ruleSet: try! RuleSet.load(directory: TestSupport.path("rules")))

    private struct Found: Equatable {
        var start: Int32, end: Int32, sentence: Int32, index: Int32, tokenClass: Int32
    }

    private func fast(_ bytes: [UInt8]) -> (tokens: [Found], count: Int) {
        var buffer = ScratchBuffer<ClassedToken>(capacity: 1)
        defer { buffer.deallocate() }
        let count = bytes.withUnsafeBufferPointer { Self.matcher.wordTrie.collectClassedTokens(in: $0, into: &buffer) }
        let tokens = (0..<buffer.count).map { index in
            let token = buffer[index]
            return Found(start: token.start, end: token.end, sentence: token.sentence, index: token.index, tokenClass: token.tokenClass)
        }
        return (tokens, count)
    }

    /// The same from `Tokenizer`'s tokens, classing each folded form byte by byte.
    private func slow(_ bytes: [UInt8]) -> (tokens: [Found], count: Int) {
        var tokens: [Found] = []
        var count = 0
        bytes.withUnsafeBufferPointer { text in
            Tokenizer().forEachToken(in: text) { range, sentence, folded in
                var walker = TrieWalker(trie: Self.matcher.wordTrie)
                walker.beginWord()
                for byte in folded { walker.append(byte) }
                if walker.tokenClass != WordTrie.noClass {
                    tokens.append(Found(start: Int32(range.lowerBound), end: Int32(range.upperBound), sentence: Int32(sentence),
                                        index: Int32(count), tokenClass: walker.tokenClass))
                }
                count += 1
            }
        }
        return (tokens, count)
    }

    private func assertAgree(_ bytes: [UInt8], _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        let (fastTokens, fastCount) = fast(bytes)
        let (slowTokens, slowCount) = slow(bytes)
        XCTAssertEqual(fastCount, slowCount, message(), file: file, line: line)
        XCTAssertEqual(fastTokens, slowTokens, message(), file: file, line: line)
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
