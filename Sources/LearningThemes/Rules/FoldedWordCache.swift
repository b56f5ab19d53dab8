/// The terms each written rule word folds to, shared by every clause of a rules folder:
/// rule files write the same few thousand words tens of thousands of times, and folding
/// one runs the tokenizer and builds new strings and arrays.
final class FoldedWordCache {
    struct Key: Hashable {
        var text: String
        var isPrefix: Bool
    }

    /// Only words that fold without error are kept; a bad word is reported where it occurs.
    var terms: [Key: [[RuleTerm]]]
    let tokenizer = Tokenizer()

    /// Room for the distinct words of a rules folder (about 3,400 in the bundled rules),
    /// so the table is not rebuilt as it fills.
    init() {
        terms = Dictionary(minimumCapacity: 4096)
    }
}
