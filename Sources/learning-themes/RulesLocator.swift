import Foundation
import LearningThemes

/// Finds the rules folder when `--rules` is not given, so the tool works from any working
/// directory: $LEARNING_THEMES_RULES, then a `rules/` with a taxonomy.txt in the current
/// folder or a parent, then next to the executable or a parent (a built checkout), then the
/// checkout this binary was built from.
enum RulesLocator {
    static func locate(_ option: String?) throws -> String {
        if let option { return option }
        if let fromEnvironment = ProcessInfo.processInfo.environment["LEARNING_THEMES_RULES"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let starts = [
            FileManager.default.currentDirectoryPath,
            (CommandLine.arguments[0] as NSString).deletingLastPathComponent,
            Bundle.main.executablePath.map { ($0 as NSString).deletingLastPathComponent } ?? "",
            ((#filePath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent,
        ]
        for start in starts where !start.isEmpty {
            var folder = (start as NSString).standardizingPath
            while true {
                let candidate = (folder as NSString).appendingPathComponent("rules")
                if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("taxonomy.txt")) {
                    return candidate
                }
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder || parent.isEmpty { break }
                folder = parent
            }
        }
        throw LearningThemesError(.rules, "cannot find the rules folder: pass --rules DIR or set LEARNING_THEMES_RULES")
    }

    /// The bundled corpus, found the same way (for commands whose CORPUS defaults to it).
    static func defaultCorpus() throws -> String {
        let rules = try locate(nil)
        let corpus = ((rules as NSString).deletingLastPathComponent as NSString).appendingPathComponent("corpus")
        guard FileManager.default.fileExists(atPath: corpus) else {
            throw LearningThemesError(.input, "cannot find the bundled corpus next to \(rules): give a CORPUS folder")
        }
        return corpus
    }
}
