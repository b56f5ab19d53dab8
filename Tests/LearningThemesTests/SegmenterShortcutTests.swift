import Foundation
import XCTest
@testable import LearningThemes

/// Shortcuts the block splitter and the list-marker parser take for speed, held to the
/// full computations they stand in for.
final class SegmenterShortcutTests: XCTestCase {
    private typealias Segmenter = ParagraphSegmenter

    /// A line the splitter passes over as continuing the sentence above has no marker and
    /// does not start a sentence, so no rule of `breaksBefore` could start a unit at it.
    func testLinesContinuingASentenceHaveNoMarkerAndStartNoSentence() throws {
        let folder = TestSupport.path("corpus/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        var documents = try names.map { try DocumentLoader.load(path: (folder as NSString).appendingPathComponent($0)).bytes }
        documents.append(Array("a) item\nb) item\nx\nab\nb)\nand so on\n(c) item\nétude\n".utf8))
        var passedOver = 0
        for document in documents {
            document.withUnsafeBufferPointer { bytes in
                var census = Segmenter.RunningTitles.Census()
                let lines = Segmenter.SourceLines.scan(bytes, census: &census)
                defer { lines.deallocate() }
                for line in lines.elements where line.kind == .text {
                    let parsed = Segmenter.ListMarkers.parse(bytes, line.start, line.end)
                    let shape = Segmenter.LineShape(bytes, line, parsed: parsed)
                    guard Segmenter.LineShape.continuesSentence(bytes, line) else { continue }
                    passedOver += 1
                    XCTAssertTrue(parsed.isEmpty, "line \(line.number)")
                    XCTAssertEqual(shape.marker, .none, "line \(line.number)")
                    XCTAssertFalse(shape.startsSentence, "line \(line.number)")
                }
            }
        }
        XCTAssertGreaterThan(passedOver, 1000)
    }

    /// Clause numbers keep their parts in narrow fields; every number a line can open with fits.
    func testClauseNumbersKeepTheirParts() {
        let cases: [(String, ClauseNumberParts)] = [
            ("12.3.999 The review", ClauseNumberParts(depth: 3, last: 999, parent: 12_003)),
            ("4.14** Answer", ClauseNumberParts(depth: 2, last: 14, parent: 4)),
            ("7. Purpose", ClauseNumberParts(depth: 1, last: 7, parent: 0)),
            ("z) item", ClauseNumberParts(depth: 1, last: 26, parent: 0)),
            ("(12) resolved", ClauseNumberParts(depth: 1, last: 12, parent: 0)),
        ]
        for (text, expected) in cases {
            let bytes = Array(text.utf8)
            let number = bytes.withUnsafeBufferPointer { Segmenter.ListMarkers.parse($0, 0, $0.count).number }
            XCTAssertEqual(number.map { ClauseNumberParts(depth: $0.depth, last: $0.last, parent: $0.parent) }, expected, text)
        }
        let deep = Segmenter.ClauseNumber(style: .dotted, depth: 40_000, last: 999, parent: -1, starred: true)
        XCTAssertEqual(deep.depth, 40_000)
        XCTAssertEqual(deep.last, 999)
        XCTAssertEqual(deep.parent, -1)
        XCTAssertTrue(deep.starred)
    }

    private struct ClauseNumberParts: Equatable {
        var depth: Int
        var last: Int
        var parent: Int
    }
}
