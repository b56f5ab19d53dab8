/// Paragraph text as markup with the evidence words in `<mark>`.
///
/// Evidence offsets are UTF-8 byte offsets. They are clamped to the text and widened to
/// whole characters before slicing, so an offset that lands inside a multi-byte character
/// (a stale or hand-made offset) can only highlight slightly more, never corrupt the text.
enum EvidenceHighlighter {
    struct Span: Equatable {
        var bytes: Range<Int>
        /// Rule ids behind the span, first seen first.
        var rules: [String]
    }

    static func markup(_ text: String, evidence: [Evidence]) -> HTML {
        let utf8 = Array(text.utf8)
        var out = HTML()
        var position = 0
        for span in spans(evidence, in: utf8) {
            out.appendText(String(decoding: utf8[position..<span.bytes.lowerBound], as: UTF8.self))
            let marked = String(decoding: utf8[span.bytes], as: UTF8.self)
            let rules = span.rules.joined(separator: ", ")
            out += "<mark title=\"rule \(rules)\">\(marked)</mark>"
            position = span.bytes.upperBound
        }
        out.appendText(String(decoding: utf8[position...], as: UTF8.self))
        return out
    }

    /// Evidence ranges on character boundaries, in order, with overlapping or touching
    /// ranges merged so that marks never nest.
    static func spans(_ evidence: [Evidence], in utf8: [UInt8]) -> [Span] {
        let widened = evidence.compactMap { item -> Span? in
            var start = min(max(0, item.bytes.lowerBound), utf8.count)
            var end = min(max(start, item.bytes.upperBound), utf8.count)
            while start > 0 && start < utf8.count && isContinuation(utf8[start]) { start -= 1 }
            while end < utf8.count && isContinuation(utf8[end]) { end += 1 }
            return start < end ? Span(bytes: start..<end, rules: [item.rule]) : nil
        }
        let ordered = widened.enumerated().sorted {
            ($0.element.bytes.lowerBound, $0.element.bytes.upperBound, $0.offset)
                < ($1.element.bytes.lowerBound, $1.element.bytes.upperBound, $1.offset)
        }.map(\.element)
        var merged: [Span] = []
        for span in ordered {
            if var last = merged.last, span.bytes.lowerBound <= last.bytes.upperBound {
                last.bytes = last.bytes.lowerBound..<max(last.bytes.upperBound, span.bytes.upperBound)
                for rule in span.rules where !last.rules.contains(rule) { last.rules.append(rule) }
                merged[merged.count - 1] = last
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0b1100_0000 == 0b1000_0000 }
}
