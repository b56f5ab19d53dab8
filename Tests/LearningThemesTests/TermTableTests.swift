import XCTest
@testable import LearningThemes

/// The rule compiler's term look-up: each distinct term (word and whether it is a prefix)
/// gets its value once, whatever the order and however many terms there are.
final class TermTableTests: XCTestCase {
    func testEachTermGetsOneValueAsADictionaryWould() {
        var table = TermTable<Int32>()
        var reference: [RuleTerm: Int32] = [:]
        let words = (0..<300).map { "w\($0 * 7919 % 1000)" } + ["", "é", "children's", "a"]
        for (round, word) in (words + words.reversed()).enumerated() {
            for isPrefix in [false, true] {
                let term = RuleTerm(word, isPrefix: isPrefix)
                var made = false
                let value = table.value(of: term) {
                    made = true
                    return Int32(round * 2 + (isPrefix ? 1 : 0))
                }
                XCTAssertEqual(made, reference[term] == nil, "\(term)")
                if made { reference[term] = value }
                XCTAssertEqual(value, reference[term], "\(term)")
            }
        }
        XCTAssertEqual(reference.count, Set(words).count * 2)
    }
}
