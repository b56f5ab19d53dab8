import Foundation
import XCTest
@testable import LearningThemes

/// The fixtures come from scripts/make-format-fixtures: one sample (a heading,
/// two paragraphs, a three-item list, a 2x2 table) in every format, and bad inputs.
final class ReadTests: XCTestCase {
    // MARK: - The sample in every format

    func testPlainTextSamplePassesThroughUnchanged() throws {
        let loaded = try DocumentLoader.load(path: fixturePath("sample.txt"))
        XCTAssertEqual(loaded.format, .text)
        XCTAssertEqual(loaded.bytes, try fixtureBytes("sample.txt"))
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(blocks(of: loaded).count, 8)
    }

    func testHTMLPageGivesTheSampleBlocksWithoutPageFurniture() throws {
        let loaded = try DocumentLoader.load(path: fixturePath("sample.html"))
        XCTAssertEqual(loaded.format, .html)
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(text(of: loaded), try sampleText())
        for furniture in ["cookies", "Reviews", "Training", "Partnership home", "commented out", "not text",
                          "Related", "Search", "2024", "JavaScript", "Child K review"] {
            XCTAssertFalse(text(of: loaded).contains(furniture), "kept page furniture: \(furniture)")
        }
    }

    func testWordDocumentGivesTheSampleBlocks() throws {
        try requireTool("unzip", package: "unzip")
        let loaded = try DocumentLoader.load(path: fixturePath("sample.docx"))
        XCTAssertEqual(loaded.format, .docx)
        XCTAssertEqual(loaded.warnings, [])
        // Exact equality also proves the deleted revision ("old text"), the field
        // code (PAGE) and the tab-stop definition left no trace.
        XCTAssertEqual(text(of: loaded), try sampleText())
    }

    func testPDFGivesTheSampleTextAsPageText() throws {
        try requireTool("pdftotext", package: "poppler-utils")
        let loaded = try DocumentLoader.load(path: fixturePath("sample.pdf"))
        XCTAssertEqual(loaded.format, .pdf)
        XCTAssertEqual(loaded.warnings, [])
        let pageText = text(of: loaded)
        XCTAssertFalse(pageText.contains("\u{0C}"), "form feeds must become blank lines")
        XCTAssertTrue(pageText.hasSuffix("social care\n"), pageText)
        XCTAssertFalse(pageText.hasSuffix("\n\n"))
        XCTAssertTrue(pageText.contains("show\nprofessional curiosity"), "PDF text stays hard-wrapped for the segmenter")
    }

    /// The same document must give the same blocks whatever format it came in.
    /// Text, HTML and Word give the block contract, so their blocks are compared
    /// as they are. A PDF has no markup, and that is its own structure, not a
    /// loss: it has no `#` or `- ` markers (bullets are `•`), its table cells are
    /// separated by spaces, its lines are hard-wrapped, and pdftotext keeps list
    /// items and table rows of one visual block on consecutive lines. So PDF
    /// blocks are compared after removing the markers from both sides, joining
    /// wrapped lines, and treating consecutive list or row lines as one block.
    func testEveryFormatGivesTheSameBlocks() throws {
        try requireTool("unzip", package: "unzip")
        try requireTool("pdftotext", package: "poppler-utils")
        let reference = blocks(of: try DocumentLoader.load(path: fixturePath("sample.txt")))
        XCTAssertEqual(reference.first, "# Learning from the review of Child K")
        guard reference.count == 8 else { return XCTFail("sample.txt should have 8 blocks: \(reference)") }
        XCTAssertEqual(blocks(of: try DocumentLoader.load(path: fixturePath("sample.html"))), reference)
        XCTAssertEqual(blocks(of: try DocumentLoader.load(path: fixturePath("sample.docx"))), reference)

        let pdfBlocks = blocks(of: try DocumentLoader.load(path: fixturePath("sample.pdf")))
            .map { block in
                block.split(separator: "\n").map { stripMarker(String($0)) }.joined(separator: " ")
            }
        let referenceWithoutMarkup = [
            stripMarker(reference[0]), reference[1], reference[2],
            reference[3...5].map(stripMarker).joined(separator: " "),
            reference[6...7].map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: " "),
        ]
        XCTAssertEqual(pdfBlocks, referenceWithoutMarkup)
    }

    // MARK: - Detection

    func testPDFNamedTxtIsReadAsPDFWithAWarning() throws {
        try requireTool("pdftotext", package: "poppler-utils")
        let path = fixturePath("pdf-named.txt")
        let loaded = try DocumentLoader.load(path: path)
        XCTAssertEqual(loaded.format, .pdf)
        XCTAssertTrue(text(of: loaded).hasPrefix("Learning from the review of Child K\n"))
        XCTAssertEqual(loaded.warnings.count, 1)
        XCTAssertEqual(loaded.warnings.first?.location.file, path)
        XCTAssertTrue(loaded.warnings.first?.message.contains("named .txt but is a PDF") == true,
                      "\(loaded.warnings)")
    }

    func testPDFFromBytesWithoutAPathIsExtracted() throws {
        try requireTool("pdftotext", package: "poppler-utils")
        let loaded = try DocumentLoader.load(bytes: try fixtureBytes("sample.pdf"), name: "-")
        XCTAssertEqual(loaded.format, .pdf)
        XCTAssertTrue(text(of: loaded).contains("Information sharing between agencies"))
    }

    func testWordDocumentFromBytesWithAnOddNameIsExtracted() throws {
        try requireTool("unzip", package: "unzip")
        // unzip would treat the brackets as a wildcard if given this name.
        let loaded = try DocumentLoader.load(bytes: try fixtureBytes("sample.docx"), name: "Review [final].docx")
        XCTAssertEqual(text(of: loaded), try sampleText())
    }

    func testScannedPDFWithoutTextLayerIsAnError() throws {
        try requireTool("pdftotext", package: "poppler-utils")
        let path = fixturePath("scanned.pdf")
        let error = try XCTUnwrap(loadError(path: path))
        let pages = ExternalProgram.locate("pdfinfo") == nil ? "" : ": no text on 2 pages"
        XCTAssertEqual(error.description, "\(path): PDF has no text layer (scanned?)\(pages)")
        XCTAssertEqual(error.kind, .input)
    }

    func testZipThatIsNotAWordDocumentIsAnError() throws {
        let error = try XCTUnwrap(loadError(path: fixturePath("not-word.zip")))
        XCTAssertTrue(error.description.hasSuffix("not-word.zip: zip archive that is not a Word document"), error.description)
    }

    func testBinaryFileIsAnError() throws {
        let path = fixturePath("binary.dat")
        XCTAssertEqual(try XCTUnwrap(loadError(path: path)).description, "\(path): binary file, not a text document")
    }

    func testEmptyAndWhitespaceOnlyFilesAreErrors() throws {
        for name in ["empty.txt", "whitespace-only.txt"] {
            let path = fixturePath(name)
            XCTAssertEqual(try XCTUnwrap(loadError(path: path)).description, "\(path): empty file")
        }
        XCTAssertEqual(loadError(bytes: [0xEF, 0xBB, 0xBF, 0x0A], name: "bom.txt")?.message, "empty file")
    }

    func testOldOfficeAndRTFFilesAreErrorsNotGarbage() {
        let compoundFile: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64)
        XCTAssertTrue(loadError(bytes: compoundFile, name: "old.doc")?.message.contains("save it as .docx") == true)
        XCTAssertTrue(loadError(bytes: Array(#"{\rtf1\ansi Hello}"#.utf8), name: "x.rtf")?.message.hasPrefix("RTF") == true)
    }

    func testHTMLIsRecognisedByContentAndByExtension() throws {
        let page = Array("\u{FEFF}\n  <!-- saved -->\n<!DOCTYPE HTML><HTML><BODY><P>Hello</P></BODY></HTML>".utf8)
        let byContent = try DocumentLoader.load(bytes: page, name: "download")
        XCTAssertEqual(byContent.format, .html)
        XCTAssertEqual(text(of: byContent), "Hello\n")
        XCTAssertEqual(byContent.warnings, [])

        let fragment = try DocumentLoader.load(bytes: Array("<p>One</p><p>Two</p>".utf8), name: "page.HTM")
        XCTAssertEqual(fragment.format, .html)
        XCTAssertEqual(text(of: fragment), "One\n\nTwo\n")

        let misnamed = try DocumentLoader.load(bytes: page, name: "report.doc")
        XCTAssertEqual(misnamed.format, .html)
        XCTAssertTrue(misnamed.warnings.first?.message.contains("named .doc but is an HTML page") == true)
    }

    func testMarkdownAndTextPassThroughEvenWithInlineMarkup() throws {
        let markdown = "# Notes\n\nWe use <html> and <p>inline</p> markup &amp; more.\n"
        let loaded = try DocumentLoader.load(bytes: Array(markdown.utf8), name: "notes.markdown")
        XCTAssertEqual(loaded.format, .markdown)
        XCTAssertEqual(text(of: loaded), markdown)
        let plain = try DocumentLoader.load(bytes: Array("a\r\nb\n".utf8), name: "notes")
        XCTAssertEqual(plain.format, .text)
        XCTAssertEqual(plain.bytes, Array("a\r\nb\n".utf8))
    }

    // MARK: - Files that cannot be opened

    func testMissingFileAndDirectoryAreErrors() throws {
        XCTAssertEqual(loadError(path: "/no/such/report.pdf")?.description, "/no/such/report.pdf: no such file")
        let directory = fixturePath("")
        XCTAssertEqual(loadError(path: directory)?.description, "\(directory): is a directory")
        // A path through a regular file is "no such file" too (ENOTDIR).
        let throughFile = fixturePath("sample.txt") + "/x"
        XCTAssertEqual(loadError(path: throughFile)?.message, "no such file")
    }

    func testUnreadableFileIsPermissionDenied() throws {
        if geteuid() == 0 { throw XCTSkip("root can read any file, so permission denied cannot be produced") }
        let path = NSTemporaryDirectory() + "unreadable-\(UUID().uuidString).txt"
        _ = FileManager.default.createFile(atPath: path, contents: Data("text".utf8), attributes: [.posixPermissions: 0])
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(loadError(path: path)?.description, "\(path): permission denied")
    }

    func testMissingToolsGiveInstallHints() throws {
        let savedPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        setenv("PATH", "/nonexistent-directory", 1)
        defer { setenv("PATH", savedPath, 1) }
        let pdfError = loadError(bytes: try fixtureBytes("sample.pdf"), name: "a.pdf")
        XCTAssertEqual(pdfError?.description, "a.pdf: pdftotext not found: install the Debian package poppler-utils")
        XCTAssertEqual(pdfError?.kind, .tool)
        let wordError = loadError(bytes: try fixtureBytes("sample.docx"), name: "a.docx")
        XCTAssertEqual(wordError?.description, "a.docx: unzip not found: install the Debian package unzip")
    }

    // MARK: - Decoding

    func testUTF8ByteOrderMarkIsStripped() throws {
        let loaded = try DocumentLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("Hi\n".utf8), name: "a.txt")
        XCTAssertEqual(text(of: loaded), "Hi\n")
        XCTAssertEqual(loaded.warnings, [])
    }

    func testUTF16LittleEndianWithBOMIsConvertedWithAWarning() throws {
        let loaded = try DocumentLoader.load(path: fixturePath("utf16le.txt"))
        XCTAssertEqual(text(of: loaded), "Professional curiosity matters.\nShare information early.\n")
        XCTAssertEqual(loaded.warnings.map(\.message), ["decoded from UTF-16LE"])
    }

    func testUTF16BigEndianAndUnmarkedUTF16AreConverted() throws {
        let sentence = "Child \u{2019}s plan \u{1F600}\n"
        var bigEndian: [UInt8] = [0xFE, 0xFF]
        var unmarkedLittleEndian: [UInt8] = []
        for unit in sentence.utf16 {
            bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            unmarkedLittleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let big = try DocumentLoader.load(bytes: bigEndian, name: "b.txt")
        XCTAssertEqual(text(of: big), sentence)
        XCTAssertEqual(big.warnings.map(\.message), ["decoded from UTF-16BE"])
        let unmarked = try DocumentLoader.load(bytes: unmarkedLittleEndian, name: "c.txt")
        XCTAssertEqual(text(of: unmarked), sentence)
        XCTAssertTrue(unmarked.warnings.first?.message.hasPrefix("decoded from UTF-16LE (no byte order mark") == true)
    }

    func testLoneSurrogateInUTF16BecomesReplacementCharacter() throws {
        let loaded = try DocumentLoader.load(bytes: [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], name: "s.txt")
        XCTAssertEqual(text(of: loaded), "A\u{FFFD}B")
        XCTAssertTrue(loaded.warnings.first?.message.contains("1 broken code unit replaced") == true)
    }

    func testWindows1252IsConvertedWithAWarning() throws {
        let loaded = try DocumentLoader.load(path: fixturePath("windows1252.txt"))
        XCTAssertEqual(text(of: loaded), "\u{201C}Professional curiosity\u{201D} isn\u{2019}t optional \u{2013} it costs \u{00A3}0.\n")
        XCTAssertEqual(loaded.warnings.map(\.message), ["not valid UTF-8: decoded as Windows-1252"])
    }

    func testInvalidUTF8IsReplacedAndReportedOnceWithItsFirstLine() throws {
        let path = fixturePath("invalid-utf8.txt")
        let loaded = try DocumentLoader.load(path: path)
        // The valid "é" on line 1 shows the file is UTF-8, so it is not re-read as Windows-1252.
        XCTAssertEqual(text(of: loaded),
                       "Caf\u{E9} meeting notes\nThe referral was made.\nBad byte \u{FFFD} here and \u{FFFD}( there.\n")
        XCTAssertEqual(loaded.warnings.count, 1)
        let warning = try XCTUnwrap(loaded.warnings.first)
        XCTAssertEqual(warning.location, SourceLocation(file: path, line: 3))
        XCTAssertEqual(warning.message, "2 invalid UTF-8 byte sequences replaced with U+FFFD (first on line 3)")
    }

    func testIllFormedSequencesAreReplacedByMaximalSubpart() throws {
        // Overlong "/", an encoded surrogate, a truncated 3-byte sequence, then "é".
        let bytes: [UInt8] = [0xC0, 0xAF, 0x20, 0xED, 0xA0, 0x80, 0x20, 0xE2, 0x82, 0x20, 0xC3, 0xA9]
        let loaded = try DocumentLoader.load(bytes: bytes, name: "x.txt")
        XCTAssertEqual(text(of: loaded), "\u{FFFD}\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD} \u{FFFD} \u{E9}")
    }

    func testNulBytesInTextAreReplacedWithAWarning() throws {
        let loaded = try DocumentLoader.load(path: fixturePath("nul-bytes.txt"))
        XCTAssertEqual(text(of: loaded), "Strategy meeting\u{FFFD} held.\nOutcome\u{FFFD} agreed.\n")
        XCTAssertEqual(loaded.warnings.map(\.message), ["2 NUL bytes replaced with U+FFFD (first on line 1)"])
    }

    /// Finishing at all is the check: a quadratic decoder would not (timing is for
    /// scripts/bench, not for assertions here).
    func testFiftyMegabyteSingleLineIsDecoded() throws {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
        bytes[bytes.count - 10] = 0xFF
        bytes[10] = 0xC3
        bytes[11] = 0xA9
        let loaded = try DocumentLoader.load(bytes: bytes, name: "long.txt")
        XCTAssertEqual(loaded.bytes.count, bytes.count + 2)
        XCTAssertEqual(loaded.warnings.first?.location.line, 1)
    }

    // MARK: - HTML

    func testHTMLEntitiesAreDecoded() throws {
        let html = "<p>&amp; &lt;b&gt; &quot;q&quot; &apos; &pound;5 &euro; &ndash; &mdash; &lsquo;s&rsquo; "
            + "&ldquo;d&rdquo; &hellip; &bull; &middot; &copy; &reg; &trade; &#8217; &#x2019; &#X201c; &#146; "
            + "&amp &copy2 &bogus; &#0; &#xD800; &#99999999; &#; a&nbsp;&nbsp;b co&shy;operate</p>"
        XCTAssertEqual(htmlText(html),
                       "& <b> \"q\" ' £5 € – — ‘s’ “d” … • · © ® ™ ’ ’ “ ’ & ©2 &bogus; \u{FFFD} \u{FFFD} \u{FFFD} &#; a b cooperate\n")
    }

    func testHTMLStructureBecomesTheBlockContract() {
        let html = """
            <html><head><title>Drop me</title><meta charset=utf-8>
            <body>
            <header>Site banner</header>
            <article><header><h2>Kept title</h2></header>
            <p title="a > b">Line one<br>Line two</p>
            <ul><li>Parent<ul><li><p>Child item</p></li></ul></li></ul>
            <H3>Upper   case</H3>
            <table><tr><th>Name</th><th></th><th>Role</th></tr>
            <tr><td>A <table><tr><td>inner</td><td>cells</td></tr></table></td><td>B</td><td><p>C</p><p>D</p></td></tr>
            <tr><td> </td><td>&nbsp;</td></tr></table>
            <p>5 < 6 and 7>6</p><p>Multi
                line     text</p>
            <footer>Article footer kept</footer></article>
            <footer>Site footer</footer>
            """
        XCTAssertEqual(htmlText(html), """
            ## Kept title

            Line one

            Line two

            - Parent

            - Child item

            ### Upper case

            Name\t\tRole

            A inner cells\tB\tC D

            5 < 6 and 7>6

            Multi line text

            Article footer kept

            """)
    }

    func testHTMLSkippedElementsHideTheirContentUntilClosed() {
        let html = """
            <script>document.write("<p>fake</p></div>")</script><style>p{}</style>
            <nav><nav>menu</nav>still menu</nav><svg><text>chart</text></svg>
            <template><p>later</p></template><noscript>enable js</noscript>
            <aside>related</aside><form><button>Go</button><input value=x></form>
            <!-- <p>commented</p> --><p>Visible</p><script src="x.js"/>hidden</script><p>After</p>
            """
        XCTAssertEqual(htmlText(html), "Visible\n\nAfter\n")
    }

    func testDeeplyNestedHTMLDoesNotOverflowTheStack() {
        let depth = 10_000
        let nested = String(repeating: "<div><span>", count: depth) + "deep text"
            + String(repeating: "</span></div>", count: depth)
        XCTAssertEqual(htmlText(nested + "<p>after</p>"), "deep text\n\nafter\n")
        let unclosed = String(repeating: "<li><table><tr><td>", count: depth) + "cell"
        XCTAssertTrue(htmlText(unclosed).contains("cell"))
        let skipped = String(repeating: "<nav>", count: depth) + "menu" + String(repeating: "</nav>", count: depth)
        XCTAssertEqual(htmlText(skipped + "<p>content</p>"), "content\n")
    }

    func testPathologicalHTMLStaysLinear() {
        let unclosedQuotes = String(repeating: "<a b=\"", count: 200_000)
        let lessThans = String(repeating: "<", count: 1_000_000)
        let ampersands = String(repeating: "&", count: 1_000_000)
        XCTAssertEqual(htmlText(unclosedQuotes), "")
        XCTAssertEqual(htmlText(lessThans), lessThans + "\n")
        XCTAssertEqual(htmlText(ampersands), ampersands + "\n")
    }

    func testMalformedHTMLEndsCleanly() {
        XCTAssertEqual(htmlText("<p>text<"), "text<\n")
        XCTAssertEqual(htmlText("<p>text<!-- never closed"), "text\n")
        XCTAssertEqual(htmlText("<p>a</p><p title=\"unclosed>b</p>" + String(repeating: "<i x=\"", count: 1000)), "a\n")
        XCTAssertEqual(htmlText("<p>a</><p>b</ p>c"), "a\n\nbc\n")
    }

    // MARK: - Word and PDF internals

    func testWordXMLStylesListsTablesAndHiddenText() throws {
        let xml = """
            <?xml version="1.0"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
            <w:body>
            <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Review</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t>Findings</w:t></w:r></w:p>
            <w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Outline heading</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Not a list</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Item</w:t><w:tab/><w:t>one</w:t></w:r></w:p>
            <w:p><w:r><w:t>Shown</w:t></w:r><w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom>
              <mc:AlternateContent><mc:Choice><w:r><w:t xml:space="preserve"> box</w:t></w:r></mc:Choice>
              <mc:Fallback><w:r><w:t>copy</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p><w:p><w:r><w:t>a2</w:t></w:r></w:p></w:tc>
              <w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Tom &amp; Jerry</w:t><w:br/><w:t>next</w:t></w:r></w:p>
            </w:body></w:document>
            """
        let blocks = try WordDocumentXMLReader.blocks(fromDocumentXML: Array(xml.utf8), name: "t.docx")
        XCTAssertEqual(String(decoding: blocks, as: UTF8.self), """
            # Review

            ### Findings

            ## Outline heading

            Not a list

            - Item one

            Shown box

            A a2\tx y

            Tom & Jerry next

            """)
    }

    func testMalformedOrTruncatedWordXMLIsAOneLineError() {
        let namespace = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        let cases = [
            ("<w:document \(namespace)><w:body><w:p>\n</w:x></w:body></w:document>",
             "bad.docx: damaged Word document: word/document.xml is not well-formed XML (line 2)"),
            ("<w:document \(namespace)><w:body><w:p><w:r><w:t>cut",
             "bad.docx: damaged Word document: word/document.xml is not well-formed XML (line 1)"),
            (#"<x:notes xmlns:x="urn:example"><x:p>text</x:p></x:notes>"#,
             "bad.docx: damaged Word document: word/document.xml is not a WordprocessingML document"),
        ]
        for (xml, expected) in cases {
            XCTAssertThrowsError(try WordDocumentXMLReader.blocks(fromDocumentXML: Array(xml.utf8), name: "bad.docx")) { error in
                XCTAssertEqual((error as? LearningThemesError)?.description, expected)
            }
        }
    }

    func testFormFeedsBetweenPagesBecomeBlankLines() {
        let pages = Array("page one\n\u{0C}page two\u{0C}page three\n\n\u{0C}\u{0C}".utf8)
        XCTAssertEqual(String(decoding: PDFTextExtractor.replacingFormFeeds(pages), as: UTF8.self),
                       "page one\n\npage two\n\npage three\n")
    }

}

/// Kept inside the test class so these common names cannot clash with helpers in
/// other test files of the module.
private extension ReadTests {
    func htmlText(_ html: String) -> String {
        String(decoding: HTMLTextExtractor.blocks(fromPage: Array(html.utf8)), as: UTF8.self)
    }

    func fixturePath(_ name: String) -> String {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/formats") else {
            return "Fixtures/formats/" + name
        }
        return name.isEmpty ? directory.path : directory.appendingPathComponent(name).path
    }

    func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixturePath(name))))
    }

    func sampleText() throws -> String {
        String(decoding: try fixtureBytes("sample.txt"), as: UTF8.self)
    }

    func text(of loaded: LoadedText) -> String {
        String(decoding: loaded.bytes, as: UTF8.self)
    }

    /// Blocks are separated by blank lines.
    func blocks(of loaded: LoadedText) -> [String] {
        text(of: loaded).components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.isEmpty }
    }

    /// Drops a heading or list marker: `# `, `- `, or the `• ` a PDF shows instead.
    func stripMarker(_ line: String) -> String {
        for marker in ["# ", "- ", "\u{2022} "] where line.hasPrefix(marker) {
            return String(line.dropFirst(marker.count))
        }
        return line
    }

    func loadError(path: String) -> LearningThemesError? {
        captureError { try DocumentLoader.load(path: path) }
    }

    func loadError(bytes: [UInt8], name: String) -> LearningThemesError? {
        captureError { try DocumentLoader.load(bytes: bytes, name: name) }
    }

    func captureError(_ load: () throws -> LoadedText) -> LearningThemesError? {
        do {
            _ = try load()
            XCTFail("expected an error")
            return nil
        } catch let error as LearningThemesError {
            XCTAssertFalse(error.description.contains("\n"), "errors are one line")
            return error
        } catch {
            XCTFail("unexpected error type: \(error)")
            return nil
        }
    }

    func requireTool(_ tool: String, package: String) throws {
        if ExternalProgram.locate(tool) == nil {
            throw XCTSkip("\(tool) not found: install the Debian package \(package)")
        }
    }
}
