#if canImport(Glibc)
import Glibc
#endif

/// Checks shared by the fuzz targets. A broken invariant must stop the run with a message
/// libFuzzer keeps next to the crashing input, so `abort()` rather than a silent return.
enum FuzzInvariants {
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        guard condition() else {
            report("fuzz invariant broken: \(message())")
            abort()
        }
    }

    /// Straight to file descriptor 2: the C `stderr` global is not concurrency-safe in Swift 6.
    static func report(_ text: String) {
        let line = Array((text + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// The rules folder of this checkout: the fuzz binaries are built from the tree, so the
    /// path of this file finds it; LEARNING_THEMES_RULES overrides it like for the CLI.
    static var rulesDirectory: String {
        if let path = getenv("LEARNING_THEMES_RULES"), path.pointee != 0 { return String(cString: path) }
        let components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        // fuzz/Shared/FuzzInvariants.swift: the checkout is three components up.
        let checkout = components.dropLast(3).joined(separator: "/")
        return (checkout.isEmpty ? "." : checkout) + "/rules"
    }

    /// Messages reach users as one line (`learning-themes: <message>`), whatever the input.
    static func checkOneLine(_ error: LearningThemesError, expectedFile: String, kinds: Set<LearningThemesError.Kind>) {
        let text = error.description
        require(!text.contains("\n"), "error message spans lines: \(text.debugDescription)")
        require(kinds.contains(error.kind), "unexpected error kind \(error.kind) for: \(text)")
        require(error.location?.file == expectedFile, "error does not name the file \(expectedFile): \(text)")
    }

    /// Token ranges lie inside the text, are non-empty, start and end on scalar boundaries
    /// (so quoting them never cuts a character) and come in order; sentences never go back.
    static func checkTokens(of utf8: [UInt8]) {
        var previousEnd = 0
        var previousSentence = 0
        utf8.withUnsafeBufferPointer { buffer in
            Tokenizer().forEachToken(in: buffer) { range, sentence, folded in
                require(range.lowerBound >= previousEnd, "token \(range) starts before the previous one ended at \(previousEnd)")
                require(range.lowerBound < range.upperBound && range.upperBound <= utf8.count,
                        "token \(range) is empty or outside 0..<\(utf8.count)")
                require(isScalarBoundary(utf8, range.lowerBound) && isScalarBoundary(utf8, range.upperBound),
                        "token \(range) cuts a UTF-8 sequence")
                require(sentence >= previousSentence, "sentence number went back from \(previousSentence) to \(sentence)")
                require(!folded.isEmpty && folded.count <= Tokenizer.maximumFoldedLength,
                        "folded form of \(folded.count) bytes for token \(range)")
                previousEnd = range.upperBound
                previousSentence = sentence
            }
        }
    }

    /// Evidence quotes exactly the bytes it points at; tags are listed once, in taxonomy
    /// order, each with evidence; the tally path (`tagIndices`) agrees with `classify`.
    static func checkClassification(of text: String, matcher: Matcher, scratch: inout MatchScratch) {
        let utf8 = Array(text.utf8)
        let classification = matcher.classify(text, scratch: &scratch)
        for evidence in classification.evidence {
            let range = evidence.bytes
            require(range.lowerBound >= 0 && range.lowerBound < range.upperBound && range.upperBound <= utf8.count,
                    "evidence \(range) outside the paragraph of \(utf8.count) bytes")
            require(Array(evidence.text.utf8) == Array(utf8[range]),
                    "evidence text \(evidence.text.debugDescription) is not the bytes at \(range)")
            require(classification.themes.contains(evidence.label) || classification.sources.contains(evidence.label),
                    "evidence for '\(evidence.label)', which is not a tag")
        }
        let order = matcher.ruleSet.rules.map(\.id)
        let tags = classification.themes + classification.sources
        let positions = tags.map { id in order.firstIndex(of: id) ?? -1 }
        require(!positions.contains(-1), "tag outside the rule set: \(tags)")
        require(positions == positions.sorted() && Set(positions).count == positions.count,
                "tags not in taxonomy order or repeated: \(tags)")
        for tag in tags {
            require(classification.evidence.contains { $0.label == tag }, "tag '\(tag)' without evidence")
        }
        let indices = matcher.tagIndices(text, scratch: &scratch)
        require(indices.sorted() == positions, "tagIndices \(indices) disagree with classify \(positions)")
    }

    static func isScalarBoundary(_ utf8: [UInt8], _ offset: Int) -> Bool {
        offset == utf8.count || utf8[offset] & 0xC0 != 0x80
    }
}
