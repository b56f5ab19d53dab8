import Foundation
import XCTest
@testable import LearningThemes

/// The line scanner notes, in the one pass that splits the lines, which lines the cleaner
/// would leave as they are, and the segmenter copies those instead of cleaning them. These
/// tests hold that shortcut to the cleaner and to a naive scan, on the corpus documents and
/// on mutations of them full of the bytes the cleaner rewrites.
final class SegmenterPlainLineTests: XCTestCase {
    private typealias Segmenter = ParagraphSegmenter

    /// The lines `SourceLines.scan` finds, as an array the test owns.
    private func lines(_ bytes: UnsafeBufferPointer<UInt8>, census: inout Segmenter.RunningTitles.Census) -> [Segmenter.SourceLine] {
        let lines = Segmenter.SourceLines.scan(bytes, census: &census)
        defer { lines.deallocate() }
        return Array(lines.elements)
    }

    func testPlainLinesAreTheirOwnCleanedText() throws {
        var plainLines = 0
        for input in try inputs() {
            input.withUnsafeBufferPointer { bytes in
                var census = Segmenter.RunningTitles.Census()
                for line in lines(bytes, census: &census) where line.isPlain && line.start < line.end {
                    plainLines += 1
                    // A tabbed line is cleaned cell by cell, each cell trimmed.
                    for cell in cells(bytes, line.start, line.end) {
                        let cleaned = Segmenter.TextBuffer()
                        Segmenter.TextCleaner.clean(bytes, cell.lowerBound, cell.upperBound, into: cleaned)
                        XCTAssertEqual(String(decoding: cleaned.array, as: UTF8.self),
                                       String(decoding: bytes[trimmedBlanks(bytes, cell)], as: UTF8.self), "line \(line.number)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(plainLines, 1000)
    }

    func testLineMeasuresMatchANaiveScan() throws {
        for input in try inputs() {
            let expected = naiveMeasures(input)
            input.withUnsafeBufferPointer { bytes in
                var census = Segmenter.RunningTitles.Census()
                for line in lines(bytes, census: &census) where line.start < line.end {
                    guard let measure = expected[line.start] else {
                        XCTFail("no line starts at \(line.start)")
                        continue
                    }
                    XCTAssertEqual(line.end, measure.end)
                    XCTAssertEqual(line.number, measure.number)
                    XCTAssertEqual(line.characters, measure.characters, "line \(line.number)")
                    XCTAssertEqual(line.hasAngle, measure.hasAngle, "line \(line.number)")
                }
            }
        }
    }

    // MARK: Reference

    private struct Measure {
        var end: Int
        var number: Int
        var characters: Int
        var hasAngle: Bool
    }

    /// Each non-blank line by its trimmed start, measured one byte at a time.
    private func naiveMeasures(_ input: [UInt8]) -> [Int: Measure] {
        var measures: [Int: Measure] = [:]
        var number = 1
        var start = 0
        for index in 0...input.count where index == input.count || input[index] == 0x0A || input[index] == 0x0C {
            let raw = start..<index
            var first = raw.lowerBound
            var last = raw.upperBound
            while first < last {
                if isBlank(input[first]) { first += 1 } else if isNoBreakSpace(input, first, last) { first += 2 } else { break }
            }
            while last > first {
                if isBlank(input[last - 1]) { last -= 1 } else if last - first >= 2 && isNoBreakSpace(input, last - 2, last) { last -= 2 } else { break }
            }
            if first < last {
                let continuations = input[raw].filter { $0 & 0xC0 == 0x80 }.count
                measures[first] = Measure(end: last, number: number, characters: max(0, last - first - continuations),
                                          hasAngle: input[raw].contains(UInt8(ascii: "<")))
            }
            if index < input.count && input[index] == 0x0A { number += 1 }
            start = index + 1
        }
        return measures
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }

    private func isNoBreakSpace(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Bool {
        index + 1 < end && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0
    }

    private func cells(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var cellStart = start
        for index in start...end where index == end || bytes[index] == 0x09 {
            cells.append(cellStart..<index)
            cellStart = index + 1
        }
        return cells
    }

    private func trimmedBlanks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var first = range.lowerBound
        var last = range.upperBound
        while first < last && isBlank(bytes[first]) { first += 1 }
        while last > first && isBlank(bytes[last - 1]) { last -= 1 }
        return first..<last
    }

    /// The unit producer joins the plain lines of a unit opening with a word straight into
    /// place and classifies the joined text without reading it for markers: the same unit
    /// as classifying the joined bytes in full, for runs of two to four lines of text.
    func testJoinedPlainUnitsClassifyAsTheirBytesDo() throws {
        var compared = 0
        var headings = 0
        for input in try inputs() {
            input.withUnsafeBufferPointer { bytes in
                var census = Segmenter.RunningTitles.Census()
                let found = lines(bytes, census: &census)
                for (index, first) in found.enumerated() where first.kind == .text {
                    for count in 2...4 where index + count <= found.count {
                        let unit = found[index..<index + count]
                        guard unit.allSatisfy({ $0.kind == .text && $0.isPlain }),
                              Segmenter.ListMarkers.opensWithWord(bytes, first.start, first.end) else { continue }
                        let joined = Segmenter.TextBuffer()
                        for line in unit { Segmenter.LineJoiner.append(bytes, line.start, line.end, to: joined) }
                        let expectedText = Segmenter.TextBuffer()
                        let expected = joined.withBytes {
                            Segmenter.UnitClassifier.classify($0, 0, $0.count, origin: .textBlock(lineCount: count), lines: 1...count,
                                                              followsBreak: true, isPlain: true, endsOnLongLine: true, into: expectedText)
                        }
                        let shortcut = Segmenter.UnitClassifier.classify(joinedPlainText: joined, lineCount: count, lines: 1...count,
                                                                         followsBreak: true, endsOnLongLine: true)
                        XCTAssertTrue(expectedText.hasSameBytes(as: joined))
                        XCTAssertEqual(shortcut.kind, expected.kind)
                        XCTAssertEqual(shortcut.role, expected.role)
                        XCTAssertEqual(shortcut.number, expected.number)
                        XCTAssertEqual(shortcut.isPlainText, expected.isPlainText)
                        XCTAssertEqual(shortcut.firstLine...shortcut.lastLine, expected.firstLine...expected.lastLine)
                        XCTAssertEqual(shortcut.followsBreak, expected.followsBreak)
                        XCTAssertEqual(shortcut.endsOnLongLine, expected.endsOnLongLine)
                        compared += 1
                        if expected.kind != .body { headings += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 1000)
        XCTAssertGreaterThan(headings, 10)
    }

    // MARK: Inputs

    /// The corpus documents, and pieces of them with markup, references, odd blanks,
    /// invisible and multi-byte characters and line ends spliced in at character boundaries.
    private func inputs() throws -> [[UInt8]] {
        let folder = TestSupport.path("corpus/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        let documents = try names.map { try DocumentLoader.load(path: (folder as NSString).appendingPathComponent($0)).bytes }
        XCTAssertFalse(documents.isEmpty)
        let pieces = ["  ", "   ", "\t", "\t\t", "<p>", "</li>", "<b>", "&amp;", "&nbsp;", "**", "*", "_", "[", "!", "&", "<",
                      "[link](http://x.org)", "\u{A0}", "\u{AD}", "\u{200B}", "\u{FEFF}", "\u{2019}", "\u{2013}", "\u{E9}", "\u{2022} ",
                      "\r", "\u{0C}", "\u{0}", "\u{7F}", "\u{1}", "-\n", "\n", "\n\n", " \n", "\u{A0}\n", "\t\n"].map { Array($0.utf8) }
        var random = SplitMix64(seed: 6)
        var inputs = documents
        for _ in 0..<300 {
            let document = documents[Int(random.next() % UInt64(documents.count))]
            let length = min(document.count, 200 + Int(random.next() % 6000))
            var start = Int(random.next() % UInt64(document.count - length + 1))
            var end = start + length
            while start > 0 && document[start] & 0xC0 == 0x80 { start -= 1 }
            while end < document.count && document[end] & 0xC0 == 0x80 { end += 1 }
            var text = Array(document[start..<end])
            for _ in 0..<Int(random.next() % 40) {
                var position = Int(random.next() % UInt64(text.count + 1))
                while position < text.count && text[position] & 0xC0 == 0x80 { position += 1 }
                text.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: position)
            }
            inputs.append(text)
        }
        return inputs
    }
}
