// TEMPORARY: replaced by the real segmenter.
public struct ParagraphSegmenter: Sendable {
    public init() {}
    public func segment(_ text: [UInt8]) -> [Paragraph] { segment(String(decoding: text, as: UTF8.self)) }
    public func segment(_ text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var buffer: [String] = []
        var start = 1
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.trimmingWhitespace.isEmpty {
                if !buffer.isEmpty { result.append(Paragraph(index: result.count, text: buffer.joined(separator: " "), lines: start...index)) }
                buffer = []
                start = index + 2
            } else { buffer.append(line.trimmingWhitespace) }
        }
        if !buffer.isEmpty { result.append(Paragraph(index: result.count, text: buffer.joined(separator: " "), lines: start...lines.count)) }
        return result
    }
}
