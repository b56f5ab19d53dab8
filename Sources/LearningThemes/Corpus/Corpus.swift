import Foundation

/// A folder of documents with its manifest. Documents listed in `manifest.txt` come first,
/// in manifest order; other document files in the folder follow in path order, with
/// whatever metadata can be detected from their text.
public struct Corpus: Sendable {
    /// The corpus folder.
    public var root: String
    /// Every document; `path` is resolved against `root`.
    public var documents: [DocumentMetadata]
    /// Documents found in the folder but not in the manifest (their metadata is detected).
    public var unlisted: Set<String>

    public static let manifestName = "manifest.txt"
    public static let documentExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "pdf", "docx"]

    public static func load(_ root: String) throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw LearningThemesError(.input, "no such corpus folder", at: SourceLocation(file: root))
        }
        guard isDirectory.boolValue else {
            throw LearningThemesError(.input, "not a folder: a corpus is a folder of documents with a \(manifestName)", at: SourceLocation(file: root))
        }
        let manifestPath = (root as NSString).appendingPathComponent(manifestName)
        var documents: [DocumentMetadata] = []
        if let data = FileManager.default.contents(atPath: manifestPath) {
            for var entry in try Manifest.parse([UInt8](data), file: manifestPath).entries {
                entry.path = (root as NSString).appendingPathComponent(entry.path)
                documents.append(entry)
            }
        }
        let listed = Set(documents.map { ($0.path as NSString).standardizingPath })
        var unlisted: Set<String> = []
        var usedIDs = Set(documents.map(\.id))
        for path in documentFiles(in: root) where listed.isEmpty || !listed.contains((path as NSString).standardizingPath) {
            var id = PathNames.documentID(ofPath: path)
            while usedIDs.contains(id) { id += "-2" }
            usedIDs.insert(id)
            documents.append(DocumentMetadata(id: id, path: path))
            unlisted.insert(path)
        }
        return Corpus(root: root, documents: documents, unlisted: unlisted)
    }

    /// Document files below `folder`, sorted, skipping the manifest, READMEs and hidden files.
    public static func documentFiles(in folder: String) -> [String] {
        FolderWalk.entries(in: folder, entersFolder: { !$0.hasPrefix(".") && $0 != "gold" }, keeps: isDocumentName)
            .map { PathNames.joining(folder, $0) }
            .sorted()
    }

    /// Whether a file of this name is read as a document.
    private static func isDocumentName(_ name: String) -> Bool {
        guard !name.hasPrefix("."), name != manifestName, !isReadme(name) else { return false }
        return documentExtensions.contains(PathNames.lowercasedExtension(of: name))
    }

    /// "README", "readme.md", ...: upper-cased as Unicode does ("ſ" is "S"), though ASCII
    /// names, nearly all of them, need only their first six bytes compared.
    private static func isReadme(_ name: String) -> Bool {
        let ascii: Bool? = name.withUTF8Bytes { utf8 in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            return utf8.count >= 6 && zip(utf8.prefix(6), readme).allSatisfy { $0 & 0xDF == $1 }
        }
        return ascii ?? name.uppercased().hasPrefix("README")
    }

    private static let readme = Array("README".utf8)
}
