import Foundation

extension MetadataDetector {
    /// A compiled regular expression for the detector's fixed tables. The patterns are
    /// constants written in this folder, so one that does not compile is a programming
    /// error, caught by the first test that runs the detector.
    struct TextPattern: Sendable {
        let regex: NSRegularExpression

        /// Case-insensitive, as documents write names and labels in any case.
        init(_ pattern: String) {
            do {
                regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            } catch {
                preconditionFailure("detector pattern does not compile: \(pattern): \(error)")
            }
        }

        func matches(in text: String) -> [TextMatch] {
            let whole = NSRange(location: 0, length: (text as NSString).length)
            return regex.matches(in: text, range: whole).map { TextMatch(result: $0, text: text) }
        }

        func firstMatch(in text: String) -> TextMatch? {
            let whole = NSRange(location: 0, length: (text as NSString).length)
            return regex.firstMatch(in: text, range: whole).map { TextMatch(result: $0, text: text) }
        }

        func isFound(in text: String) -> Bool { firstMatch(in: text) != nil }
    }

    struct TextMatch {
        let result: NSTextCheckingResult
        let text: String

        var range: NSRange { result.range }
        var matched: String { (text as NSString).substring(with: result.range) }

        /// The text of a named group, or nil when the group took no part in the match.
        func group(_ name: String) -> String? {
            let range = result.range(withName: name)
            guard range.location != NSNotFound else { return nil }
            return (text as NSString).substring(with: range)
        }

        func groupRange(_ name: String) -> NSRange? {
            let range = result.range(withName: name)
            return range.location == NSNotFound ? nil : range
        }
    }

    /// Pieces shared by the detector's patterns.
    enum PatternPiece {
        /// Whitespace between two words that may also be a single hard line break, because
        /// text extracted from PDFs wraps names ("Camden \nSafeguarding Children Partnership")
        /// but a blank line ends a paragraph and so ends a name.
        static let gap = #"(?=[ \t\u00A0\n])[ \t\u00A0]*\n?[ \t\u00A0]*"#

        /// A literal multi-word phrase as a pattern that tolerates wrapped lines, "&" for
        /// "and" and hyphens written as spaces.
        static func phrase(_ words: String) -> String {
            words.split(separator: " ").map { word -> String in
                if word == "and" { return "(?:and|&)" }
                if word == "St" { return #"St\.?"# }
                return NSRegularExpression.escapedPattern(for: String(word))
                    .replacingOccurrences(of: "-", with: "(?:-|\(gap))")
            }.joined(separator: gap)
        }
    }
}
