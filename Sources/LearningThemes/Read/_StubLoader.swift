import Foundation
// TEMPORARY: replaced by the real reader.
public enum DocumentFormat: String, Sendable { case text, markdown, html, pdf, docx }
public struct LoadedText: Sendable { public var bytes: [UInt8]; public var format: DocumentFormat; public var warnings: [Warning] }
public enum DocumentLoader {
    public static func load(path: String) throws -> LoadedText {
        guard let data = FileManager.default.contents(atPath: path) else { throw LearningThemesError(.input, "no such file", at: SourceLocation(file: path)) }
        return try load(bytes: [UInt8](data), name: path)
    }
    public static func load(bytes: [UInt8], name: String) throws -> LoadedText { LoadedText(bytes: bytes, format: .text, warnings: []) }
}
