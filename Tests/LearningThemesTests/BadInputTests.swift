import Foundation
import XCTest
@testable import LearningThemes

/// What a user sees when the input, the rules, the gold file, the options or the output
/// are wrong: the real CLI, one `learning-themes: ...` line naming the file (and line or
/// rule), never a crash or a stack trace, and the documented exit code.
final class BadInputTests: XCTestCase {
    private var sandbox = ""

    override func setUpWithError() throws {
        sandbox = NSTemporaryDirectory() + "learning-themes-bad-input-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: sandbox, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = try? CLI.run(["/bin/chmod", "-R", "u+rwx", sandbox], direct: true)
        try? FileManager.default.removeItem(atPath: sandbox)
    }

    // MARK: - Documents

    func testDocumentInputTable() throws {
        try write("empty.txt", [])
        try write("binary.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        try write("whitespace.txt", Array(" \n\t\r\n  \n".utf8))
        try write("archive.txt", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 200))
        try write("old-word.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        try CLI.expect(self, ["classify", path("nope.txt")], status: 4, mentions: ["\(path("nope.txt")): no such file"])
        try CLI.expect(self, ["classify", path("empty.txt")], status: 4, mentions: ["\(path("empty.txt")): empty file"])
        try CLI.expect(self, ["classify", path("whitespace.txt")], status: 4, mentions: ["\(path("whitespace.txt")): empty file"])
        try CLI.expect(self, ["classify", path("binary.png")], status: 4, mentions: ["\(path("binary.png")): binary file"])
        try CLI.expect(self, ["classify", path("archive.txt")], status: 4, mentions: ["\(path("archive.txt")): zip archive that is not a Word document"])
        try CLI.expect(self, ["classify", path("old-word.doc")], status: 4, mentions: ["\(path("old-word.doc")): old binary Office file"])
        try CLI.expect(self, ["classify", "-"], input: "", status: 4, mentions: ["<stdin>: empty file"])
    }

    func testUnreadableFileIsReportedNotSkippedSilently() throws {
        try write("locked.txt", Array("Neglect was a theme.\n".utf8))
        try write("locked-folder/inside.txt", Array("Neglect was a theme.\n".utf8))
        chmod(path("locked.txt"), 0)
        chmod(path("locked-folder"), 0)
        // Root reads anything, so as root the CLI runs as nobody (the sandbox is theirs too).
        let asOtherUser = geteuid() == 0
        if asOtherUser {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                throw XCTSkip("running as root without setpriv: permissions cannot deny root a read")
            }
            _ = try CLI.run(["/bin/chown", "-R", "65534:65534", sandbox], direct: true)
        }
        try CLI.expect(self, ["classify", path("locked.txt"), "--rules", TestSupport.path("rules")], status: 4,
                       mentions: ["\(path("locked.txt")): permission denied"], asNobody: asOtherUser)
        let folder = try CLI.run(["classify", path("locked-folder"), "--rules", TestSupport.path("rules")], asNobody: asOtherUser)
        XCTAssertNotEqual(folder.status, 0, "an unreadable folder is not an empty success: \(folder.standardError)")
        XCTAssertTrue(folder.standardError.contains(path("locked-folder")), folder.standardError)
        CLI.assertClean(folder)
    }

    /// A folder that holds no document (a typo, the wrong folder) must not look like a
    /// successful run that found no themes.
    func testFolderWithNoDocumentsIsReported() throws {
        try write("no-documents/notes.csv", Array("a,b\n".utf8))
        try CLI.expect(self, ["classify", path("no-documents")], status: 4, mentions: [path("no-documents")])
    }

    func testFolderWithGoodAndBadFilesProcessesTheGoodOnesAndListsTheBad() throws {
        try write("mixed/a-good.txt", Array("Neglect of the baby was not recognised.\n".utf8))
        try write("mixed/b-empty.txt", [])
        try write("mixed/c-good.md", Array("The father was not seen by any professional.\n".utf8))
        try write("mixed/d-rich.txt", Array("{\\rtf1\\ansi Neglect}".utf8))
        let run = try CLI.expect(self, ["classify", path("mixed"), "--format", "jsonl"], status: 1, mentions: [
            "\(path("mixed/b-empty.txt")): empty file",
            "\(path("mixed/d-rich.txt")): RTF document",
            "2 of 4 inputs failed: \(path("mixed/b-empty.txt")), \(path("mixed/d-rich.txt"))",
        ])
        XCTAssertTrue(run.standardOutput.contains("\"document\":\"a-good\""), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("\"document\":\"c-good\""), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("\"neglect\""))
        XCTAssertTrue(run.standardOutput.contains("\"fathers-male-carers\""))
    }

    func testPDFNamedTxtIsReadAsPDFWithAWarning() throws {
        guard ExternalProgram.locate("pdftotext") != nil else { throw XCTSkip("pdftotext (poppler-utils) is not installed") }
        try FileManager.default.copyItem(atPath: TestSupport.path("Tests/LearningThemesTests/Fixtures/formats/sample.pdf"),
                                         toPath: path("report.txt"))
        let run = try CLI.expect(self, ["classify", path("report.txt"), "--format", "jsonl"], status: 0,
                                 mentions: ["\(path("report.txt")): warning: named .txt but is a PDF"])
        XCTAssertTrue(run.standardOutput.contains("professional-curiosity"), run.standardOutput)
    }

    func testInvalidUTF8AndNULBytesAreWarnedAboutAndStillClassified() throws {
        try write("damaged.txt", Array("Caf\u{E9} visits: neglect of the baby was \u{2018}missed\u{2019}.\n\nThe father".utf8)
                  + [0x00] + Array(" drank; the ".utf8) + [0xC3, 0x28] + Array(" school was not told.\n".utf8))
        let run = try CLI.expect(self, ["classify", path("damaged.txt"), "--format", "jsonl"], status: 0, mentions: [
            "\(path("damaged.txt")):3: warning: 1 invalid UTF-8 byte sequence replaced with U+FFFD (first on line 3)",
            "\(path("damaged.txt")):3: warning: 1 NUL byte replaced with U+FFFD (first on line 3)",
        ])
        XCTAssertTrue(run.standardOutput.contains("\"neglect\""), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("\"fathers-male-carers\""), run.standardOutput)
        XCTAssertTrue(run.standardOutput.contains("The father\u{FFFD} drank"), run.standardOutput)
    }

    func testSingleFiftyMegabyteLineFinishesAndIsReadToTheEnd() throws {
        let sentence = Array("The review found that practitioners met the family at home and spoke with the school. ".utf8)
        var line: [UInt8] = []
        line.reserveCapacity(50 * 1024 * 1024 + 64)
        while line.count < 50 * 1024 * 1024 { line += sentence }
        line += Array("Neglect was missed at the very end.".utf8)
        try write("one-line.txt", line)
        let run = try CLI.expect(self, ["classify", path("one-line.txt"), "--format", "jsonl", "--out", path("one-line.jsonl")],
                                 status: 0, mentions: [])
        let output = try String(contentsOfFile: path("one-line.jsonl"), encoding: .utf8)
        XCTAssertEqual(output.split(separator: "\n").count, 1, "one paragraph: \(run.standardError)")
        XCTAssertTrue(output.contains("\"rule\":\"neg-word\",\"text\":\"Neglect\",\"start\":\(line.count - 35)"),
                      "the evidence at the end of the line is found at its byte offset")
    }

    func testTenThousandLevelsOfNestedHTMLAreFlattened() throws {
        let depth = 10_000
        let page = "<!DOCTYPE html><html><body>" + String(repeating: "<div><span>", count: depth)
            + "<p>Neglect of the baby was not recognised.</p>" + String(repeating: "</span></div>", count: depth) + "</body></html>"
        try write("nested.html", Array(page.utf8))
        try write("nested-unclosed.html", Array(("<html><body>" + String(repeating: "<section><ul><li>", count: depth) + "The father was not seen.").utf8))
        let closed = try CLI.expect(self, ["classify", path("nested.html"), "--format", "jsonl"], status: 0, mentions: [])
        XCTAssertTrue(closed.standardOutput.contains("\"text\":\"Neglect of the baby was not recognised.\""), closed.standardOutput)
        let unclosed = try CLI.expect(self, ["classify", path("nested-unclosed.html"), "--format", "jsonl"], status: 0, mentions: [])
        XCTAssertTrue(unclosed.standardOutput.contains("\"fathers-male-carers\""), unclosed.standardOutput)
    }

    func testOneMegabyteWordIsQuotedWholeAndTheRestStillMatches() throws {
        let word = String(repeating: "x", count: 1024 * 1024)
        try write("word.txt", Array("The \(word) neglect was seen.\n".utf8))
        let run = try CLI.expect(self, ["classify", path("word.txt"), "--format", "jsonl"], status: 0, mentions: [])
        XCTAssertTrue(run.standardOutput.contains(word), "the long word is kept in the paragraph text")
        XCTAssertTrue(run.standardOutput.contains("\"text\":\"neglect\",\"start\":\(5 + word.utf8.count)"), String(run.standardOutput.suffix(300)))
    }

    // MARK: - Rule files

    func testRuleFileTable() throws {
        let cases: [(label: String, neglectRules: String, mentions: [String])] = [
            ("syntax error", "theme neglect\nmatch neg-a: (neglect | abuse\n",
             ["themes/neglect.rules:2:30: expected ')' to close the '(' at column 14"]),
            ("unknown theme id", "theme neglekt\nmatch neg-a: neglect\n",
             ["themes/neglect.rules:1:1: unknown theme id 'neglekt' (did you mean 'neglect'?)"]),
            ("duplicate theme id", "theme domestic-abuse\nmatch neg-a: neglect\n",
             ["themes/neglect.rules:1:1: duplicate theme id 'domestic-abuse' (first defined at ", "themes/domestic-abuse.rules:"]),
            ("duplicate rule id", "theme neglect\nmatch neg-a: neglect\nmatch neg-a: neglected\n",
             ["themes/neglect.rules:3:1: duplicate rule id 'neg-a' (first at ", "themes/neglect.rules:2:1)"]),
            ("empty pattern", "theme neglect\nmatch neg-a:\n", ["themes/neglect.rules:2:13: empty pattern"]),
            ("empty quoted phrase", "theme neglect\nmatch neg-a: \"\"\n", ["themes/neglect.rules:2:14: empty quoted phrase"]),
            ("short wildcard", "theme neglect\nmatch neg-a: ne*\n",
             ["themes/neglect.rules:2:14: wildcard 'ne*' would match almost every word"]),
            ("bare wildcard", "theme neglect\nmatch neg-a: *\n", ["themes/neglect.rules:2:14: wildcard"]),
            ("unknown directive", "theme neglect\nmatchh neg-a: neglect\n",
             ["themes/neglect.rules:2:1: unknown directive 'matchh' (did you mean 'match'?)"]),
        ]
        for (label, text, mentions) in cases {
            let rules = try rulesCopy(label, neglectRules: text)
            for command in [["rules", "check"], ["classify", TestSupport.path("corpus/documents")]] {
                try CLI.expect(self, command + ["--rules", rules], status: 3, mentions: mentions.map { rules + "/" + $0 }, label: label)
            }
        }
        try CLI.expect(self, ["rules", "list", "--rules", path("no-rules")], status: 3, mentions: ["\(path("no-rules")): rules folder not found"])
    }

    // MARK: - Gold files

    func testGoldFileTable() throws {
        let good = #"{"id": "a", "text": "Neglect of the baby.", "themes": ["neglect"], "sources": []}"#
        let cases: [(label: String, text: String, mentions: [String])] = [
            ("broken JSON", good + "\n{\"id\": \"b\", \"text\": \n", [":2: not a JSON object"]),
            ("not JSON", "id,text,themes\n", [":1: not a JSON object"]),
            ("unknown theme", #"{"id": "a", "text": "x", "themes": ["neglekt"], "sources": []}"#,
             [":1: unknown theme id 'neglekt' (did you mean 'neglect'?)"]),
            ("unknown source", #"{"id": "a", "text": "x", "themes": [], "sources": ["audits"]}"#,
             [":1: unknown source id 'audits' (did you mean 'audit'?)"]),
            ("theme given as source", #"{"id": "a", "text": "x", "themes": [], "sources": ["neglect"]}"#, [":1: unknown source id 'neglect'"]),
            ("missing sources", #"{"id": "a", "text": "x", "themes": []}"#, [":1: missing \"sources\""]),
            ("labels not strings", #"{"id": "a", "text": "x", "themes": [1], "sources": []}"#, [":1: \"themes\" must hold strings"]),
            ("duplicate id", good + "\n" + good + "\n", [":2: duplicate id 'a' (first at line 1)"]),
            ("no records", "\n  \n", [": no records in gold file"]),
        ]
        for (number, (label, text, mentions)) in cases.enumerated() {
            let gold = path("gold-\(number).jsonl")
            try write("gold-\(number).jsonl", Array(text.utf8))
            try CLI.expect(self, ["evaluate", "--gold", gold], status: 6, mentions: mentions.map { gold + $0 }, label: label)
        }
        try CLI.expect(self, ["evaluate", "--gold", path("missing.jsonl")], status: 6, mentions: ["\(path("missing.jsonl")): no such file"])
    }

    // MARK: - Options

    func testOptionTable() throws {
        let document = TestSupport.path("corpus/documents/000_e02728fd870d2b9b.txt")
        let cases: [(arguments: [String], mentions: [String])] = [
            (["classify", "--fromat", "jsonl", document], ["unknown option '--fromat' for 'classify' (did you mean '--format'?)"]),
            (["compare", "--by", "source", "--source", "audit"], ["--source cannot be combined with --by source"]),
            (["classify", "--format", "jsn", document], ["--format must be one of text, jsonl, json, csv, markdown, not 'jsn' (did you mean 'json'?)"]),
            (["clasify", document], ["unknown command 'clasify' (did you mean 'classify'?)"]),
            (["matrix", "--rows", "partnerhip"], ["--rows must be one of document, partnership, period, not 'partnerhip' (did you mean 'partnership'?)"]),
            (["compare", "--themes", "neglekt"], ["unknown theme 'neglekt' (did you mean 'neglect'?)"]),
            (["compare", "--source", "audt"], ["unknown learning source 'audt' (did you mean 'audit'?)"]),
            (["rules", "lst"], ["unknown rules subcommand 'lst' (did you mean 'list'?)"]),
            (["classify", "--jobs", "0", document], ["--jobs takes a whole number from 1 to 256, not '0'"]),
            (["classify", "--format", "json", "--format", "csv", document], ["--format given twice with different values ('json' and 'csv')"]),
            (["classify", "--all=yes", document], ["--all takes no value"]),
            (["classify", document, "--out"], ["--out needs a value (FILE)"]),
            (["compare", "--alpha", "2"], ["--alpha must be a number between 0 and 1, not '2'"]),
            (["matrix", "--out", path("themes.xlsx")], ["cannot tell the format from '\(path("themes.xlsx"))': add --format"]),
            (["classify"], ["classify needs at least one FILE, FOLDER or -"]),
            (["evaluate"], ["evaluate needs --gold FILE.jsonl"]),
        ]
        for (arguments, mentions) in cases {
            try CLI.expect(self, arguments, status: 2, mentions: mentions.map { "learning-themes: " + $0 }, label: arguments.joined(separator: " "))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("themes.xlsx")))
    }

    // MARK: - Output safety

    func testOutputOverAnInputIsRefusedAndLeavesItIntact() throws {
        let text = Array("Neglect of the baby was not recognised.\n".utf8)
        try write("input.txt", text)
        try FileManager.default.createSymbolicLink(atPath: path("link.txt"), withDestinationPath: path("input.txt"))
        try FileManager.default.linkItem(atPath: path("input.txt"), toPath: path("hard.txt"))
        for out in [path("input.txt"), sandbox + "/./input.txt", path("link.txt"), path("hard.txt")] {
            try CLI.expect(self, ["classify", path("input.txt"), "--format", "jsonl", "--out", out], status: 5,
                           mentions: ["refusing to write over input file \(out)"], label: out)
            XCTAssertEqual(try bytes("input.txt"), text, "input intact after --out \(out)")
        }
        let corpus = try corpusCopy()
        let document = corpus + "/documents/000_e02728fd870d2b9b.txt"
        let original = try Data(contentsOf: URL(fileURLWithPath: document))
        for command in [["matrix", corpus, "--format", "csv"], ["compare", corpus, "--format", "csv"], ["report", corpus]] {
            try CLI.expect(self, command + ["--out", document], status: 5, mentions: ["refusing to write over input file \(document)"],
                           label: command[0])
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: document)), original, "\(command[0]) left the document intact")
        }
        let gold = path("gold.jsonl")
        try write("gold.jsonl", Array(#"{"id": "a", "text": "Neglect.", "themes": ["neglect"], "sources": []}"#.utf8))
        try CLI.expect(self, ["evaluate", "--gold", gold, "--out", gold], status: 5, mentions: ["refusing to write over input file \(gold)"])
        try CLI.expect(self, ["classify", "--input", "jsonl", gold, "--out", gold], status: 5, mentions: ["refusing to write over input file \(gold)"])
    }

    /// The manifest is read by every corpus command, so it is an input like the documents.
    func testOutputOverTheCorpusManifestIsRefused() throws {
        let corpus = try corpusCopy()
        let manifest = corpus + "/manifest.txt"
        let original = try Data(contentsOf: URL(fileURLWithPath: manifest))
        for command in [["matrix", corpus, "--format", "csv"], ["compare", corpus, "--format", "csv"], ["report", corpus],
                        ["classify", corpus, "--format", "jsonl"]] {
            try CLI.expect(self, command + ["--out", manifest], status: 5, mentions: ["refusing to write over input file \(manifest)"],
                           label: command[0])
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: manifest)), original, "\(command[0]) left the manifest intact")
            try original.write(to: URL(fileURLWithPath: manifest))
        }
    }

    /// Rule files are read by the command as much as the documents are.
    func testOutputOverARuleFileIsRefused() throws {
        let rules = try rulesCopy("out", neglectRules: nil)
        let ruleFile = rules + "/themes/neglect.rules"
        let original = try Data(contentsOf: URL(fileURLWithPath: ruleFile))
        for out in [ruleFile, rules + "/taxonomy.txt"] {
            let saved = try Data(contentsOf: URL(fileURLWithPath: out))
            try CLI.expect(self, ["classify", TestSupport.path("corpus/documents/000_e02728fd870d2b9b.txt"), "--rules", rules,
                                  "--format", "jsonl", "--out", out],
                           status: 5, mentions: ["refusing to write over input file \(out)"], label: out)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), saved, "\(out) intact")
            try saved.write(to: URL(fileURLWithPath: out))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ruleFile)), original)
    }

    func testOutputIntoAMissingFolderFailsAndCreatesNothing() throws {
        let out = path("missing/deeper/tags.jsonl")
        try CLI.expect(self, ["classify", TestSupport.path("corpus/documents/000_e02728fd870d2b9b.txt"), "--format", "jsonl", "--out", out],
                       status: 5, mentions: ["cannot write \(out): directory \(path("missing/deeper")) does not exist"])
        try CLI.expect(self, ["matrix", "--out", path("missing/themes.csv")], status: 5,
                       mentions: ["cannot write \(path("missing/themes.csv")): directory \(path("missing")) does not exist"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("missing")))
    }

    /// A write that fails half way (here: the file size limit) keeps the previous output.
    func testFailingWriteLeavesThePreviousOutputIntact() throws {
        let previous = Array("previous complete output\n".utf8)
        try write("out/tags.jsonl", previous)
        // SIGXFSZ is ignored so the oversized write fails with EFBIG instead of killing the run.
        let run = try CLI.run(["classify", TestSupport.path("corpus/documents"), "--format", "jsonl", "--out", path("out/tags.jsonl")],
                              shellPrefix: "trap '' XFSZ; ulimit -f 64;")
        XCTAssertEqual(run.status, 5, run.standardError)
        XCTAssertTrue(run.standardError.contains("learning-themes: cannot write \(path("out/tags.jsonl")): "), run.standardError)
        CLI.assertClean(run)
        XCTAssertEqual(try bytes("out/tags.jsonl"), previous)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("out")), ["tags.jsonl"], "no temporary file left")
    }

    /// Ctrl-C in the middle of a run: the old output stays, and no partial file is left.
    func testInterruptedRunLeavesNoHalfWrittenOutput() throws {
        let previous = Array("previous complete output\n".utf8)
        try write("out/tags.jsonl", previous)
        let sentence = Array("Practitioners did not consider the neglect of the baby. ".utf8)
        for copy in 0..<4 {
            try write("big/\(copy).txt", Array([[UInt8]](repeating: sentence + [0x0A, 0x0A], count: 60_000).joined()))
        }
        let process = try CLI.start(["classify", path("big"), "--format", "jsonl", "--jobs", "1", "--out", path("out/tags.jsonl")])
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline,
              (try? FileManager.default.contentsOfDirectory(atPath: path("out")).count) ?? 0 < 2 {
            usleep(20_000)
        }
        guard process.isRunning else {
            throw XCTSkip("the run finished before it could be interrupted (status \(process.terminationStatus))")
        }
        process.interrupt()
        process.waitUntilExit()
        XCTAssertEqual(try bytes("out/tags.jsonl"), previous, "the previous output is intact")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("out")), ["tags.jsonl"],
                       "an interrupted run must not leave its temporary file behind")
    }

    // MARK: - Determinism

    /// Every format of every exporting command gives the same bytes twice, also with
    /// another thread count.
    func testEveryFormatIsByteIdenticalAcrossRunsAndThreadCounts() throws {
        let gold = TestSupport.path("corpus/gold/dev.jsonl")
        var commands: [[String]] = []
        commands += ["text", "jsonl", "json", "csv", "markdown"].map { ["classify", "corpus", "--all", "--format", $0] }
        commands += ["csv", "tsv", "json", "jsonl", "markdown", "html"].map { ["matrix", "--format", $0] }
        commands += [["matrix", "--kind", "cooccurrence", "--values", "rates"], ["matrix", "--kind", "sources", "--rows", "partnership"]]
        commands += ["text", "csv", "tsv", "json", "jsonl", "markdown", "html"].map { ["compare", "--format", $0] }
        commands += [["compare", "--by", "period"], ["compare", "--by", "source", "--format", "csv"]]
        commands += ["text", "markdown", "csv", "tsv", "json"].map { ["evaluate", "--gold", gold, "--format", $0] }
        commands += [["evaluate", "--gold", gold, "--errors"], ["report", "--out", "-"]]
        for command in commands {
            let uses = ["classify", "matrix", "compare", "report"].contains(command[0])
            let first = try CLI.run(command + (uses ? ["--jobs", "1"] : []))
            let second = try CLI.run(command + (uses ? ["--jobs", "2"] : []))
            let label = command.joined(separator: " ")
            XCTAssertEqual(first.status, 0, "\(label): \(first.standardError)")
            XCTAssertFalse(first.standardOutput.isEmpty, label)
            XCTAssertTrue(first.standardOutput == second.standardOutput, "\(label) differs between runs")
        }
    }

    // MARK: - Helpers

    private func path(_ relative: String) -> String { sandbox + "/" + relative }

    private func write(_ relative: String, _ bytes: [UInt8]) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    private func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    /// A copy of the bundled rules, with themes/neglect.rules replaced when text is given.
    private func rulesCopy(_ label: String, neglectRules: String?) throws -> String {
        let copy = path("rules-\(label.replacingOccurrences(of: " ", with: "-"))")
        try FileManager.default.copyItem(atPath: TestSupport.path("rules"), toPath: copy)
        if let neglectRules { try Data(neglectRules.utf8).write(to: URL(fileURLWithPath: copy + "/themes/neglect.rules")) }
        return copy
    }

    private func corpusCopy() throws -> String {
        let copy = path("corpus")
        if !FileManager.default.fileExists(atPath: copy) {
            try FileManager.default.copyItem(atPath: TestSupport.path("corpus"), toPath: copy)
        }
        return copy
    }
}

/// Runs the built CLI the ways these tests need beyond `TestSupport.run`: as another
/// user, under a shell limit, or in the background to be interrupted.
enum CLI {
    static func run(_ arguments: [String], input: String? = nil, asNobody: Bool = false, shellPrefix: String? = nil,
                    direct: Bool = false) throws -> TestSupport.Run {
        if direct || asNobody || shellPrefix != nil {
            var command = direct ? arguments : [TestSupport.executable] + arguments
            if asNobody { command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command }
            if let shellPrefix { command = ["/bin/sh", "-c", shellPrefix + " exec \"$0\" \"$@\""] + command }
            return try TestSupport.runProgram(command, input: input)
        }
        return try TestSupport.run(arguments, input: input)
    }

    /// Asserts a failing (or warning) run: the status, every expected phrase on standard
    /// error, and nothing on standard error but `learning-themes:` lines.
    @discardableResult
    static func expect(_ test: XCTestCase, _ arguments: [String], input: String? = nil, status: Int32, mentions: [String],
                       label: String? = nil, asNobody: Bool = false,
                       file: StaticString = #filePath, line: UInt = #line) throws -> TestSupport.Run {
        let run = try self.run(arguments, input: input, asNobody: asNobody)
        let what = label ?? arguments.joined(separator: " ")
        XCTAssertEqual(run.status, status, "\(what): \(run.standardError)", file: file, line: line)
        for phrase in mentions {
            XCTAssertTrue(run.standardError.contains(phrase), "\(what): expected \(phrase.debugDescription) in \(run.standardError.debugDescription)",
                          file: file, line: line)
        }
        assertClean(run, what, file: file, line: line)
        return run
    }

    /// One line per message, each from the tool itself: no crash report, no trace.
    static func assertClean(_ run: TestSupport.Run, _ what: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let crashMarkers = ["Fatal error", "Stack dump", "Backtracing", "Program crashed", "runtime failure"]
        let firstLines = run.standardError.split(separator: "\n").prefix(3).joined(separator: " | ")
        if run.status >= 128 || crashMarkers.contains(where: run.standardError.contains) {
            return XCTFail("\(what): crashed (status \(run.status)): \(firstLines)", file: file, line: line)
        }
        let stray = run.standardError.split(separator: "\n").filter { !$0.hasPrefix("learning-themes: ") }
        XCTAssertEqual(stray, [], "\(what): lines not from the tool", file: file, line: line)
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
