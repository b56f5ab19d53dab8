import Foundation
import XCTest

/// The command line as a user meets it: real runs of the built executable.
final class CommandLineTests: XCTestCase {
    func testClassifyShowsParagraphsWithThemesAndEvidence() throws {
        let run = try TestSupport.run(["classify", "corpus/documents/002_99b8432725e0b66d.txt", "--color", "never"])
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.hasPrefix("croydon-2022-23  corpus/documents/002_99b8432725e0b66d.txt"))
        XCTAssertTrue(run.standardOutput.contains("Croydon Safeguarding Children Partnership · 2022-23 · Committee report"))
        XCTAssertTrue(run.standardOutput.contains("lack of professional curiosity by some practitioners"))
        XCTAssertTrue(run.standardOutput.contains("professional-curiosity  pc-phrase  “professional curiosity”"))
    }

    func testJSONLInputRoundTripsIDsAndTextInOrder() throws {
        let input = """
        {"id": "first", "text": "Practitioners lacked professional curiosity about the father."}
        {"id": 42, "text": "The finance subgroup met twice."}
        {"id": "third", "text": "Learning from the rapid review was shared."}

        """
        let run = try TestSupport.run(["classify", "--input", "jsonl", "--format", "jsonl", "-"], input: input)
        XCTAssertEqual(run.status, 0, run.standardError)
        let records = run.standardOutput.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        XCTAssertEqual(records.map { $0["id"] as? String }, ["first", "42", "third"])
        XCTAssertEqual(records[0]["themes"] as? [String], ["professional-curiosity", "fathers-male-carers"])
        XCTAssertEqual(records[1]["themes"] as? [String], [])
        XCTAssertEqual(records[2]["sources"] as? [String], ["rapid-review"])
        let evidence = try XCTUnwrap(records[0]["evidence"] as? [[String: Any]])
        XCTAssertTrue(evidence.allSatisfy { $0["label"] != nil && $0["rule"] != nil && $0["text"] != nil })
    }

    func testEveryFormatOfClassifyCarriesTheRecords() throws {
        for format in ["json", "csv", "markdown"] {
            let run = try TestSupport.run(["classify", "corpus/documents/003_d2ec2fb248091264.txt", "--format", format])
            XCTAssertEqual(run.status, 0, "\(format): \(run.standardError)")
            XCTAssertTrue(run.standardOutput.contains("camden-2024-25:"), format)
            XCTAssertTrue(run.standardOutput.contains("children-in-care"), format)
        }
    }

    func testJSONLSaysWhichEarlierParagraphASourceCameFrom() throws {
        let run = try TestSupport.run(["classify", "corpus/documents/004_88e82ee6e365f5e3.txt", "--format", "jsonl"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let records = run.standardOutput.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let referring = try XCTUnwrap(records.first { ($0["text"] as? String)?.hasPrefix("We will report the findings for both these reviews") == true })
        XCTAssertEqual(referring["sources"] as? [String], ["practice-review"])
        let evidence = try XCTUnwrap(referring["evidence"] as? [[String: Any]])
        let named = try XCTUnwrap(evidence.first { $0["inherited_from"] is [String: Any] })
        let origin = try XCTUnwrap(named["inherited_from"] as? [String: Any])
        XCTAssertEqual(origin["kind"] as? String, "antecedent")
        // The paragraph named is the one before, where the quoted words really are.
        let paragraph = try XCTUnwrap(origin["paragraph"] as? Int)
        XCTAssertEqual(paragraph, (referring["paragraph"] as? Int).map { $0 - 1 })
        let before = try XCTUnwrap(records.first { $0["paragraph"] as? Int == paragraph })
        XCTAssertTrue((before["text"] as? String)?.contains(named["text"] as? String ?? "-") == true)
        XCTAssertTrue(evidence.contains { $0["rule"] as? String == "anaphor" && $0["inherited_from"] is NSNull })
    }

    func testJSONLSaysASourceCameFromTheManifestsKind() throws {
        let folder = NSTemporaryDirectory() + "declared-kind-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "Cases were chosen from the last six months.\n".write(toFile: folder + "/audit.txt", atomically: true, encoding: .utf8)
        try "[audit]\nfile: audit.txt\npartnership: Test Partnership\nperiod: 2023-24\nkind: audit-report\n"
            .write(toFile: folder + "/manifest.txt", atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["classify", folder, "--format", "jsonl"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let record = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(record["sources"] as? [String], ["audit"])
        let evidence = try XCTUnwrap((record["evidence"] as? [[String: Any]])?.first)
        XCTAssertEqual(evidence["rule"] as? String, "document-kind")
        XCTAssertEqual(evidence["text"] as? String, "kind: audit-report")
        XCTAssertEqual((evidence["inherited_from"] as? [String: Any])?["kind"] as? String, "document")
    }

    func testRulesAreFoundFromAnotherWorkingDirectory() throws {
        let run = try TestSupport.run(["classify", "--input", "jsonl", "--format", "jsonl", "-"],
                                      input: "{\"id\":\"x\",\"text\":\"Disguised compliance was missed.\"}\n",
                                      directory: NSTemporaryDirectory())
        XCTAssertEqual(run.status, 0, run.standardError)
        XCTAssertTrue(run.standardOutput.contains("\"professional-curiosity\""))
    }

    func testEveryCommandHasHelp() throws {
        for command in ["classify", "rules", "evaluate", "compare", "matrix", "report", "inspect"] {
            let run = try TestSupport.run([command, "--help"])
            XCTAssertEqual(run.status, 0, command)
            XCTAssertTrue(run.standardOutput.contains("Usage: learning-themes \(command)"), command)
        }
        let main = try TestSupport.run(["--help"])
        XCTAssertEqual(main.status, 0)
        XCTAssertTrue(main.standardOutput.contains("Exit codes"))
    }

    func testUnknownCommandAndOptionGiveAHintAndExitCode2() throws {
        let command = try TestSupport.run(["clasify", "x.txt"])
        XCTAssertEqual(command.status, 2)
        XCTAssertEqual(command.standardError, "learning-themes: unknown command 'clasify' (did you mean 'classify'?); see 'learning-themes --help'\n")
        let option = try TestSupport.run(["matrix", "--rowz", "period"])
        XCTAssertEqual(option.status, 2)
        XCTAssertTrue(option.standardError.contains("unknown option '--rowz' for 'matrix' (did you mean '--rows'?)"), option.standardError)
    }

    func testRulesTestAndCheckPassOnTheBundledRules() throws {
        let test = try TestSupport.run(["rules", "test"])
        XCTAssertEqual(test.status, 0, test.standardOutput)
        XCTAssertTrue(test.standardOutput.hasSuffix(" passed, 0 failed\n"))
        let check = try TestSupport.run(["rules", "check"])
        XCTAssertEqual(check.status, 0, check.standardOutput)
        let list = try TestSupport.run(["rules", "list"])
        XCTAssertEqual(list.standardOutput.split(separator: "\n").count, 2 + 36)
    }

    func testCompareKeepsTheThreePartnershipsApart() throws {
        let run = try TestSupport.run(["compare", "--format", "csv", "--themes", "neglect"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let groups = Set(run.standardOutput.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] })
        XCTAssertEqual(groups, ["Camden Safeguarding Children Partnership", "Croydon Safeguarding Children Partnership",
                                "Kensington and Chelsea and Westminster Local Safeguarding Children Partnership"])
    }

    /// A hand-labelled bullet of the Camden 2019-20 report (findings of the HMIP inspection of
    /// the youth offending service): its own words name no inspection, its document does.
    func testEvaluateSeesGoldParagraphsInTheirDocument() throws {
        let record = try XCTUnwrap(String(decoding: FileManager.default.contents(atPath: TestSupport.path("corpus/gold/dev.jsonl"))!, as: UTF8.self)
            .split(separator: "\n").first { $0.contains("\"camden-2019-20:L2975\"") })
        XCTAssertTrue(record.contains("\"sources\": [\"inspection\"]"))
        let path = NSTemporaryDirectory() + "gold-\(UUID().uuidString).jsonl"
        try (record + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let inContext = try TestSupport.run(["evaluate", "--gold", path, "--format", "csv"])
        XCTAssertEqual(inContext.status, 0, inContext.standardError)
        XCTAssertTrue(inContext.standardOutput.contains("source,inspection,1,1,0,0,"), inContext.standardOutput)
        let alone = try TestSupport.run(["evaluate", "--gold", path, "--format", "csv", "--alone"])
        XCTAssertTrue(alone.standardOutput.contains("source,inspection,1,0,0,1,"), alone.standardOutput)
        let text = try TestSupport.run(["evaluate", "--gold", path, "--errors", "--alone"])
        XCTAssertTrue(text.standardOutput.contains("Each paragraph classified alone."))
        XCTAssertTrue(text.standardOutput.contains("**false-negative** `inspection` camden-2019-20:L2975"))
    }

    func testEvaluateRejectsAMissingCorpusFolder() throws {
        let run = try TestSupport.run(["evaluate", "--gold", "corpus/gold/dev.jsonl", "--corpus", "no-such-corpus"])
        XCTAssertEqual(run.status, 4)
        XCTAssertEqual(run.standardError, "learning-themes: no-such-corpus: no such corpus folder\n")
        XCTAssertEqual(run.standardOutput, "")
    }

    func testEvaluateRejectsABadDocumentOriginByLine() throws {
        let (run, path) = try evaluate(gold: "{\"id\":\"a\",\"doc\":\"camden-2019-20\",\"lines\":[9,3],\"text\":\"x\",\"themes\":[],\"sources\":[]}\n")
        XCTAssertEqual(run.status, 6)
        XCTAssertEqual(run.standardError, "learning-themes: \(path):1: \"lines\" must be [first, last] line numbers with first ≤ last\n")
    }

    func testEvaluateRejectsAMalformedGoldLineByNumber() throws {
        let (run, path) = try evaluate(gold: "{\"id\":\"a\",\"text\":\"x\",\"themes\":[],\"sources\":[]}\n{not json\n")
        XCTAssertEqual(run.status, 6)
        XCTAssertEqual(run.standardError, "learning-themes: \(path):2: not a JSON object\n")
    }

    /// Runs `evaluate` on a gold file with these contents, returning the run and the
    /// file's path (which error messages name); the file is gone afterwards.
    private func evaluate(gold contents: String) throws -> (TestSupport.Run, String) {
        let path = NSTemporaryDirectory() + "gold-\(UUID().uuidString).jsonl"
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (try TestSupport.run(["evaluate", "--gold", path]), path)
    }
}
