/// A sequence of pattern units, each a list of alternative phrases, that stands for every
/// way of choosing one alternative per unit: `(lack | absence) of curiosity` is the units
/// [[lack], [absence]], [[of]], [[curiosity]] and the phrases "lack of curiosity" and
/// "absence of curiosity".
///
/// The parser checks a pattern's limits as each unit arrives, from the sizes kept here,
/// and multiplies the phrases out once at the end, building each at its final length.
struct PhraseProduct {
    private var units: [[[RuleTerm]]] = []
    /// How many phrases the product has.
    private(set) var count = 1
    /// The length of the longest phrase.
    private(set) var longest = 0
    /// The length of the first phrase (every unit's first alternative).
    private(set) var firstLength = 0
    /// Whether choosing the empty alternative of every unit is possible (`(new)? (old)?`).
    private(set) var canBeEmpty = true

    var isEmpty: Bool { units.isEmpty }

    mutating func append(_ unit: [[RuleTerm]]) {
        // A run of units without alternatives (`lack of curiosity`) is kept as one unit:
        // a plain phrase is then built as it is read, with nothing to multiply out.
        if unit.count == 1, let last = units.indices.last, units[last].count == 1 {
            units[last][0] += unit[0]
        } else {
            units.append(unit)
        }
        count *= unit.count
        var unitLongest = 0
        var unitHasEmpty = false
        for phrase in unit {
            unitLongest = max(unitLongest, phrase.count)
            unitHasEmpty = unitHasEmpty || phrase.isEmpty
        }
        longest += unitLongest
        firstLength += unit[0].count
        canBeEmpty = canBeEmpty && unitHasEmpty
    }

    /// Every phrase, the last unit varying fastest (the order the pattern reads in).
    func phrases() -> [[RuleTerm]] {
        if units.count == 1 { return units[0] }
        var result: [[RuleTerm]] = []
        result.reserveCapacity(count)
        var choice = [Int](repeating: 0, count: units.count)
        for _ in 0..<count {
            var length = 0
            for position in units.indices { length += units[position][choice[position]].count }
            var phrase: [RuleTerm] = []
            phrase.reserveCapacity(length)
            for position in units.indices {
                let alternative = choice[position]
                for index in units[position][alternative].indices { phrase.append(units[position][alternative][index]) }
            }
            result.append(phrase)
            // Step to the next choice like an odometer: the last unit turns fastest.
            var position = units.count - 1
            while position >= 0 {
                choice[position] += 1
                if choice[position] < units[position].count { break }
                choice[position] = 0
                position -= 1
            }
        }
        return result
    }
}
