/// Where a problem was found: a file, and where known a line and column (1-based).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and compilers use, so a user can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line = line, let column, line > 0 { text += ":\(column)" }
        return text
    }
}

/// Every failure the engine reports to a user. It is always one line: the CLI prints
/// `learning-themes: <description>` and maps `kind` to a documented exit code.
public struct LearningThemesError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        /// The command line itself is wrong (unknown option, missing argument).
        case usage
        /// A document could not be read or is not a document we can read.
        case input
        /// A rule file is malformed or inconsistent.
        case rules
        /// A gold (labelled) file is malformed.
        case gold
        /// A corpus manifest is malformed.
        case manifest
        /// An output could not be written.
        case output
        /// A program we call (pdftotext, unzip) is missing or failed.
        case tool
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var message: String

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}

/// A problem that does not stop the work (a re-encoded file, replaced bytes).
public struct Warning: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): warning: \(message)" }
}
