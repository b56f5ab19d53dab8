import Foundation
import XCTest
@testable import LearningThemes

/// `forEachParagraph` must give the paragraphs `segment(_:)` gives, in the same order: the
/// counting commands use it in place of them.
final class SegmenterStreamingTests: XCTestCase {
    private let segmenter = ParagraphSegmenter()

    /// Everything a paragraph carries, as one comparable string per paragraph.
    private func streamedTexts(_ bytes: [UInt8]) -> [String] {
        var texts: [String] = []
        var sections: [Int: String] = [:]
        segmenter.forEachParagraph(bytes) { paragraph in
            let heading = paragraph.heading.map { String(decoding: $0, as: UTF8.self) }
            if let heading { XCTAssertEqual(sections[paragraph.sectionNumber, default: heading], heading) }
            sections[paragraph.sectionNumber] = heading
            texts.append("\(paragraph.index) \(paragraph.lines) \(paragraph.role) \(heading ?? "-")|\(String(decoding: paragraph.text, as: UTF8.self))")
        }
        return texts
    }

    private func segmentedTexts(_ bytes: [UInt8]) -> [String] {
        segmenter.segment(bytes).map { "\($0.index) \($0.lines) \($0.role) \($0.section ?? "-")|\($0.text)" }
    }

    func testStreamedTextsMatchSegmentForEveryCorpusDocument() throws {
        let folder = TestSupport.path("corpus/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            // The bytes the pipeline segments: read and decoded by the loader.
            let bytes = try DocumentLoader.load(path: (folder as NSString).appendingPathComponent(name)).bytes
            let expected = segmentedTexts(bytes)
            XCTAssertFalse(expected.isEmpty, name)
            XCTAssertEqual(streamedTexts(bytes), expected, name)
        }
    }

    func testStreamedTextsMatchSegmentOnMarkupAndEdgeCases() {
        let samples = [
            "",
            "\n\n \u{0C}\n",
            "# Contents\n\nIntroduction\t4\n\n## Foreword\n\nThe partnership met <b>four</b> times &amp; agreed.\n",
            "<p>First &nbsp; block.</p><ol> 1) Comment on the plan (Appendix 2) 2) Provide advice</ol>",
            "SUMMARY OF REPORT\n\nThe board reviewed the multi-\nagency plan and the safe-\nguarding audit in\n2019-\n20 with the\n\nschools over the year.\n",
            "- First item\n- Second item that wraps onto\na second line\n4.1 Numbered heading\n4.2 Next clause follows it.\n",
            "Cell one\tCell two\tCell three\n\u{0}\u{7F} stray\u{00A0}bytes\u{200B} and\u{00AD} marks \u{FEFF}here.\n",
        ]
        for sample in samples {
            let bytes = Array(sample.utf8)
            XCTAssertEqual(streamedTexts(bytes), segmentedTexts(bytes), sample)
        }
    }

    func testFirstWordMatchesOnlyTheWordRemembered() {
        var word = ParagraphSegmenter.FirstWord()
        func opens(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { word.isFirstWord(of: $0) } }
        XCTAssertFalse(opens("Priority 1:"), "nothing remembered yet")
        Array("Priority 1: safer homes".utf8).withUnsafeBufferPointer { word.remember($0) }
        XCTAssertTrue(opens("Priority 2: safer schools"))
        XCTAssertTrue(opens("Priority"))
        XCTAssertFalse(opens("Priorities 3"))
        XCTAssertFalse(opens("Prior 3"))
        Array("".utf8).withUnsafeBufferPointer { word.remember($0) }
        XCTAssertTrue(opens(""), "an empty first word matches an empty one")
        XCTAssertFalse(opens("Priority"))
        word.forget()
        XCTAssertFalse(opens(""))
    }
}
