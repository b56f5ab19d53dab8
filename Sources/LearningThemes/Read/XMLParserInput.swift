/// Makes word/document.xml safe to hand to swift-corelibs' XMLParser, which kills the
/// process (not the parse) on two kinds of input that libxml2 itself accepts:
/// - an element or attribute name that is not valid UTF-8 (libxml2 passes the raw bytes
///   of 8-bit input on, and the parser's String conversion traps);
/// - a processing instruction without data, `<?name?>` (the parser calls strlen on the
///   NULL data pointer).
/// OOXML parts are UTF-8 or UTF-16 (ECMA-376 part 2, 8.1.4), so UTF-16 is converted here
/// and everything the parser sees is checked UTF-8.
enum XMLParserInput {
    static func prepared(_ xml: [UInt8], name: String) throws -> [UInt8] {
        var utf8 = xml
        if let utf16 = UTF16Text.detect(xml) {
            // The declaration would still say UTF-16 and make libxml2 reject the UTF-8 bytes.
            utf8 = withoutDeclaration(UTF16Text.decode(xml, as: utf16).utf8)
        }
        let survey = UTF8Survey(utf8)
        if survey.invalidSequences > 0 {
            let line = UTF8Bytes.lineNumber(of: survey.firstInvalidOffset, in: utf8)
            throw LearningThemesError(
                .input, "damaged Word document: \(WordDocumentExtractor.mainPart) is not valid UTF-8 (line \(line))",
                at: SourceLocation(file: name))
        }
        return givingInstructionsData(utf8)
    }

    /// Drops a leading `<?xml ...?>` (after an optional byte order mark); without one an
    /// XML parser reads UTF-8, which is what the bytes now are.
    private static func withoutDeclaration(_ utf8: [UInt8]) -> [UInt8] {
        let start = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard utf8[start...].starts(with: Array("<?xml".utf8)),
              let close = ByteSearch.firstIndex(of: Array("?>".utf8), in: utf8, from: start) else { return utf8 }
        return Array(utf8[(close + 2)...])
    }

    /// `<?name?>` becomes `<?name ?>`: the same instruction to XML, with empty rather than
    /// absent data. A space cannot change line numbers or any text the reader keeps.
    private static func givingInstructionsData(_ utf8: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        while let open = ByteSearch.firstIndex(of: Array("<?".utf8), in: utf8, from: index) {
            var end = open + 2
            while end < utf8.count, !UTF8Bytes.isWhitespace(utf8[end]), utf8[end] != UInt8(ascii: "?") { end += 1 }
            if end > open + 2, end + 1 < utf8.count, utf8[end] == UInt8(ascii: "?"), utf8[end + 1] == UInt8(ascii: ">") {
                output += utf8[copied..<end]
                output.append(0x20)
                copied = end
            }
            index = end
        }
        if copied == 0 { return utf8 }
        return output + utf8[copied...]
    }
}
