/// The file formats a `DataTable` can be exported as.
public enum TableFormat: String, CaseIterable, Sendable {
    /// RFC 4180, for Excel (with a byte order mark) and for R/pandas (without).
    case csv
    /// Tab-separated without quoting, for `read.delim` and Unix tools.
    case tsv
    /// One array of objects.
    case json
    /// JSON Lines: one object per line, for streaming readers.
    case jsonl
    /// A GitHub pipe table for reports and READMEs.
    case markdown
    /// A standalone page that opens in any browser.
    case html

    /// The format a file name's extension asks for, case-insensitively, with or without the dot.
    public init?(fileExtension: String) {
        let name = fileExtension.hasPrefix(".") ? String(fileExtension.dropFirst()) : fileExtension
        switch name.lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// The format implied by the extension of a path, e.g. "out/matrix.tsv".
    public init?(path: String) {
        let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        self.init(fileExtension: String(fileName[fileName.index(after: dot)...]))
    }

    public var preferredFileExtension: String {
        switch self {
        case .markdown: return "md"
        default: return rawValue
        }
    }
}
