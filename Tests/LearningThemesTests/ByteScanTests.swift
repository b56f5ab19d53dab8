import XCTest
@testable import LearningThemes

/// The word-at-a-time tests of the reader against the byte-at-a-time answers they replace.
final class ByteScanTests: XCTestCase {
    func testWordTestsAnswerAsByteByByte() {
        // Borrows between lanes are where such tricks go wrong: words mixing bytes just
        // below, at and above the limit in every lane, and random ones.
        var generator = SystemRandomNumberGenerator()
        let edgeBytes: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0x81, 0xFF]
        var words: [UInt64] = (0..<4000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        for _ in 0..<4000 {
            words.append((0..<8).reduce(UInt64(0)) { word, lane in word | UInt64(edgeBytes.randomElement(using: &generator)!) << (8 * UInt64(lane)) })
        }
        for word in words {
            let lanes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
            for limit: UInt8 in [1, 0x09, 0x20, 0x21, 0x80] {
                XCTAssertEqual(SWAR.hasByteBelow(limit, in: word), lanes.contains { $0 < limit }, "\(word) < \(limit)")
            }
            for byte: UInt8 in [0x00, 0x09, 0x20, 0x0A, 0x80, 0xFF] {
                XCTAssertEqual(SWAR.hasByte(byte, in: word), lanes.contains(byte), "\(word) has \(byte)")
            }
        }
    }

    func testTextSampleCountsAsByteByByte() {
        // Every byte value at every position of a block, among text bytes and among bytes
        // that are themselves counted, in samples cut at odd and even lengths.
        for value in 0...255 {
            for filler: UInt8 in [0x41, 0x0A, 0x00, 0x7F, 0xC3, 0x1B] {
                for length in [7, 16, 33] {
                    for position in [0, 5, length - 1] {
                        var bytes = [UInt8](repeating: filler, count: length)
                        bytes[position] = UInt8(value)
                        assertSampleCountsAsByteByByte(bytes, "byte \(value) at \(position) of \(length) among \(filler)")
                    }
                }
            }
        }
        // Past the sample length nothing counts.
        var long = [UInt8](repeating: 0x61, count: TextSample.length + 40)
        for offset in stride(from: 3, to: long.count, by: 97) { long[offset] = UInt8(offset % 32) }
        assertSampleCountsAsByteByByte(long, "long")
    }

    private func assertSampleCountsAsByteByByte(_ bytes: [UInt8], _ message: String) {
        let count = min(bytes.count, TextSample.length)
        var expected = (nul: 0, control: 0, even: 0, odd: 0)
        for (offset, byte) in bytes.prefix(count).enumerated() {
            ControlBytes.count(byte, &expected.nul, &expected.control)
            if byte == 0, offset < count & ~1 {
                if offset % 2 == 0 { expected.even += 1 } else { expected.odd += 1 }
            }
        }
        let sample = TextSample(bytes)
        XCTAssertEqual(sample.nulBytes, expected.nul, message)
        XCTAssertEqual(sample.controlBytes, expected.control, message)
        XCTAssertEqual(sample.zerosAtEven, expected.even, message)
        XCTAssertEqual(sample.zerosAtOdd, expected.odd, message)
    }

    func testUTF8SurveyFindsEveryNulAndHighByteWhereverItFalls() {
        for length in [1, 7, 8, 63, 64, 65, 130] {
            for position in 0..<length {
                for odd: UInt8 in [0x00, 0x80, 0xFF] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[position] = odd
                    let survey = UTF8Survey(bytes)
                    XCTAssertEqual(survey.nulBytes, odd == 0 ? 1 : 0, "\(odd) at \(position) of \(length)")
                    XCTAssertEqual(survey.invalidSequences, odd == 0 ? 0 : 1, "\(odd) at \(position) of \(length)")
                }
            }
        }
    }

    func testFileExtensionOfASCIINamesIsTheLowerCasedTextAfterTheLastDot() {
        XCTAssertEqual(FormatSniffing.fileExtension(of: "a/b.c/Report.TXT"), "txt")
        XCTAssertEqual(FormatSniffing.fileExtension(of: "a.b/report"), "")
        XCTAssertEqual(FormatSniffing.fileExtension(of: "docs/.hidden"), "")
        XCTAssertEqual(FormatSniffing.fileExtension(of: "report."), "")
        XCTAssertEqual(FormatSniffing.fileExtension(of: "<stdin>"), "")
        XCTAssertEqual(FormatSniffing.fileExtension(of: "r\u{E9}sum\u{E9}.MD"), "md")
    }
}
