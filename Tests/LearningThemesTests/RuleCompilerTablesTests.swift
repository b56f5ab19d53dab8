import XCTest
@testable import LearningThemes

/// The rule compiler's own tables: terms by their bytes, and symbol lists hashed once.
final class RuleCompilerTablesTests: XCTestCase {
    /// Each distinct term (word and whether it is a prefix) gets its value once, whatever
    /// the order and however many terms there are.
    func testEachTermGetsOneValueAsADictionaryWould() {
        var table = TermTable<Int32>()
        var reference: [RuleTerm: Int32] = [:]
        let words = (0..<300).map { "w\($0 * 7919 % 1000)" } + ["", "é", "children's", "a"]
        for (round, word) in (words + words.reversed()).enumerated() {
            for isPrefix in [false, true] {
                let term = RuleTerm(word, isPrefix: isPrefix)
                XCTAssertEqual(table.value(of: term), reference[term], "\(term)")
                if reference[term] == nil {
                    let value = Int32(round * 2 + (isPrefix ? 1 : 0))
                    table.add(term, value: value)
                    reference[term] = value
                }
                XCTAssertEqual(table.value(of: term), reference[term], "\(term)")
            }
        }
        XCTAssertEqual(reference.count, Set(words).count * 2)
    }

    /// Sequences get the same number exactly when their elements are equal, in order;
    /// numbers count up from 0 in the order first added.
    func testSequencesAreNumberedOnceEachInOrderOfFirstAdding() {
        let lists: [[Int32]] = [[], [0], [-1], [0, -1], [-1, 0], [1, 2, -1, 3, -1], [1, 2, -1, 3, -1, -1], [3, -1, 1, 2, -1]]
        let many = (0..<200).map { [Int32($0 % 7), Int32($0)] }
        var table = SequenceTable()
        for (index, list) in (lists + many).enumerated() {
            XCTAssertEqual(table.insert(list).id, Int32(index))
        }
        for (index, list) in (lists + many).enumerated().reversed() {
            let (id, isNew) = table.insert(Array(list))
            XCTAssertEqual(id, Int32(index))
            XCTAssertFalse(isNew)
            XCTAssertEqual(Array(table[index]), list)
        }
        XCTAssertEqual(table.count, lists.count + many.count)
    }
}
