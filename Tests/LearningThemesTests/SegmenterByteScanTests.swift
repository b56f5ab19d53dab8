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
