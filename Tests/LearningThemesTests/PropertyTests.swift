import Foundation
import XCTest
@testable import LearningThemes

/// Properties that must hold for any input, checked on random and mutated inputs drawn
/// from a fixed seed: a failure names its case number and replays on every machine.
final class PropertyTests: XCTestCase {
    static let matcher: Matcher = {
        do {
            return Matcher(ruleSet: try RuleSet.load(directory: TestSupport.path("rules")))
        } catch {
            fatalError("the bundled rules must load: \(error)")
        }
    }()

    static let names = ["input.txt", "input.html", "input.md", "input"]

    func testRandomBytesNeverBreakTheReaderSegmenterTokenizerOrMatcher() {
        var random = SplitMix64(seed: 0x5EED_0001)
        for number in 0..<300 {
            let bytes = RandomInput.bytes(&random, count: random.below(3000))
            let name = Self.names[number % Self.names.count]
            XCTAssertEqual(PipelineInvariants.violations(of: bytes, name: name, matcher: Self.matcher), [],
                           "random input \(number) (\(name)): \(RandomInput.preview(bytes))")
        }
    }

    func testMutatedSeedExcerptsNeverBreakTheReaderSegmenterTokenizerOrMatcher() throws {
        var random = SplitMix64(seed: 0x5EED_0002)
        let seeds = try SeedTexts.all()
        for number in 0..<300 {
            let bytes = RandomInput.mutate(RandomInput.excerpt(of: random.element(seeds), &random), &random)
            let name = Self.names[number % Self.names.count]
            XCTAssertEqual(PipelineInvariants.violations(of: bytes, name: name, matcher: Self.matcher), [],
                           "mutated excerpt \(number) (\(name)): \(RandomInput.preview(bytes))")
        }
    }

    /// The checks themselves must be able to fail, or the two properties above prove nothing.
    func testInvariantChecksCatchEvidenceThatDoesNotQuoteItsBytes() {
        let text = "Neglect of the baby."
        let honest = Classification(themes: ["neglect"], evidence: [Evidence(label: "neglect", rule: "r", text: "Neglect", bytes: 0..<7)])
        let shifted = Classification(themes: ["neglect"], evidence: [Evidence(label: "neglect", rule: "r", text: "Neglect", bytes: 1..<8)])
        let outside = Classification(themes: ["neglect"], evidence: [Evidence(label: "neglect", rule: "r", text: "x", bytes: 19..<40)])
        XCTAssertEqual(PipelineInvariants.evidenceViolations(honest, in: text), [])
        XCTAssertFalse(PipelineInvariants.evidenceViolations(shifted, in: text).isEmpty)
        XCTAssertFalse(PipelineInvariants.evidenceViolations(outside, in: text).isEmpty)
    }

    func testSegmentingTheSameTextTwiceGivesTheSameParagraphs() throws {
        var random = SplitMix64(seed: 0x5EED_0003)
        let seeds = try SeedTexts.all()
        var inputs = seeds
        for _ in 0..<100 { inputs.append(RandomInput.mutate(RandomInput.excerpt(of: random.element(seeds), &random), &random)) }
        for (number, input) in inputs.enumerated() {
            let text = TextDecoding.decode(input, name: "input").utf8
            XCTAssertEqual(ParagraphSegmenter().segment(text), ParagraphSegmenter().segment(text), "input \(number)")
        }
    }

    /// Paragraphs of whole sentences, one per block, are the easy case of the round trip:
    /// no heuristic (headings, page-break joins, lists) has a reason to touch them.
    func testSegmentingSentenceParagraphsSeparatedByBlankLinesGivesThemBack() throws {
        var random = SplitMix64(seed: 0x5EED_0008)
        let sentences = try SeedTexts.sentences()
        XCTAssertGreaterThan(sentences.count, 100)
        for number in 0..<200 {
            let paragraphs = (0..<(1 + random.below(8))).map { _ in
                (0..<(1 + random.below(3))).map { _ in random.element(sentences) }.joined(separator: " ")
            }
            let again = ParagraphSegmenter().segment(Array(paragraphs.joined(separator: "\n\n").utf8)).map(\.text)
            XCTAssertEqual(again, paragraphs, "case \(number)")
        }
    }

    func testClassificationDoesNotDependOnDocumentOrderOrThreadCount() throws {
        let folder = try ShuffledCorpus.make(seed: 0x5EED_0004)
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        var random = SplitMix64(seed: 0x5EED_0005)
        let reference = ShuffledCorpus.results(folder.documents, jobs: 1, matcher: Self.matcher)
        XCTAssertTrue(reference.values.contains { if case .failure = $0 { true } else { false } },
                      "the corpus includes a document that fails, so failures are compared too")
        for (jobs, round) in [(2, 0), (2, 1), (1, 2)] {
            let order = random.shuffled(folder.documents)
            XCTAssertEqual(ShuffledCorpus.results(order, jobs: jobs, matcher: Self.matcher), reference,
                           "jobs \(jobs), shuffle \(round)")
        }
    }

    func testCorpusMatrixDoesNotDependOnDocumentOrderOrThreadCount() throws {
        let folder = try ShuffledCorpus.make(seed: 0x5EED_0006)
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        func matrix(_ documents: [DocumentMetadata], jobs: Int) -> DataTable {
            let analysis = CorpusAnalysis(documents: documents, pipeline: DocumentPipeline(matcher: Self.matcher, jobs: jobs))
            return ThemeMatrix(analysis.tally).table
        }
        let reference = matrix(folder.documents, jobs: 1)
        XCTAssertGreaterThan(reference.rows.count, 3)
        // Same order: the same bytes, whatever the thread count.
        XCTAssertEqual(TableWriter(format: .csv).render(matrix(folder.documents, jobs: 2)), TableWriter(format: .csv).render(reference))
        // Another order lists rows in that order (corpus order), with the same contents.
        var random = SplitMix64(seed: 0x5EED_0007)
        for jobs in [1, 2] {
            let shuffled = matrix(random.shuffled(folder.documents), jobs: jobs)
            XCTAssertEqual(shuffled.columns, reference.columns)
            XCTAssertEqual(ShuffledCorpus.sortedRows(shuffled), ShuffledCorpus.sortedRows(reference), "jobs \(jobs)")
        }
    }
}

/// The tests' random inputs come from the library's fixed-seed generator.
extension SplitMix64 {
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }

    mutating func element<Element>(_ items: [Element]) -> Element { items[below(items.count)] }

    /// Fisher-Yates with this generator, so the order is the same on every run.
    mutating func shuffled<Element>(_ items: [Element]) -> [Element] {
        var result = items
        for index in result.indices.reversed() where index > 0 {
            result.swapAt(index, below(index + 1))
        }
        return result
    }
}

/// Inputs for the properties: raw random bytes, excerpts of real documents, and the edits
/// that real files suffer (encoding damage, stray markup, Windows line ends).
enum RandomInput {
    /// Bytes that steer the reader and segmenter into their special cases.
    static let awkwardPieces: [[UInt8]] = [
        "\r\n", "\n\n", "\t", "\u{0C}", "\0", "\u{FEFF}", "\u{00A0}", "\u{00AD}", "\u{2028}", "\u{2019}", "\u{02BC}", "\u{2032}", "'", "\u{2014}",
        "\u{FB01}", "é", "- ", "* ", "# ", "1. ", "• ", "<p>", "</p>", "<li>", "<td>", "<b>", "<!--", "-->", "<script>",
        "&amp;", "&#8217;", "&nbsp;", "e.g.", "Dr.", "...", "Page 3 of 12", "| ", "**", "_", "[link](x)",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static func bytes(_ random: inout SplitMix64, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        switch random.below(3) {
        case 0:
            for _ in 0..<count { bytes.append(random.byte()) }
        case 1:
            let words = ["the", "child", "neglect", "father", "voice", "school", "Practitioners", "were", "not", "curious"]
            while bytes.count < count {
                bytes += random.below(5) == 0 ? random.element(awkwardPieces) : Array(random.element(words).utf8)
                bytes.append(random.below(8) == 0 ? 0x0A : 0x20)
            }
        default:
            while bytes.count < count { bytes += random.element(awkwardPieces) }
        }
        return bytes
    }

    static func excerpt(of text: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        let length = min(text.count, 200 + random.below(4000))
        let start = random.below(text.count - length + 1)
        return Array(text[start..<start + length])
    }

    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(8)) {
            let position = random.below(bytes.count + 1)
            switch random.below(5) {
            case 0 where position < bytes.count: bytes[position] = random.byte()
            case 1: bytes.insert(random.byte(), at: position)
            case 2: bytes.removeSubrange(position..<min(bytes.count, position + random.below(20)))
            case 3: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + random.below(200))], at: position)
            default: bytes.insert(contentsOf: random.element(awkwardPieces), at: position)
            }
        }
        return bytes
    }

    static func preview(_ bytes: [UInt8]) -> String {
        "\(bytes.count) bytes starting \(String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription)"
    }
}

/// The bundled documents and the format fixtures that are text: what mutations start from.
enum SeedTexts {
    static func documentPaths() throws -> [String] {
        let documents = Corpus.documentFiles(in: TestSupport.path("corpus/documents"))
        XCTAssertGreaterThan(documents.count, 2, "the bundled corpus is the main seed")
        return documents + ["sample.txt", "sample.html", "windows1252.txt", "invalid-utf8.txt"]
            .map { TestSupport.path("Tests/LearningThemesTests/Fixtures/formats/\($0)") }
    }

    static func all() throws -> [[UInt8]] {
        try documentPaths().map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
    }

    /// Plain sentences of the bundled documents (a capital, words, one final full stop).
    static func sentences() throws -> [String] {
        var found: Set<String> = []
        for path in Corpus.documentFiles(in: TestSupport.path("corpus/documents")) {
            for paragraph in ParagraphSegmenter().segment(try DocumentLoader.load(path: path).bytes) {
                for piece in paragraph.text.components(separatedBy: ". ") {
                    let words = piece.split(separator: " ")
                    guard (6...30).contains(words.count), let first = piece.unicodeScalars.first, ("A"..."Z").contains(first),
                          piece.unicodeScalars.allSatisfy({ CharacterSet.letters.contains($0) || " ,'’-".unicodeScalars.contains($0) })
                    else { continue }
                    found.insert(piece + ".")
                }
            }
        }
        return found.sorted()
    }
}

/// The checks the fuzz targets make (fuzz/Shared/FuzzInvariants.swift), as a list of
/// broken invariants so a test can report every one of them with its input.
enum PipelineInvariants {
    static func violations(of bytes: [UInt8], name: String, matcher: Matcher) -> [String] {
        let loaded: LoadedText
        do {
            loaded = try DocumentLoader.load(bytes: bytes, name: name)
        } catch let error as LearningThemesError {
            var problems: [String] = []
            if error.description.contains("\n") { problems.append("error spans lines: \(error)") }
            if error.location?.file != name { problems.append("error does not name the file: \(error)") }
            if ![.input, .tool].contains(error.kind) { problems.append("error of kind \(error.kind): \(error)") }
            return problems
        } catch {
            return ["not a LearningThemesError: \(error)"]
        }
        var problems: [String] = []
        if String(validating: loaded.bytes, as: UTF8.self) == nil { problems.append("loader output is not valid UTF-8") }
        problems += tokenViolations(loaded.bytes)
        let paragraphs = ParagraphSegmenter().segment(loaded.bytes)
        var scratch = MatchScratch(matcher: matcher)
        for (position, paragraph) in paragraphs.enumerated() {
            if paragraph.index != position { problems.append("paragraph \(position) has index \(paragraph.index)") }
            problems += tokenViolations(Array(paragraph.text.utf8))
            problems += evidenceViolations(matcher.classify(paragraph.text, scratch: &scratch), in: paragraph.text)
        }
        return problems
    }

    /// Ranges inside the text, non-empty, on scalar boundaries, in order.
    static func tokenViolations(_ utf8: [UInt8]) -> [String] {
        var problems: [String] = []
        var previousEnd = 0
        utf8.withUnsafeBufferPointer { buffer in
            Tokenizer().forEachToken(in: buffer) { range, _, _ in
                // A few are enough to report; a scanner that stalls would otherwise fill memory.
                guard problems.count < 3 else { return }
                if range.lowerBound < previousEnd || range.isEmpty || range.upperBound > utf8.count {
                    problems.append("token \(range) after \(previousEnd) in \(utf8.count) bytes")
                } else if !isBoundary(utf8, range.lowerBound) || !isBoundary(utf8, range.upperBound) {
                    problems.append("token \(range) cuts a UTF-8 sequence")
                }
                previousEnd = max(previousEnd, range.upperBound)
            }
        }
        return problems
    }

    /// Each evidence quotes exactly the bytes it points at, and backs a tag of the paragraph.
    static func evidenceViolations(_ classification: Classification, in text: String) -> [String] {
        let utf8 = Array(text.utf8)
        var problems: [String] = []
        for evidence in classification.evidence {
            guard evidence.bytes.lowerBound >= 0, evidence.bytes.upperBound <= utf8.count, !evidence.bytes.isEmpty else {
                problems.append("evidence \(evidence.bytes) outside \(utf8.count) bytes")
                continue
            }
            if Array(evidence.text.utf8) != Array(utf8[evidence.bytes]) {
                problems.append("evidence \(evidence.text.debugDescription) is not the text at \(evidence.bytes)")
            }
            if !(classification.themes + classification.sources).contains(evidence.label) {
                problems.append("evidence for \(evidence.label), which is not a tag")
            }
        }
        return problems
    }

    private static func isBoundary(_ utf8: [UInt8], _ offset: Int) -> Bool {
        offset == utf8.count || utf8[offset] & 0xC0 != 0x80
    }
}

/// A temporary corpus: the bundled documents, mutated copies and one unreadable file.
enum ShuffledCorpus {
    struct Folder {
        var path: String
        var documents: [DocumentMetadata]
    }

    /// What a run gives for one document, in a form that can be compared.
    struct Outcome: Equatable {
        var metadata: DocumentMetadata
        var format: DocumentFormat
        var warnings: [Warning]
        var paragraphs: [Paragraph]
        var classifications: [Classification]
    }

    static func make(seed: UInt64) throws -> Folder {
        let path = NSTemporaryDirectory() + "learning-themes-order-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed)
        var files: [(String, [UInt8])] = []
        for (number, text) in try SeedTexts.all().enumerated() {
            files.append(("seed-\(number).txt", text))
            files.append(("mutated-\(number).txt", RandomInput.mutate(text, &random)))
        }
        files.append(("empty.txt", []))
        var documents: [DocumentMetadata] = []
        for (name, bytes) in files {
            let file = (path as NSString).appendingPathComponent(name)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            documents.append(DocumentMetadata(id: (name as NSString).deletingPathExtension, path: file))
        }
        return Folder(path: path, documents: documents)
    }

    static func results(_ documents: [DocumentMetadata], jobs: Int, matcher: Matcher) -> [String: Result<Outcome, LearningThemesError>] {
        var results: [String: Result<Outcome, LearningThemesError>] = [:]
        DocumentPipeline(matcher: matcher, jobs: jobs).run(documents) { metadata, result in
            results[metadata.path] = result.map { document in
                Outcome(metadata: document.metadata, format: document.format, warnings: document.warnings,
                        paragraphs: document.paragraphs.map(\.paragraph), classifications: document.paragraphs.map(\.classification))
            }
        }
        return results
    }

    static func sortedRows(_ table: DataTable) -> [String] {
        table.rows.map { "\($0)" }.sorted()
    }
}
