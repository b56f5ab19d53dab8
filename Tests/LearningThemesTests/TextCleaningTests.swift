import XCTest
@testable import LearningThemes

/// `TextCleaning.collapsingWhitespace` works on UTF-8 bytes; on text where no character
/// joins across a space, its answer is the one splitting into `Character`s gives.
final class TextCleaningTests: XCTestCase {
    private typealias TextCleaning = MetadataDetector.TextCleaning

    func testCollapsingWhitespaceAgreesWithSplittingCharacters() {
        let pieces = ["a", "Z", "7", ".", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2003}",
                      "\u{85}", "\u{2028}", "é", "ß", "’", "–", "😀", "漢", "\u{1F}", "#"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            XCTAssertEqual(TextCleaning.collapsingWhitespace(text), expected, text.debugDescription)
        }
    }

    func testMarksAfterSpacesAreLeftToCharacters() {
        // A combining acute after a space joins it into one character that is not whitespace.
        let text = "a \u{301}b  c"
        XCTAssertEqual(TextCleaning.collapsingWhitespace(text),
                       text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }
}
