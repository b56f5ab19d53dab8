/// Reads any document a user has (text, Markdown, a saved web page, Word, PDF)
/// into UTF-8 text for the paragraph segmenter. The content decides the format;
/// the file name only breaks ties, since real files are often misnamed.
public enum DocumentLoader {
    /// Reads the file at `path`; `-` reads standard input.
    public static func load(path: String) throws -> LoadedText {
        if path == "-" {
            let name = "<stdin>"
            return try load(bytes: FileBytesReader.readStandardInput(name: name), name: name, sourcePath: nil)
        }
        return try load(bytes: FileBytesReader.read(path: path), name: path, sourcePath: path)
    }

    /// Same as `load(path:)` for bytes already in memory; `name` is used in
    /// messages and, through its extension, as a hint to the format.
    public static func load(bytes: [UInt8], name: String) throws -> LoadedText {
        try load(bytes: bytes, name: name, sourcePath: nil)
    }

    /// `sourcePath` lets pdftotext read the original file instead of a copy.
    private static func load(bytes: [UInt8], name: String, sourcePath: String?) throws -> LoadedText {
        let location = SourceLocation(file: name)
        let fileExtension = FormatSniffing.fileExtension(of: name)
        guard !bytes.isEmpty else { throw LearningThemesError(.input, "empty file", at: location) }

        switch FormatSniffing.container(of: bytes) {
        case .pdf:
            let extract = { (path: String) in try PDFTextExtractor.extract(pdfAt: path, name: name) }
            let (text, warnings) = try sourcePath.map(extract)
                ?? TemporaryFile.withFile(containing: bytes, suffix: ".pdf", extract)
            return LoadedText(bytes: text, format: .pdf,
                              warnings: ExtensionCheck.warnings(fileExtension, readAs: .pdf, at: location) + warnings)
        case .zip:
            guard ZipDirectory.contains(WordDocumentExtractor.mainPart, in: bytes) else {
                throw LearningThemesError(.input, "zip archive that is not a Word document", at: location)
            }
            let text = try WordDocumentExtractor.extract(bytes, name: name)
            var warnings = ExtensionCheck.warnings(fileExtension, readAs: .docx, at: location)
            if text.isEmpty { warnings.append(Warning("no text found in the Word document", at: location)) }
            return LoadedText(bytes: text, format: .docx, warnings: warnings)
        case .legacyOffice:
            throw LearningThemesError(.input, "old binary Office file (Word 97-2003 .doc or similar): save it as .docx or PDF", at: location)
        case .rtf:
            throw LearningThemesError(.input, "RTF document: save it as .docx or PDF", at: location)
        case nil:
            break
        }

        let sample = TextSample(bytes)
        let utf16 = UTF16Text.detect(bytes, sample: sample)
        if utf16 == nil && sample.looksBinary {
            throw LearningThemesError(.input, "binary file, not a text document", at: location)
        }
        var (text, warnings) = TextDecoding.decode(bytes, name: name, utf16: utf16)
        if UTF8Bytes.isBlank(text) { throw LearningThemesError(.input, "empty file", at: location) }

        if FormatSniffing.looksLikeHTMLPage(text) || ["html", "htm", "xhtml"].contains(fileExtension) {
            let blocks = HTMLTextExtractor.blocks(fromPage: text)
            warnings = ExtensionCheck.warnings(fileExtension, readAs: .html, at: location) + warnings
            if blocks.isEmpty { warnings.append(Warning("no text found in the HTML page", at: location)) }
            return LoadedText(bytes: blocks, format: .html, warnings: warnings)
        }
        let format: DocumentFormat = ["md", "markdown"].contains(fileExtension) ? .markdown : .text
        warnings = ExtensionCheck.warnings(fileExtension, readAs: format, at: location) + warnings
        return LoadedText(bytes: text, format: format, warnings: warnings)
    }
}
