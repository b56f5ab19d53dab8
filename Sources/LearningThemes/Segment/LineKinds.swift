extension ParagraphSegmenter {
    /// Sorts the lines by the structure they carry before any text is read closely.
    enum LineKinds {
        /// Turns a text or tabbed line into furniture, a Markdown heading or an HTML line
        /// when it is one.
        @inline(__always)
        static func refine(_ line: inout SourceLine, in bytes: UnsafeBufferPointer<UInt8>) {
            guard line.kind == .text || line.kind == .tabbed else { return }
            if PageFurniture.isFurniture(bytes, line.start, line.end) {
                line.kind = .furniture
            } else if line.kind == .text {
                if isMarkdownHeading(bytes, line.start, line.end) {
                    line.kind = .markdownHeading
                } else if line.hasAngle && HTMLTag.containsBlockTag(bytes, line.start, line.end) {
                    line.kind = .html
                }
            }
        }

        /// "# Title" to "###### Title"; "#hashtag" is not a heading.
        @inline(__always)
        static func isMarkdownHeading(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            // Asked of every line: the first byte turns nearly all of them away without a call.
            start < end && bytes[start] == UInt8(ascii: "#") && hashesOpenHeading(bytes, start, end)
        }

        private static func hashesOpenHeading(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end && bytes[index] == UInt8(ascii: "#") && index - start < 7 { index += 1 }
            let level = index - start
            return level >= 1 && level <= 6 && index < end && Bytes.isBlank(bytes[index])
        }
    }
}
