import Foundation
import LearningThemes

/// Colour and progress decisions for the terminal. Colour only when writing to a terminal,
/// never when NO_COLOR is set (https://no-color.org) or TERM is dumb.
struct Terminal {
    let colour: Bool
    let progress: Bool

    init(colourOption: String?, writesToStandardOutput: Bool) {
        let environment = ProcessInfo.processInfo.environment
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        switch colourOption {
        case "always": colour = true
        case "never": colour = false
        default: colour = writesToStandardOutput && isatty(STDOUT_FILENO) == 1 && !noColour && environment["TERM"] != "dumb"
        }
        progress = isatty(STDERR_FILENO) == 1 && environment["CI"] == nil
    }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func theme(_ text: String) -> String { colour ? "\u{1B}[36m\(text)\u{1B}[0m" : text }
    func source(_ text: String) -> String { colour ? "\u{1B}[35m\(text)\u{1B}[0m" : text }
    func quote(_ text: String) -> String { colour ? "\u{1B}[33m\(text)\u{1B}[0m" : text }

    /// A one-line progress note on standard error, rewritten in place; only on a terminal.
    func showProgress(_ done: Int, of total: Int, _ what: String) {
        guard progress, total > 1 else { return }
        let line = "[\(done)/\(total)] \(what)"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + String(line.prefix(100))).utf8))
        if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Writes one line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
