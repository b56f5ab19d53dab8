import XCTest
@testable import LearningThemes

/// The chunked byte scans of the segmenter against the byte-at-a-time answers they replace.
final class SegmenterByteScanTests: XCTestCase {
    private typealias Bytes = ParagraphSegmenter.Bytes

    func testFirstBlankFindsEveryBlankWhereverItFalls() {
        for length in [0, 1, 15, 16, 17, 31, 33, 70] {
            for position in 0..<max(length, 1) {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if position < length { bytes[position] = UInt8(value) }
                    bytes.withUnsafeBufferPointer { buffer in
                        // Ranges that end inside a chunk must not see the bytes past their end.
                        for (start, end) in [(0, length), (0, max(0, length - 1)), (min(1, length), length)] {
                            var expected = start
                            while expected < end && !Bytes.isBlank(buffer[expected]) { expected += 1 }
                            XCTAssertEqual(Bytes.firstBlank(buffer, start, end), expected,
                                           "byte \(value) at \(position) of \(length), range \(start)..<\(end)")
                        }
                    }
                }
            }
        }
    }

    func testWordMasksFlagExactlyTheBytesThatQualify() {
        for value in 0...255 {
            for position in 0..<8 {
                // Neighbours on both sides of the limits, so that a borrow or carry would show.
                for filler: UInt8 in [0x00, 0x20, 0x21, 0x7F, 0x80, 0xFF] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(value)
                    let word = bytes.withUnsafeBufferPointer { SWAR.word($0, at: 0, padding: 0) }
                    var below: UInt64 = 0
                    var equal: UInt64 = 0
                    for (index, byte) in bytes.enumerated() {
                        if byte < 0x21 { below |= 0x80 << UInt64(8 * index) }
                        if byte == 0x7F { equal |= 0x80 << UInt64(8 * index) }
                    }
                    XCTAssertEqual(SWAR.bytes(below: 0x21, in: word), below, "\(bytes)")
                    XCTAssertEqual(SWAR.bytes(equalTo: 0x7F, in: word), equal, "\(bytes)")
                }
            }
        }
    }

    func testPaddedWordStandsInForTheMissingBytes() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        bytes.withUnsafeBufferPointer { buffer in
            XCTAssertEqual(SWAR.word(buffer, at: 0, padding: 0x20), 0x0807_0605_0403_0201)
            XCTAssertEqual(SWAR.word(buffer, at: 8, padding: 0x20), 0x2020_2020_2020_0A09)
            XCTAssertEqual(SWAR.word(buffer, at: 3, padding: 0x20), 0x200A_0908_0706_0504)
        }
    }

    func testWordCountOfHeadingsAgreesWithByteLoop() {
        let texts = ["", " ", "One", "One two three four five six seven eight", "One two three four five six seven eight nine",
                     "Director, Camden Learning", "CAMHS: Child", "Email x@y", "  leading  and\ttrailing  ",
                     "Onetwothreefourfive sixseveneightnine ten", "a b c d e f g h", "a b c d e f g h i",
                     "Words\u{7F}split by DEL", "Caf\u{E9} na\u{EF}ve r\u{F4}le fa\u{E7}ade", "x,", "12345678 9",
                     "Seven words across the eight byte edges"]
        for text in texts {
            for limit in [0, 1, 4, 8] {
                var expected = true
                var words = 0
                var inWord = false
                for byte in text.utf8 {
                    if Bytes.isBlank(byte) {
                        inWord = false
                    } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@") {
                        expected = false
                    } else if !inWord {
                        inWord = true
                        words += 1
                    }
                }
                expected = expected && words <= limit
                let answer = Array(text.utf8).withUnsafeBufferPointer {
                    ParagraphSegmenter.HeadingShape.hasFewWordsAndNoListMarks($0, limit: limit)
                }
                XCTAssertEqual(answer, expected, "\(text) limit \(limit)")
            }
        }
    }

    func testLastPunctuationAnswersAsTheSearchBehindClosers() {
        let texts = ["", "Done.", "(Done.)", "said \u{201C}yes.\u{201D}", "it\u{2019}s", "\u{2019}", "**Bold:**", "\"')]*",
                     "x\u{99}", "a)", "end]", "\u{201D}."]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let index = Bytes.endBeforeClosers(buffer, 0, buffer.count)
                XCTAssertEqual(Bytes.lastPunctuation(buffer, 0, buffer.count), index > 0 ? buffer[index - 1] : nil, text)
            }
        }
        XCTAssertEqual(Array("Done.".utf8).withUnsafeBufferPointer { Bytes.lastPunctuation($0, 0, $0.count) }, UInt8(ascii: "."))
        XCTAssertEqual(Array("(Done.)".utf8).withUnsafeBufferPointer { Bytes.lastPunctuation($0, 0, $0.count) }, UInt8(ascii: "."))
    }

    func testLengthOutsideBracketsCountsAsByteByByte() {
        let texts = ["", "Plain heading", "(", ")", "Review (Annual Report Section 9: Pg 88-93)", "a (b (c) d) e",
                     "x) y (z", "((unclosed", "before (inside) after (again)", "))) and ((("]
        for text in texts {
            var expected = 0
            var depth = 0
            for byte in text.utf8 {
                if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") && depth > 0 {
                    depth -= 1
                } else if depth == 0 {
                    expected += 1
                }
            }
            let length = Array(text.utf8).withUnsafeBufferPointer { ParagraphSegmenter.HeadingShape.lengthOutsideBrackets($0) }
            XCTAssertEqual(length, expected, text)
        }
    }

    func testLineHashReadsEveryByte() {
        // Lines of a numbered run share their ends; were only the ends hashed, they would all
        // fall in one slot of the running-title table, and counting them would be quadratic.
        let lines = (0..<2_000).map { Array(String(format: "Heading A %06d Heading Z", $0).utf8) }
        let hashes = Set(lines.map { line in
            line.withUnsafeBufferPointer { ParagraphSegmenter.LineHash.of($0, 0, length: $0.count) }
        })
        XCTAssertEqual(hashes.count, lines.count)
        // Every prefix's hash from one pass is the hash of that prefix on its own.
        let line = Array("Annual Report 2023-24 of the partnership".utf8)
        line.withUnsafeBufferPointer { bytes in
            var prefixes = ParagraphSegmenter.LineHash.Prefixes(bytes, 0)
            for length in 1...bytes.count {
                XCTAssertEqual(prefixes.hash(length: length), ParagraphSegmenter.LineHash.of(bytes, 0, length: length))
            }
        }
    }
}
