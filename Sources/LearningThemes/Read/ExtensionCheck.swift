/// Tells the user when a file's name promised another format than its content,
/// so a PDF saved as `.txt` or a web page saved as `.doc` does not go unnoticed.
enum ExtensionCheck {
    static func warnings(_ fileExtension: String, readAs format: DocumentFormat, at location: SourceLocation) -> [Warning] {
        guard let promised = promisedFormat(fileExtension), !compatible(promised, format) else { return [] }
        return [Warning("named .\(fileExtension) but is \(description(of: format)): read as \(shortName(of: format)) (the extension is misleading)",
                        at: location)]
    }

    /// nil for extensions that promise nothing in particular (`.dat`, none at all).
    private static func promisedFormat(_ fileExtension: String) -> String? {
        switch fileExtension {
        case "txt", "text": return "text"
        case "md", "markdown": return "markdown"
        case "html", "htm", "xhtml": return "html"
        case "pdf": return "pdf"
        case "docx", "docm", "dotx", "dotm", "doc", "rtf", "odt": return "word"
        default: return nil
        }
    }

    /// Plain text and Markdown are both read as they are, so mixing them up is harmless.
    private static func compatible(_ promised: String, _ format: DocumentFormat) -> Bool {
        switch format {
        case .text, .markdown: return promised == "text" || promised == "markdown"
        case .html: return promised == "html"
        case .pdf: return promised == "pdf"
        case .docx: return promised == "word"
        }
    }

    private static func description(of format: DocumentFormat) -> String {
        switch format {
        case .text, .markdown: return "plain text"
        case .html: return "an HTML page"
        case .pdf: return "a PDF"
        case .docx: return "a Word document"
        }
    }

    private static func shortName(of format: DocumentFormat) -> String {
        switch format {
        case .text, .markdown: return "text"
        case .html: return "HTML"
        case .pdf: return "PDF"
        case .docx: return "Word"
        }
    }
}
