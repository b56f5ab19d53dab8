import Foundation
import XCTest
@testable import LearningThemes

/// Listing a corpus folder without FileManager's enumerator, and the byte-level path
/// names used for every file, against the Foundation answers they replace.
final class CorpusListingTests: XCTestCase {
    func testPathNamesAgreeWithNSString() {
        let names = ["report.txt", "Report.TXT", "a.b.md", "x..txt", "notes", "r\u{E9}sum\u{E9}.Md", "trailing.", "dir/sub.x/file"]
        for name in names {
            XCTAssertEqual(PathNames.lowercasedExtension(of: name), (name as NSString).pathExtension.lowercased(), name)
            for folder in ["/tmp/corpus", "/tmp/corpus/", "relative", "/"] {
                let path = PathNames.joining(folder, name)
                XCTAssertEqual(path, (folder as NSString).appendingPathComponent(name), "\(folder) + \(name)")
                XCTAssertEqual(PathNames.documentID(ofPath: path),
                               ((path as NSString).lastPathComponent as NSString).deletingPathExtension, path)
            }
        }
    }

    func testDocumentFilesSkipHiddenGoldAndLinkedFoldersButListLinkedFiles() throws {
        let root = NSTemporaryDirectory() + "listing-\(UUID().uuidString)"
        let other = root + "-other"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: other)
        }
        let manager = FileManager.default
        for folder in ["sub", ".hidden", "gold", "notes.txt"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try manager.createDirectory(atPath: other, withIntermediateDirectories: true)
        for file in ["a.txt", "B.MD", "README.md", "manifest.txt", "image.png", ".secret.txt", "sub/c.html",
                     ".hidden/d.txt", "gold/e.txt"] {
            manager.createFile(atPath: root + "/" + file, contents: Data("text".utf8))
        }
        manager.createFile(atPath: other + "/f.txt", contents: Data("text".utf8))
        try manager.createSymbolicLink(atPath: root + "/linked", withDestinationPath: other)
        try manager.createSymbolicLink(atPath: root + "/linked.txt", withDestinationPath: other + "/f.txt")

        let expected = ["B.MD", "a.txt", "linked.txt", "notes.txt", "sub/c.html"].map { root + "/" + $0 }
        XCTAssertEqual(Corpus.documentFiles(in: root), expected)
        XCTAssertEqual(Corpus.documentFiles(in: root + "/"), expected)
        try manager.createSymbolicLink(atPath: root + "-link", withDestinationPath: root)
        defer { try? manager.removeItem(atPath: root + "-link") }
        XCTAssertEqual(Corpus.documentFiles(in: root + "-link"), [], "a linked corpus folder is not followed")
    }

    func testCompactCountsKeepEveryWidth() {
        for largest: Int32 in [0, 255, 256, 65535, 65536, Int32.max] {
            let counts: [Int32] = [0, 1, largest, largest / 2, 7]
            let compact = CompactCounts(counts)
            XCTAssertEqual(counts.indices.map { compact[$0] }, counts.map(Int.init), "largest \(largest)")
        }
    }

    func testPipelineDeliversInInputOrderWhenWorkersRunFarAhead() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("corpus/documents"))
            .filter { $0.hasSuffix(".txt") }.sorted()
        // Enough documents that the workers run many ahead of a slow delivery.
        let documents = (0..<60).map { number in
            DocumentMetadata(id: "d\(number)", path: TestSupport.path("corpus/documents/" + seeds[number % seeds.count]))
        }
        let matcher = Matcher(ruleSet: try RuleSet.load(directory: TestSupport.path("rules")))
        var delivered: [String] = []
        DocumentPipeline(matcher: matcher, jobs: 3).run(documents) { metadata, result in
            if delivered.isEmpty { Thread.sleep(forTimeInterval: 0.2) }
            XCTAssertNotNil(try? result.get())
            delivered.append(metadata.id)
        }
        XCTAssertEqual(delivered, documents.map(\.id))
    }
}
