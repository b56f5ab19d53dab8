import Foundation

/// Bytes given to `load(bytes:name:)` (standard input, tests) have no path, but
/// pdftotext and unzip read files; this gives them one for the duration of a call.
enum TemporaryFile {
    static func withFile<Result>(containing bytes: [UInt8], suffix: String,
                                 _ body: (String) throws -> Result) throws -> Result {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("learning-themes-\(UUID().uuidString)\(suffix)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw LearningThemesError(.tool, "cannot write a temporary file in \(FileManager.default.temporaryDirectory.path)")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }
}
