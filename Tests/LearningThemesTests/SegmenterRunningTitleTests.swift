import XCTest
@testable import LearningThemes

/// The running-title census counts a line in full only once another line has its cheap key
/// (`LineSightings`): texts that share a key but differ must still be told apart.
final class SegmenterRunningTitleTests: XCTestCase {
    private typealias Segmenter = ParagraphSegmenter
    private let segmenter = ParagraphSegmenter()

    /// Same length, same first and last eight bytes: one key, three texts.
    private let title = "Annual Review of Safeguarding Work"
    private let sameKey = ["Annual Report on Safeguarding Work", "Annual Return on Safeguarding Work"]

    func testTextsSharingAKeyAreCountedApart() {
        XCTAssertEqual(key(title), key(sameKey[0]))
        var text = ""
        for round in 0..<3 {
            text += "\(title)\n\nThe partnership met four times in round \(round) and agreed its priorities for the year.\n\n"
        }
        for other in sameKey {
            text += "\(other)\n\nThe board looked at how well agencies worked together and what they learned.\n\n"
        }
        let paragraphs = segmenter.segment(text)
        // Seen three times at the head of a block: a running title, dropped.
        XCTAssertFalse(paragraphs.contains { $0.text == title || $0.section == title })
        // Seen once each, under the same key: headings of what follows them.
        for other in sameKey {
            XCTAssertTrue(paragraphs.contains { $0.section == other }, other)
        }
    }

    func testATitleFirstSeenUnderAnotherTextsKeyIsStillCounted() {
        // The first line with the key is another text; the title comes after it, three times.
        var text = "\(sameKey[0])\n\nThe board looked at how well agencies worked together and what they learned.\n\n"
        for round in 0..<3 {
            text += "\(title)\n\nThe partnership met four times in round \(round) and agreed its priorities for the year.\n\n"
        }
        let paragraphs = segmenter.segment(text)
        XCTAssertFalse(paragraphs.contains { $0.text == title || $0.section == title })
        XCTAssertTrue(paragraphs.contains { $0.section == sameKey[0] })
    }

    func testKeysOfEqualTextsAreEqualWhereverTheyStand() {
        for text in ["Foreword", "Annual Review of Safeguarding Work", "CSCP", "A"] {
            XCTAssertEqual(key(text), key("xyz " + text, from: 4), text)
            XCTAssertNotEqual(key(text), 0)
        }
        // The length is part of the key: an opening of a text is another text.
        XCTAssertNotEqual(key("Foreword"), key("Foreword from the partners"))
        XCTAssertNotEqual(key("Forewor"), key("Foreword"))
    }

    private func key(_ text: String, from start: Int = 0) -> UInt64 {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            Segmenter.LineSightings.key(bytes, start, length: bytes.count - start)
        }
    }
}
