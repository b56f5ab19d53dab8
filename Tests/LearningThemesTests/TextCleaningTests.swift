import XCTest
@testable import LearningThemes

/// `TextCleaning.collapsingWhitespace` and `plain` work on UTF-8 bytes; on text where no
/// character joins across a space, their answers are the ones reading `Character`s and
/// `Unicode.Scalar`s give.
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

    func testPlainAgreesWithReadingScalars() {
        let pieces = ["a", "Z", " ", "  ", "\t", "#", "##", "*", "**", "<", ">", "<b>", "</p>", "é", "’", "\u{A0}",
                      "\u{2003}", "😀", "x", "1"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 0...14, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(TextCleaning.plain(text), Self.plainByScalars(text), text.debugDescription)
        }
        // A tag of up to 80 characters (counted as scalars, not bytes) is markup; a longer one is text.
        let tag = "<" + String(repeating: "é", count: 80) + ">"
        XCTAssertEqual(TextCleaning.plain("a" + tag + "b"), "a b")
        XCTAssertEqual(TextCleaning.plain("a<" + String(repeating: "é", count: 81) + ">b"), "a<" + String(repeating: "é", count: 81) + ">b")
    }

    /// What `plain` did before it worked on bytes, kept as the reference.
    private static func plainByScalars(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var kept = String.UnicodeScalarView()
        var index = 0
        if scalars.first == "#" {
            while index < scalars.count, scalars[index] == "#" { index += 1 }
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            kept.append(" ")
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let close = (index + 1..<min(scalars.count, index + 82)).first(where: { scalars[$0] == ">" }) {
                if close - index - 1 >= 1 {
                    kept.append(" ")
                    index = close + 1
                    continue
                }
            }
            if scalar == "*" {
                kept.append(" ")
                index += index + 1 < scalars.count && scalars[index + 1] == "*" ? 2 : 1
            } else {
                kept.append(scalar)
                index += 1
            }
        }
        return TextCleaning.collapsingWhitespace(String(kept))
    }
}
