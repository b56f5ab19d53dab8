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

    /// A state's outputs are ordered by bucket (the byte of the atom's bit), keeping their
    /// order within one, and the buckets of some bits hold every output with those bits;
    /// a state with more outputs than a byte counts is read whole.
    func testStateOutputsAreReadByBucketOfTheirAtomsBits() {
        let atomCount = 700
        var triggers = TriggerTable(atomClauses: AtomClauseIndex(clausesByAtom: Array(repeating: [], count: atomCount), clauses: []))
        defer { triggers.deallocate() }
        var random: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ limit: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(random >> 33) % limit
        }
        for outputCount in [1, 2, 12, 40, 255, 256, 600] {
            let given = (0..<outputCount).map { _ in PhraseStateCache.Output(atom: Int32(next(atomCount)), length: Int32(1 + next(4))) }
            var outputs = given
            outputs.withUnsafeMutableBufferPointer { triggers.add(outputs: $0) }
            let sets = triggers.triggers[triggers.triggers.count - 1]
            func pairs(_ list: [PhraseStateCache.Output]) -> [[Int32]] { list.map { [$0.atom, $0.length] } }
            guard outputCount <= 255 else {
                XCTAssertEqual(pairs(outputs), pairs(given), "a state read whole keeps its order")
                var visited: [Range<Int>] = []
                sets.forEachBucket(holding: 1, count: outputCount) { visited.append($0) }
                XCTAssertEqual(visited, [0..<outputCount])
                continue
            }
            for bucket in 0..<8 {
                XCTAssertEqual(pairs(outputs.filter { TriggerTable.bucket($0.atom) == bucket }),
                               pairs(given.filter { TriggerTable.bucket($0.atom) == bucket }), "order within a bucket")
            }
            XCTAssertEqual(outputs.map { TriggerTable.bucket($0.atom) }, outputs.map { TriggerTable.bucket($0.atom) }.sorted())
            for _ in 0..<20 {
                let wanted = (0..<3).reduce(UInt64(0)) { bits, _ in bits | TriggerTable.bit(Int32(next(64))) }
                var read: [PhraseStateCache.Output] = []
                sets.forEachBucket(holding: sets.atomBits & wanted, count: outputCount) { read += outputs[$0] }
                XCTAssertEqual(pairs(read.filter { TriggerTable.bit($0.atom) & wanted != 0 }),
                               pairs(outputs.filter { TriggerTable.bit($0.atom) & wanted != 0 }))
            }
        }
    }
}
