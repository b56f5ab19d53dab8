import XCTest
@testable import LearningThemes

/// The detector's scans pass over eight bytes at a time (`MetadataDetector.WordScan`);
/// these check that no alignment of the text makes them miss what a byte-by-byte look
/// finds, on the seed documents' own lines and on spans planted at every offset.
final class WordScanTests: XCTestCase {
    private typealias ScanText = MetadataDetector.ScanText
    private typealias TextWindow = MetadataDetector.TextWindow

    private static let seeds = ["000_e02728fd870d2b9b.txt", "001_ac00c8670f1ab85a.txt",
                                "003_d2ec2fb248091264.txt", "004_88e82ee6e365f5e3.txt"]

    /// The seeds' first lines, each alone and with a stretch of the next ones.
    private static let stretches: [String] = seeds.flatMap { name -> [String] in
        let lines = TestSupport.seed(name).split(separator: "\n", omittingEmptySubsequences: false).prefix(150).map(String.init)
        return lines.indices.flatMap { [lines[$0], lines[$0..<min($0 + 4, lines.count)].joined(separator: "\n")] }
    }

    /// `mayBeNamed` as it read every byte: "partnership" or "board" starting anywhere.
    private static func holdsBodyWord(_ text: String) -> Bool {
        let lower = Array(text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return [Array("partnership".utf8), Array("board".utf8)].contains { word in
            lower.count >= word.count && (0...(lower.count - word.count)).contains { lower[$0..<($0 + word.count)].elementsEqual(word) }
        }
    }

    func testMayBeNamedAgreesWithAByteByByteLookAtEveryAlignment() {
        for stretch in Self.stretches {
            for padding in 0..<9 {
                let text = String(repeating: " ", count: padding) + stretch
                let bytes = Array(text.utf8)
                // A window starting at the padding reads the stretch at another alignment.
                let scan = ScanText(bytes: bytes, range: padding..<bytes.count)
                XCTAssertEqual(MetadataDetector.PartnershipName.mayBeNamed(in: scan), Self.holdsBodyWord(stretch), stretch)
            }
        }
        for offset in 0..<24 {
            let planted = String(repeating: "x", count: offset) + "BoArD"
            XCTAssertTrue(MetadataDetector.PartnershipName.mayBeNamed(in: ScanText(planted)), planted)
        }
    }

    /// The periods of a window and where each starts, from the window's start.
    private static func periods(in text: String, padding: Int) -> [String] {
        let bytes = Array((String(repeating: "\n", count: padding) + text).utf8)
        let window = TextWindow(text: ScanText(bytes: bytes, range: padding..<bytes.count), lineStarts: [padding], firstLine: 1)
        return MetadataDetector.ReportingPeriod.mentions(in: window).map { "\($0.period)@\($0.range.lowerBound - padding)" }
    }

    func testPeriodsAreFoundWhateverTheAlignment() {
        for stretch in Self.stretches {
            let expected = Self.periods(in: stretch, padding: 0)
            for padding in 1..<9 {
                XCTAssertEqual(Self.periods(in: stretch, padding: padding), expected, stretch)
            }
        }
        for span in ["April 2022 to March 2023", "apr 2022 - mar 2023", "2019/20", "1999-00", "2022–2023"] {
            for offset in 0..<20 {
                let text = String(repeating: "x", count: offset) + " " + span + " end"
                XCTAssertEqual(Self.periods(in: text, padding: 0).count, 1, text)
            }
        }
    }
}
