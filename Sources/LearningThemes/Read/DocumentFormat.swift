/// The kind of file a document was read from. The segmenter uses it to decide how
/// much it must repair: `.pdf` text is hard-wrapped page text, `.text` and
/// `.markdown` are the user's own bytes, while `.html` and `.docx` come out in
/// the block contract described on `LoadedText`.
public enum DocumentFormat: String, Sendable {
    case text, markdown, html, pdf, docx
}

/// A document as UTF-8 text, ready for the paragraph segmenter.
///
/// For `.html` and `.docx` the bytes follow the block contract: every block is
/// one line and blocks are separated by one blank line; a heading is a Markdown
/// `# `..`###### ` line, a list item a `- ` line, a table row its cells joined by
/// TAB, and any other paragraph plain text. `.pdf` gives pdftotext's page text
/// with page breaks as blank lines. `.text` and `.markdown` are the file's own
/// text, only decoded to UTF-8.
public struct LoadedText: Sendable {
    /// Valid UTF-8, without a byte order mark.
    public var bytes: [UInt8]
    public var format: DocumentFormat
    /// What was repaired on the way (re-encoding, replaced bytes, a misleading name).
    public var warnings: [Warning]

    public init(bytes: [UInt8], format: DocumentFormat, warnings: [Warning] = []) {
        self.bytes = bytes
        self.format = format
        self.warnings = warnings
    }
}
