import XCTest
@testable import LearningThemes

/// `PhraseProduct` multiplies a pattern's units out in reading order, with the sizes the
/// parser's limits need known before any phrase is built.
final class PhraseProductTests: XCTestCase {
    private func unit(_ alternatives: String...) -> [[RuleTerm]] {
        alternatives.map { $0.split(separator: " ").map { RuleTerm(String($0)) } }
    }

    private func text(_ phrases: [[RuleTerm]]) -> [String] {
        phrases.map { $0.map(\.description).joined(separator: " ") }
    }

    func testLastUnitVariesFastest() {
        var product = PhraseProduct()
        product.append(unit("lack", "absence"))
        product.append(unit("of"))
        product.append(unit("curiosity", "challenge"))
        XCTAssertEqual(text(product.phrases()),
                       ["lack of curiosity", "lack of challenge", "absence of curiosity", "absence of challenge"])
        XCTAssertEqual(product.count, 4)
    }

    func testPlainRunsMakeOnePhrase() {
        var product = PhraseProduct()
        for word in ["lack", "of", "professional", "curiosity"] { product.append(unit(word)) }
        XCTAssertEqual(text(product.phrases()), ["lack of professional curiosity"])
        XCTAssertEqual(product.longest, 4)
        XCTAssertEqual(product.firstLength, 4)
        XCTAssertFalse(product.canBeEmpty)
    }

    func testSizesBeforeMultiplyingOut() {
        var product = PhraseProduct()
        product.append(unit("multi agency", "multiagency"))
        product.append(unit("", "new"))  // `(new)?`
        XCTAssertEqual(product.count, 4)
        XCTAssertEqual(product.longest, 3)
        XCTAssertEqual(product.firstLength, 2)
        XCTAssertFalse(product.canBeEmpty)
        XCTAssertEqual(text(product.phrases()), ["multi agency", "multi agency new", "multiagency", "multiagency new"])

        var optional = PhraseProduct()
        optional.append(unit("", "new"))
        optional.append(unit("", "old"))
        XCTAssertTrue(optional.canBeEmpty)
    }

    /// The same phrases, in the same order, as multiplying out after every unit.
    func testMatchesStepByStepExpansion() {
        let units = [unit("a", "b c"), unit("d"), unit("e"), unit("f g", "h", ""), unit("i"), unit("j", "k")]
        var product = PhraseProduct()
        var expected: [[RuleTerm]] = [[]]
        for next in units {
            product.append(next)
            expected = expected.flatMap { prefix in next.map { prefix + $0 } }
            XCTAssertEqual(product.phrases(), expected)
            XCTAssertEqual(product.count, expected.count)
            XCTAssertEqual(product.longest, expected.map(\.count).max())
            XCTAssertEqual(product.firstLength, expected[0].count)
        }
    }
}
