/// "Did you mean ...?" hints for mistyped options, commands and directives.
public enum NearestName {
    /// The closest of `candidates` to `name`, if it is close enough to be a likely typo.
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(name.utf8), Array($0.utf8))) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        let allowed = max(2, name.utf8.count / 3)
        return best.1 <= allowed ? best.0 : nil
    }

    /// `" (did you mean 'x'?)"` or an empty string.
    public static func suggestion(for name: String, among candidates: [String]) -> String {
        nearest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance with two rows; names are short.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
