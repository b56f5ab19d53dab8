import XCTest
@testable import LearningThemes

/// The word-at-a-time tests of the reader against the byte-at-a-time answers they replace.
final class ByteScanTests: XCTestCase {
    func testControlBytesOfAWordAreCountedAsByteByByte() {
        for value in 0...255 {
            for position in 0..<8 {
                // The tested byte among text bytes, and among bytes that are themselves counted.
                for filler: UInt8 in [0x41, 0x0A, 0x00, 0x7F, 0xC3] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(value)
                    var expected = (nul: 0, control: 0)
                    for byte in bytes { ControlBytes.count(byte, &expected.nul, &expected.control) }
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    var counted = (nul: 0, control: 0)
                    ControlBytes.count(inWord: word, &counted.nul, &counted.control)
                    XCTAssertEqual(counted.nul, expected.nul, "byte \(value) at \(position) among \(filler)")
                    XCTAssertEqual(counted.control, expected.control, "byte \(value) at \(position) among \(filler)")
                }
            }
        }
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
