import Foundation
import XCTest

@testable import LearningThemes

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Helpers

private func utf8(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

private func render(
    _ table: DataTable, as format: TableFormat, options: TableWriter.Options = TableWriter.Options()
) -> String {
    utf8(TableWriter(format: format, options: options).render(table))
}

private let noBOM = TableWriter.Options(csvByteOrderMark: false)

/// One text column, so each case is one CSV record.
private func singleTextColumn(_ values: [String]) -> DataTable {
    DataTable(columns: [.init(id: "text")], rows: values.map { [.text($0)] })
}

/// A deliberately small RFC 4180 reader, independent of the writer, so a round trip
/// proves the output is standard CSV rather than merely what the writer expects.
private func parseCSV(_ text: String) throws -> [[String]] {
    enum ParseError: Error { case quoteInsideUnquotedField, unterminatedQuote, textAfterClosingQuote }
    var records: [[String]] = []
    var record: [String] = []
    var field = String.UnicodeScalarView()
    var scalars = Array(text.unicodeScalars)[...]
    var inQuotes = false
    var fieldWasQuoted = false
    while let scalar = scalars.popFirst() {
        if inQuotes {
            if scalar == "\"" {
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    field.append("\"")
                } else {
                    inQuotes = false
                    if let next = scalars.first, next != ",", next != "\r" { throw ParseError.textAfterClosingQuote }
                }
            } else {
                field.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"":
            guard field.isEmpty, !fieldWasQuoted else { throw ParseError.quoteInsideUnquotedField }
            inQuotes = true
            fieldWasQuoted = true
        case ",":
            record.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        case "\r" where scalars.first == "\n":
            scalars.removeFirst()
            record.append(String(field))
            records.append(record)
            record = []
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        default:
            field.append(scalar)
        }
    }
    if inQuotes { throw ParseError.unterminatedQuote }
    if !field.isEmpty || !record.isEmpty { record.append(String(field)); records.append(record) }
    return records
}

// MARK: - CSV

final class CSVExportTests: XCTestCase {
    func testQuotesCommaQuoteLineBreaksAndOuterSpaces() {
        let table = singleTextColumn(["a,b", "say \"hi\"", "line1\nline2", "cr\rhere", " lead", "trail ", "plain", ""])
        XCTAssertEqual(
            render(table, as: .csv, options: noBOM),
            "text\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"line1\nline2\"\r\n\"cr\rhere\"\r\n\" lead\"\r\n\"trail \"\r\nplain\r\n\r\n")
    }

    func testByteOrderMarkIsOnByDefaultAndCanBeOmitted() {
        let table = singleTextColumn(["x"])
        let withMark = TableWriter(format: .csv).render(table)
        XCTAssertEqual(Array(withMark.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(utf8(Array(withMark.dropFirst(3))), "text\r\nx\r\n")
        let withoutMark = TableWriter(format: .csv, options: noBOM).render(table)
        XCTAssertEqual(utf8(withoutMark), "text\r\nx\r\n")
    }

    func testFormulaTextIsNeutralisedButTypedNumbersAreNot() {
        let table = DataTable(
            columns: [.init(id: "text"), .init(id: "value")],
            rows: [
                [.text("=SUM(A1)"), .number(-0.5, decimals: 1)],
                [.text("+1"), .integer(-3)],
                [.text("-2+3"), .number(-2, decimals: 2)],
                [.text("@cmd"), .empty],
                [.text("\tindented"), .empty],
                [.text("\rreturn"), .empty],
                [.text("a=b"), .empty],
            ])
        XCTAssertEqual(
            render(table, as: .csv, options: noBOM),
            "text,value\r\n'=SUM(A1),-0.5\r\n'+1,-3\r\n'-2+3,-2.00\r\n'@cmd,\r\n'\tindented,\r\n\"'\rreturn\",\r\na=b,\r\n")
    }

    func testNeutralisationCanBeSwitchedOff() {
        let options = TableWriter.Options(csvByteOrderMark: false, neutraliseFormulas: false)
        XCTAssertEqual(render(singleTextColumn(["=1+1"]), as: .csv, options: options), "text\r\n=1+1\r\n")
    }

    func testRoundTripsThroughAStandardParser() throws {
        let values = [
            "plain", "comma, inside", "quote \" inside", "\"quoted\"", "two\r\nlines", "lf\nonly",
            " spaced ", "", "café – Zürich", "family 👩‍👩‍👧 emoji", "trailing,", ",,,",
        ]
        let table = DataTable(
            columns: [.init(id: "id"), .init(id: "text"), .init(id: "score")],
            rows: values.enumerated().map { [.integer($0.offset), .text($0.element), .number(0.25, decimals: 2)] })
        let csv = render(table, as: .csv)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}"))
        let records = try parseCSV(String(csv.dropFirst()))
        XCTAssertEqual(records.first, ["id", "text", "score"])
        XCTAssertEqual(records.dropFirst().map { $0[1] }, values)
        XCTAssertEqual(records.dropFirst().map { $0[0] }, values.indices.map(String.init))
        XCTAssertTrue(records.allSatisfy { $0.count == 3 })
    }

    func testParserRejectsMalformedCSVSoTheRoundTripMeansSomething() {
        XCTAssertThrowsError(try parseCSV("a\"b\r\n"))
        XCTAssertThrowsError(try parseCSV("\"open\r\n"))
        XCTAssertThrowsError(try parseCSV("\"a\"b\r\n"))
    }

    func testNonFiniteNumbersAreWrittenAsMissing() {
        let table = DataTable(columns: [.init(id: "n")], rows: [[.number(.nan, decimals: 2)], [.number(-.infinity, decimals: 0)]])
        XCTAssertEqual(render(table, as: .csv, options: noBOM), "n\r\n\r\n\r\n")
    }
}

// MARK: - TSV

final class TSVExportTests: XCTestCase {
    func testCleansTabsAndLineBreaksAndDoesNotQuote() {
        let table = DataTable(
            columns: [.init(id: "a"), .init(id: "b")],
            rows: [
                [.text("x\ty"), .text("one\r\ntwo\nthree\rfour")],
                [.text("say \"hi\", ok"), .integer(-7)],
                [.text("=cmd"), .number(1.5, decimals: 1)],
            ])
        XCTAssertEqual(
            render(table, as: .tsv),
            "a\tb\nx y\tone two three four\nsay \"hi\", ok\t-7\n'=cmd\t1.5\n")
    }

    func testHasNoByteOrderMarkEvenWhenCSVWould() {
        let bytes = TableWriter(format: .tsv, options: TableWriter.Options(csvByteOrderMark: true)).render(singleTextColumn(["é"]))
        XCTAssertEqual(utf8(bytes), "text\né\n")
    }

    func testLeadingTabIsNeutralisedBeforeBeingCleaned() {
        XCTAssertEqual(render(singleTextColumn(["\t=x"]), as: .tsv), "text\n' =x\n")
    }
}

// MARK: - JSON

final class JSONSerializerTests: XCTestCase {
    private let compact = JSONSerializer()

    func testEscapesControlCharactersQuotesAndBackslashes() {
        let value = JSONValue.string("\u{00}\u{01}\u{08}\u{0C}\n\r\t\u{1B}\u{1F}\"\\/\u{7F}")
        XCTAssertEqual(compact.string(for: value), #""\u0000\u0001\b\f\n\r\t\u001b\u001f\"\\/\#u{7F}""#)
    }

    func testKeepsNonASCIIAndEmojiAsUTF8() {
        let text = "café – 東京 👩‍👩‍👧"
        XCTAssertEqual(compact.serialize(.string(text)), Array("\"\(text)\"".utf8))
    }

    func testHTMLSafeEscapesMarkupAndLineSeparators() {
        let value = JSONValue.string("</script><!-- a&b \u{2028}\u{2029} →")
        XCTAssertEqual(
            JSONSerializer(htmlSafe: true).string(for: value),
            #""\u003c/script\u003e\u003c!-- a\u0026b \u2028\u2029 →""#)
        XCTAssertEqual(compact.string(for: value), "\"</script><!-- a&b \u{2028}\u{2029} →\"")
    }

    func testEveryStringReadsBackUnchangedThroughFoundation() throws {
        let allASCII = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let samples = [allASCII, "é\u{2028}<&>\u{2029}👍🏽", ""]
        for htmlSafe in [false, true] {
            let bytes = JSONSerializer(htmlSafe: htmlSafe).serialize(.array(samples.map { .string($0) }))
            let decoded = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
            XCTAssertEqual(decoded, samples)
        }
    }

    func testCompactAndPrettyLayouts() {
        let value: JSONValue = ["b": 1, "a": [true, nil, "x"], "empty": [], "none": .object([])]
        XCTAssertEqual(compact.string(for: value), #"{"b":1,"a":[true,null,"x"],"empty":[],"none":{}}"#)
        XCTAssertEqual(
            JSONSerializer(layout: .pretty).string(for: value),
            """
            {
              "b": 1,
              "a": [
                true,
                null,
                "x"
              ],
              "empty": [],
              "none": {}
            }
            """)
    }

    func testIntegersIncludingExtremes() {
        XCTAssertEqual(compact.string(for: [0, -1, .int(Int.max), .int(Int.min)]), "[0,-1,9223372036854775807,-9223372036854775808]")
    }

    func testDoublesAreShortestRoundTripWithoutExponentForOrdinaryMagnitudes() {
        let expectations: [(Double, String)] = [
            (0.1, "0.1"), (0.1 + 0.2, "0.30000000000000004"), (1, "1.0"), (-0.0, "-0.0"), (0, "0.0"),
            (123456.789, "123456.789"), (-2.5, "-2.5"), (1e16, "10000000000000000.0"),
            (1.5e20, "150000000000000000000.0"), (1e21, "1e+21"), (0.000001, "0.000001"),
            (0.00001234, "0.00001234"), (1e-7, "1e-7"), (5e-324, "5e-324"),
            (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        ]
        for (value, expected) in expectations {
            XCTAssertEqual(compact.string(for: .double(value)), expected, "\(value)")
        }
        for nonFinite in [Double.nan, .infinity, -.infinity] {
            XCTAssertEqual(compact.string(for: .double(nonFinite)), "null")
        }
    }

    func testDoubleTextReadsBackToTheSameBits() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5000 {
            // xorshift: reproducible values spread over every exponent, no randomness in tests.
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            let value = Double(bitPattern: state)
            guard value.isFinite else { continue }
            let text = DecimalText.shortest(value)
            XCTAssertEqual(Double(text)?.bitPattern, value.bitPattern, text)
        }
    }

    func testFixedDecimalsRoundTheWrittenNumberHalfAwayFromZero() {
        let expectations: [(Double, Int, String)] = [
            (2.675, 2, "2.68"), (0.125, 2, "0.13"), (-1.25, 1, "-1.3"), (9.995, 2, "10.00"),
            (0.5, 0, "1"), (1234.5, 0, "1235"), (123, 2, "123.00"), (0, 3, "0.000"),
            (-0.001, 2, "0.00"), (1e-10, 2, "0.00"), (0.005, 2, "0.01"), (0.0049, 2, "0.00"),
            (0.333333, 4, "0.3333"), (1e16, 1, "10000000000000000.0"), (7.25, -1, "7"),
        ]
        for (value, decimals, expected) in expectations {
            XCTAssertEqual(DecimalText.fixed(value, decimals: decimals), expected, "\(value) to \(decimals)")
        }
    }
}

final class JSONTableExportTests: XCTestCase {
    private let table = DataTable(
        columns: [.init(id: "doc", label: "Document"), .init(id: "n"), .init(id: "score"), .init(id: "note")],
        rows: [
            [.text("a \"b\""), .integer(3), .number(0.4999, decimals: 2), .empty],
            [.text("<c>"), .integer(-1), .number(.nan, decimals: 2), .text("x")],
        ])

    func testJSONIsAnArrayOfObjectsKeyedByColumnIdWithTypedNumbers() {
        XCTAssertEqual(
            render(table, as: .json),
            """
            [
              {
                "doc": "a \\"b\\"",
                "n": 3,
                "score": 0.5,
                "note": null
              },
              {
                "doc": "<c>",
                "n": -1,
                "score": null,
                "note": "x"
              }
            ]

            """)
    }

    func testJSONLinesIsOneCompactObjectPerLine() {
        XCTAssertEqual(
            render(table, as: .jsonl, options: TableWriter.Options(htmlSafeJSON: true)),
            #"""
            {"doc":"a \"b\"","n":3,"score":0.5,"note":null}
            {"doc":"\u003cc\u003e","n":-1,"score":null,"note":"x"}

            """#)
    }

    func testEmptyTables() {
        let empty = DataTable(columns: [.init(id: "x")])
        XCTAssertEqual(render(empty, as: .json), "[]\n")
        XCTAssertEqual(render(empty, as: .jsonl), "")
    }
}

// MARK: - Markdown, HTML, formats

final class MarkdownAndHTMLExportTests: XCTestCase {
    func testMarkdownEscapesPipesFlattensLinesAndRightAlignsNumbers() {
        let table = DataTable(
            columns: [.init(id: "theme", label: "Theme | name"), .init(id: "count", label: "Count")],
            rows: [
                [.text("a|b"), .integer(12)],
                [.text("first\r\nsecond"), .empty],
                [.text(""), .number(0.5, decimals: 2)],
            ])
        XCTAssertEqual(
            render(table, as: .markdown),
            """
            | Theme \\| name | Count |
            | --- | ---: |
            | a\\|b | 12 |
            | first second |  |
            |  | 0.50 |

            """)
    }

    func testHTMLEscapesCellTextTitleAndAttributes() {
        let table = DataTable(
            title: "Themes & <scores>",
            columns: [.init(id: "say \"hi\" 'x'", label: "<b>Label</b>"), .init(id: "n")],
            rows: [[.text("<script>alert(1)</script>"), .integer(5)]])
        let html = render(table, as: .html)
        XCTAssertTrue(html.hasPrefix("<!doctype html>\n"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("<title>Themes &amp; &lt;scores&gt;</title>"))
        XCTAssertTrue(html.contains("<th scope=\"col\" title=\"say &quot;hi&quot; &#39;x&#39;\">&lt;b&gt;Label&lt;/b&gt;</th>"))
        XCTAssertTrue(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"number\">5</td>"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.hasSuffix("</table>\n</body>\n</html>\n"))
    }

    func testHTMLEscapingFunctions() {
        XCTAssertEqual(HTMLEscaping.text("a & b < c > d \"e\" 'f' ü"), "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; ü")
        XCTAssertEqual(HTMLEscaping.attribute("x\"y'z\n<&>"), "x&quot;y&#39;z&#10;&lt;&amp;&gt;")
        XCTAssertEqual(HTMLEscaping.text(""), "")
    }

    func testFormatsFromFileExtensions() {
        let expectations: [(String, TableFormat?)] = [
            ("csv", .csv), ("CSV", .csv), (".tsv", .tsv), ("tab", .tsv), ("json", .json), ("jsonl", .jsonl),
            ("ndjson", .jsonl), ("md", .markdown), ("markdown", .markdown), ("html", .html), ("htm", .html),
            ("xlsx", nil), ("", nil),
        ]
        for (fileExtension, format) in expectations {
            XCTAssertEqual(TableFormat(fileExtension: fileExtension), format, fileExtension)
        }
        XCTAssertEqual(TableFormat(path: "out.d/matrix.NDJSON"), .jsonl)
        XCTAssertNil(TableFormat(path: "out.d/matrix"))
        XCTAssertNil(TableFormat(path: ".csv"))
        for format in TableFormat.allCases {
            XCTAssertEqual(TableFormat(fileExtension: format.preferredFileExtension), format)
        }
    }

    func testEveryFormatIsDeterministicAndStreamsTheSameBytes() throws {
        let directory = try TemporaryDirectory()
        var table = DataTable(columns: [.init(id: "i"), .init(id: "text"), .init(id: "x")])
        for index in 0..<3000 {
            table.appendRow([.integer(index), .text("row \(index), \"quoted\" | <tag>\n"), .number(Double(index) / 7, decimals: 3)])
        }
        for format in TableFormat.allCases {
            let writer = TableWriter(format: format)
            let first = writer.render(table)
            XCTAssertEqual(first, writer.render(table), "\(format)")
            let path = directory.path("out.\(format.preferredFileExtension)")
            try AtomicFileWriter().write(to: path) { try writer.write(table, to: &$0) }
            XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: path))), first, "\(format)")
        }
    }
}

// MARK: - Atomic writes

/// A fresh directory per test, removed afterwards even if a test made it read-only.
private final class TemporaryDirectory {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "export-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        chmod(root, 0o755)
        try? FileManager.default.removeItem(atPath: root)
    }

    func path(_ name: String) -> String { root + "/" + name }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root).sorted()
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: path(name), atomically: false, encoding: .utf8)
    }
}

final class AtomicFileWriterTests: XCTestCase {
    private struct ProducerFailure: Error {}

    private func assertOutputError(
        _ expression: @autoclosure () throws -> Void, containing fragments: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            guard let error = error as? LearningThemesError else {
                return XCTFail("expected LearningThemesError, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(error.kind, .output, file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(error.message.contains(fragment), "\(error.message) lacks \(fragment)", file: file, line: line)
            }
        }
    }

    func testCreatesAndReplacesFilesLeavingNoTemporaryFiles() throws {
        let directory = try TemporaryDirectory()
        try AtomicFileWriter().write(Array("first".utf8), to: directory.path("out.csv"))
        XCTAssertEqual(try directory.read("out.csv"), "first")
        try AtomicFileWriter().write(Array("second".utf8), to: directory.path("out.csv"))
        XCTAssertEqual(try directory.read("out.csv"), "second")
        XCTAssertEqual(try directory.contents(), ["out.csv"])
    }

    func testStreamsLargeOutputInManyPieces() throws {
        let directory = try TemporaryDirectory()
        var expected: [UInt8] = []
        try AtomicFileWriter().write(to: directory.path("big.txt")) { sink in
            for index in 0..<20_000 {
                let line = Array("line \(index)\n".utf8)
                expected += line
                try sink.write(line)
            }
            let block = [UInt8](repeating: UInt8(ascii: "z"), count: 200_000)
            expected += block
            try sink.write(block)
            XCTAssertEqual(sink.byteCount, expected.count)
        }
        XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: directory.path("big.txt")))), expected)
    }

    func testFailingProducerKeepsOldContentAndRemovesTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("old content", to: "matrix.csv")
        XCTAssertThrowsError(
            try AtomicFileWriter().write(to: directory.path("matrix.csv")) { sink in
                try sink.write(Array(repeating: UInt8(ascii: "n"), count: 100_000))
                throw ProducerFailure()
            }
        ) { XCTAssertTrue($0 is ProducerFailure, "the producer's own error should come back") }
        XCTAssertEqual(try directory.read("matrix.csv"), "old content")
        XCTAssertEqual(try directory.contents(), ["matrix.csv"])
    }

    func testMissingDirectoryIsReported() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("no-such-dir/out.csv")
        assertOutputError(try AtomicFileWriter().write([1], to: path), containing: [path, "does not exist"])
    }

    func testTargetThatIsADirectoryIsReported() throws {
        let directory = try TemporaryDirectory()
        assertOutputError(try AtomicFileWriter().write([1], to: directory.root), containing: [directory.root, "is a directory"])
        XCTAssertEqual(try directory.contents(), [])
    }

    func testUnwritableDirectoryIsReported() throws {
        let directory = try TemporaryDirectory()
        var unwritable = directory.path("locked")
        if geteuid() == 0 {
            // Root ignores permission bits; sysfs refuses new files even to root.
            unwritable = "/sys"
            try XCTSkipUnless(access(unwritable, F_OK) == 0 && creat(unwritable + "/probe", 0o644) < 0, "no unwritable directory")
        } else {
            try FileManager.default.createDirectory(atPath: unwritable, withIntermediateDirectories: false)
            chmod(unwritable, 0o555)
        }
        let path = unwritable + "/out.csv"
        assertOutputError(try AtomicFileWriter().write([1], to: path), containing: [path, "permission denied"])
    }

    func testRefusesAnInputGivenByADifferentRelativePath() throws {
        let directory = try TemporaryDirectory()
        try directory.write("input", to: "in.csv")
        try FileManager.default.createDirectory(atPath: directory.path("sub"), withIntermediateDirectories: false)
        let input = directory.path("in.csv")
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + String(directory.root.dropFirst()) + "/sub/../in.csv"
        XCTAssertEqual(try String(contentsOfFile: relative, encoding: .utf8), "input", "the relative path must name the input")
        assertOutputError(
            try AtomicFileWriter().write([1], to: relative, refusingToOverwrite: [input]),
            containing: ["refusing to write over input file \(relative)"])
        XCTAssertEqual(try directory.read("in.csv"), "input")
        XCTAssertEqual(try directory.contents(), ["in.csv", "sub"])
        // A different file in the same directory is not refused.
        try AtomicFileWriter().write([1], to: directory.path("sub/../other.csv"), refusingToOverwrite: [input])
    }

    func testRefusesAnInputReachedThroughSymlinksOrHardLinks() throws {
        let directory = try TemporaryDirectory()
        try directory.write("input", to: "in.csv")
        let input = directory.path("in.csv")
        try FileManager.default.createSymbolicLink(atPath: directory.path("file-link.csv"), withDestinationPath: "in.csv")
        try FileManager.default.createSymbolicLink(atPath: directory.path("dir-link"), withDestinationPath: directory.root)
        try FileManager.default.linkItem(atPath: input, toPath: directory.path("hard.csv"))
        for output in ["file-link.csv", "dir-link/in.csv", "dir-link/file-link.csv", "hard.csv"] {
            assertOutputError(
                try AtomicFileWriter().write([1], to: directory.path(output), refusingToOverwrite: [input]),
                containing: ["refusing to write over input file", output])
        }
        // The input named through a link is recognised just the same.
        assertOutputError(
            try AtomicFileWriter().write([1], to: input, refusingToOverwrite: [directory.path("dir-link/file-link.csv")]),
            containing: ["refusing to write over input file"])
        XCTAssertEqual(try directory.read("in.csv"), "input")
    }

    func testRefusesANotYetExistingOutputThatADanglingLinkAndAnInputShare() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.path("dangling.csv"), withDestinationPath: "later.csv")
        assertOutputError(
            try AtomicFileWriter().write([1], to: directory.path("dangling.csv"), refusingToOverwrite: [directory.path("later.csv")]),
            containing: ["refusing to write over input file"])
    }

    func testWritingThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws {
        let directory = try TemporaryDirectory()
        try directory.write("old", to: "real.csv")
        try FileManager.default.createSymbolicLink(atPath: directory.path("link.csv"), withDestinationPath: "real.csv")
        try AtomicFileWriter().write(Array("new".utf8), to: directory.path("link.csv"))
        XCTAssertEqual(try directory.read("real.csv"), "new")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path("link.csv")), "real.csv")
        XCTAssertEqual(try directory.contents(), ["link.csv", "real.csv"])
    }

    func testKeepsThePermissionsOfTheReplacedFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("old", to: "shared.csv")
        chmod(directory.path("shared.csv"), 0o640)
        try AtomicFileWriter().write(Array("new".utf8), to: directory.path("shared.csv"))
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path("shared.csv"))
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o640)
    }

    func testDashWritesToStandardOutput() throws {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        defer { close(ends[0]) }
        let writer = AtomicFileWriter(standardOutput: ends[1])
        try writer.write(to: "-", refusingToOverwrite: ["-"]) { sink in
            try sink.write("hello ")
            try sink.write(Array("world\n".utf8))
        }
        close(ends[1])
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while case let count = read(ends[0], &buffer, buffer.count), count > 0 {
            received += buffer[..<count]
        }
        XCTAssertEqual(utf8(received), "hello world\n")
    }

    func testWriteFailureOnStandardOutputIsReported() {
        assertOutputError(
            try AtomicFileWriter(standardOutput: -1).write([1], to: "-"),
            containing: ["cannot write standard output"])
    }
}
