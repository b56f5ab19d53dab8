import Foundation
import XCTest
@testable import LearningThemes

/// Inputs that crashed or exhausted the tool (found by scripts/fuzz or while writing its
/// targets). The saved ones live in Fixtures/fuzz/ and also seed the fuzzer. Inputs that
/// crashed the process run through the CLI, so a regression fails one test instead of
/// killing the whole test run.
final class FuzzRegressionTests: XCTestCase {
    static let fixtures = TestSupport.path("Tests/LearningThemesTests/Fixtures/fuzz")
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    // MARK: - Word XML with names that are not UTF-8 (crashed swift-corelibs' XMLParser)

    func testWordXMLNameThatIsNotUTF8IsADamagedDocumentNotACrash() throws {
        let found = try fixture("reader-word-xml-invalid-utf8-name.bin")
        XCTAssertEqual(found, [0x20, 0x3C, 0x77, 0x6C, 0xE5, 0x3E, 0xFF, 0x20, 0x0A, 0x14], "the input as the fuzzer found it")
        let variants: [[UInt8]] = [
            found,
            Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document xmlns:w=\"\(Self.wordNamespace)\"><w:body><w:p".utf8)
                + [0xE5] + Array("/></w:body></w:document>".utf8),
            Array("<a ".utf8) + [0xE5] + Array("=\"1\">x</a>".utf8),
            // A declaration naming UTF-16 does not make 8-bit bytes UTF-16 for libxml2.
            Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><w".utf8) + [0xE5] + Array(">x</w".utf8) + [0xE5] + [0x3E],
        ]
        for (number, xml) in variants.enumerated() {
            XCTAssertThrowsError(try WordDocumentXMLReader.blocks(fromDocumentXML: xml, name: "report.docx"), "variant \(number)") { error in
                let message = "\(error)"
                XCTAssertTrue(message.hasPrefix("report.docx: damaged Word document: word/document.xml is not valid UTF-8 (line "), message)
                XCTAssertEqual((error as? LearningThemesError)?.kind, .input)
            }
        }
    }

    func testWordXMLInUTF16IsStillReadAfterTheUTF8Check() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document xmlns:w=\"\(Self.wordNamespace)\"><w:body>"
            + "<w:p><w:r><w:t>Café visits stopped.</w:t></w:r></w:p></w:body></w:document>"
        var littleEndian: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(try WordDocumentXMLReader.blocks(fromDocumentXML: littleEndian, name: "report.docx"),
                       Array("Café visits stopped.\n".utf8))
    }

    /// `<?name?>` made swift-corelibs' XMLParser call strlen on a NULL pointer.
    func testWordXMLProcessingInstructionWithoutDataIsNotACrash() throws {
        let found = try fixture("reader-word-xml-instruction-without-data.bin")
        XCTAssertEqual(String(decoding: found, as: UTF8.self), "<?OPENBLAS_CORETYPE?>", "the input as the fuzzer found it")
        XCTAssertThrowsError(try WordDocumentXMLReader.blocks(fromDocumentXML: found, name: "report.docx")) { error in
            XCTAssertTrue("\(error)".hasPrefix("report.docx: damaged Word document: "), "\(error)")
        }
        func document(_ instruction: String) -> [UInt8] {
            Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(instruction)<w:document xmlns:w=\"\(Self.wordNamespace)\"><w:body>"
                + "<w:p>\(instruction)<w:r><w:t>Neglect was missed.</w:t></w:r></w:p></w:body></w:document>").utf8)
        }
        for instruction in ["<?pi?>", "<?p\u{E9}?>", "<?pi  ?>"] {
            XCTAssertEqual(try WordDocumentXMLReader.blocks(fromDocumentXML: document(instruction), name: "report.docx"),
                           Array("Neglect was missed.\n".utf8), instruction)
        }
        // Names XML forbids here are a damaged document, still not a crash.
        for instruction in ["<?xml?>", "<?a:b?>"] {
            XCTAssertThrowsError(try WordDocumentXMLReader.blocks(fromDocumentXML: document(instruction), name: "report.docx"), instruction)
        }
    }

    func testDocxWhoseDocumentPartIsNotUTF8FailsWithOneLine() throws {
        guard ExternalProgram.locate("unzip") != nil else { throw XCTSkip("unzip is not installed") }
        let docx = Self.fixtures + "/reader-word-xml-invalid-utf8-name.docx"
        try CLI.expect(self, ["classify", docx], status: 4,
                       mentions: ["learning-themes: \(docx): damaged Word document: word/document.xml is not valid UTF-8 (line 2)"])
    }

    // MARK: - Segmenter: a clause number too long for an Int

    /// A line opening with 19 or more digits overflowed the clause-number parser
    /// (Segment/ListMarkers.swift) and killed the run.
    func testLineOpeningWithAVeryLongNumberDoesNotCrash() throws {
        let found = Self.fixtures + "/reader-long-clause-number.bin"
        let plain = try temporaryFile("long-number.txt", "12345678901234567890123 apples were seen by the neglect team\n"
                                      + "- 99999999999999999999999999. a bulleted clause\n")
        for document in [found, plain] {
            let run = try CLI.expect(self, ["classify", document, "--format", "jsonl"], status: 0, mentions: [])
            XCTAssertFalse(run.standardOutput.isEmpty, document)
        }
    }

    // MARK: - Rules: a pattern that multiplies out

    /// Two groups of 4096 alternatives each multiplied out to 16 million phrases before the
    /// 4096-phrase limit was checked: a 190-byte rule line took all memory. The CLI runs
    /// under a 4 GB address-space limit so a regression fails here instead of the machine.
    func testPatternThatMultipliesOutIsRejectedBeforeItExhaustsMemory() throws {
        let group = "(" + String(repeating: "(aa | bb) ", count: 12) + ")"
        let rules = try rulesCopy(neglectRules: "theme neglect\nmatch neg-a: \(group) \(group)\n")
        let run = try CLI.run(["rules", "check", "--rules", rules], shellPrefix: "ulimit -v 4194304;")
        XCTAssertEqual(run.status, 3, run.standardError)
        XCTAssertTrue(run.standardError.contains("\(rules)/themes/neglect.rules:2:"), run.standardError)
        XCTAssertTrue(run.standardError.contains("more than \(PatternParser.maximumPhrases) phrases"), run.standardError)
        CLI.assertClean(run)
    }

    // MARK: - Every saved input

    func testEverySavedFuzzInputRunsCleanlyThroughTheCLI() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names where name.hasPrefix("reader-") {
            let run = try CLI.run(["classify", Self.fixtures + "/" + name, "--format", "jsonl"])
            XCTAssertTrue([0, 4, 7].contains(run.status), "\(name): status \(run.status): \(run.standardError)")
            CLI.assertClean(run, name)
        }
        for name in names where name.hasPrefix("rules-") {
            let rules = try rulesCopy(neglectRules: try String(contentsOfFile: Self.fixtures + "/" + name, encoding: .utf8))
            let run = try CLI.run(["rules", "check", "--rules", rules], shellPrefix: "ulimit -v 4194304;")
            XCTAssertTrue([0, 1, 3].contains(run.status), "\(name): status \(run.status): \(run.standardError)")
            CLI.assertClean(run, name)
        }
    }

    // MARK: - Helpers

    private func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/" + name)))
    }

    private var scratch: String {
        let folder = NSTemporaryDirectory() + "learning-themes-fuzz-regression-\(name.filter(\.isLetter))"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let file = scratch + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    private func rulesCopy(neglectRules: String) throws -> String {
        let copy = scratch + "/rules-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: TestSupport.path("rules"), toPath: copy)
        try Data(neglectRules.utf8).write(to: URL(fileURLWithPath: copy + "/themes/neglect.rules"))
        return copy
    }
}
