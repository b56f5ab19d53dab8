#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer target: any bytes as a document, through the whole per-document pipeline
/// (read -> segment -> tokenize -> match). Built by `scripts/fuzz reader`, never by
/// `swift build`: the fuzzer runtime must not be a dependency of the package.

/// Loaded once: building the matcher per input would drown the run in rule compilation.
let bundledMatcher: Matcher = {
    do {
        return Matcher(ruleSet: try RuleSet.load(directory: FuzzInvariants.rulesDirectory))
    } catch {
        FuzzInvariants.report("cannot load the bundled rules: \(error)")
        exit(2)
    }
}()

/// The name decides between the text, Markdown and HTML readings of the same bytes, so
/// the length picks one: mutations change it often, seeds keep their bytes intact.
let candidateNames = ["fuzz.txt", "fuzz.html", "fuzz.md", "fuzz"]

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    // pdftotext and unzip are other people's parsers and cost a process per input; hiding
    // them keeps the run on our code (FUZZ_EXTERNAL_TOOLS=1 keeps them).
    if getenv("FUZZ_EXTERNAL_TOOLS") == nil { setenv("PATH", "/nonexistent-fuzz-path", 1) }
    _ = bundledMatcher
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let name = candidateNames[size % candidateNames.count]
    var scratch = MatchScratch(matcher: bundledMatcher)
    do {
        let loaded = try DocumentLoader.load(bytes: bytes, name: name)
        checkDocument(loaded, scratch: &scratch)
    } catch let error as LearningThemesError {
        FuzzInvariants.checkOneLine(error, expectedFile: name, kinds: [.input, .tool])
    } catch {
        FuzzInvariants.require(false, "loader threw a non-LearningThemesError: \(error)")
    }
    checkWordXML(bytes, scratch: &scratch)
    return 0
}

func checkDocument(_ loaded: LoadedText, scratch: inout MatchScratch) {
    FuzzInvariants.require(String(validating: loaded.bytes, as: UTF8.self) != nil, "loader output is not valid UTF-8")
    FuzzInvariants.require(!loaded.bytes.contains(0), "loader output keeps a NUL byte")
    for warning in loaded.warnings {
        FuzzInvariants.require(!warning.description.contains("\n"), "warning spans lines: \(warning.description.debugDescription)")
    }
    let lineCount = loaded.bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let paragraphs = ParagraphSegmenter().segment(loaded.bytes)
    var previousFirstLine = 1
    for (position, paragraph) in paragraphs.enumerated() {
        FuzzInvariants.require(paragraph.index == position, "paragraph \(position) has index \(paragraph.index)")
        FuzzInvariants.require(paragraph.lines.lowerBound >= previousFirstLine && paragraph.lines.upperBound <= lineCount,
                               "paragraph \(position) lines \(paragraph.lines) out of order or past line \(lineCount)")
        FuzzInvariants.require(!paragraph.text.utf8.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) },
                               "paragraph \(position) is blank")
        previousFirstLine = paragraph.lines.lowerBound
        FuzzInvariants.checkTokens(of: Array(paragraph.text.utf8))
        FuzzInvariants.checkClassification(of: paragraph.text, matcher: bundledMatcher, scratch: &scratch)
    }
    // Segmenting is a function of the text: a second run must give the same paragraphs.
    FuzzInvariants.require(ParagraphSegmenter().segment(loaded.bytes) == paragraphs, "segmenting the same text twice differs")
}

/// With unzip hidden, the Word reader is reached directly: the XML part is what a damaged
/// or hostile .docx controls.
func checkWordXML(_ bytes: [UInt8], scratch: inout MatchScratch) {
    guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
          first == UInt8(ascii: "<") else { return }
    do {
        let blocks = try WordDocumentXMLReader.blocks(fromDocumentXML: bytes, name: "fuzz.docx")
        checkDocument(LoadedText(bytes: blocks, format: .docx), scratch: &scratch)
    } catch let error as LearningThemesError {
        FuzzInvariants.checkOneLine(error, expectedFile: "fuzz.docx", kinds: [.input])
    } catch {
        FuzzInvariants.require(false, "Word reader threw a non-LearningThemesError: \(error)")
    }
}
