extension ParagraphSegmenter {
    /// Turns the raw bytes of one paragraph into its text: tags removed, references decoded,
    /// Markdown emphasis and link targets dropped, whitespace collapsed. One forward pass.
    enum TextCleaner {
        /// Appends the cleaned form of `bytes[start..<end]` to `output`.
        static func clean(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into output: TextBuffer) {
            let outputStart = output.count
            // Cleaning never lengthens text: every tag, reference or blank run becomes at most its own size.
            output.reserve(end - start)
            var pendingSpace = false
            var tagCloser = NextByteFinder(UInt8(ascii: ">"))
            var bracketCloser = NextByteFinder(UInt8(ascii: "]"))
            var parenCloser = NextByteFinder(UInt8(ascii: ")"))
            // A Markdown link being read: its text ends at `linkTextEnd`, reading resumes after the target.
            var linkTextEnd = -1
            var linkResume = -1

            @inline(__always) func emit(_ byte: UInt8) {
                if pendingSpace {
                    if output.count > outputStart { output.append(Bytes.space) }
                    pendingSpace = false
                }
                output.append(byte)
            }

            var index = start
            while index < end {
                if linkTextEnd >= 0 && index >= linkTextEnd {
                    index = max(index, linkResume)
                    linkTextEnd = -1
                    continue
                }
                let byte = bytes[index]
                if !needsAttention(byte) || isPlainMultiByte(bytes, index, end) {
                    // Most text is plain words between single spaces: copy each run of it at once.
                    let limit = linkTextEnd >= 0 ? linkTextEnd : end
                    var runEnd = index + 1
                    while runEnd < limit {
                        // The run finder stops at any byte that might need attention; the
                        // ones that turn out plain ("’", a single space) let it go on.
                        runEnd = PlainRuns.end(of: bytes, from: runEnd, limit: limit)
                        guard runEnd < limit else { break }
                        let next = bytes[runEnd]
                        if !needsAttention(next) || isPlainMultiByte(bytes, runEnd, limit) {
                            runEnd += 1
                        } else if next == Bytes.space && runEnd + 1 < limit && !needsAttention(bytes[runEnd + 1]) {
                            runEnd += 2
                        } else {
                            break
                        }
                    }
                    // A space the run ended on is read again below, so blanks still collapse.
                    if bytes[runEnd - 1] == Bytes.space { runEnd -= 1 }
                    if pendingSpace {
                        if output.count > outputStart { output.append(Bytes.space) }
                        pendingSpace = false
                    }
                    output.append(bytes, index, runEnd)
                    index = runEnd
                    continue
                }
                if Bytes.isBlank(byte) {
                    pendingSpace = true
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"):
                    if let tag = HTMLTag.parse(at: index, in: bytes, end: end, closer: &tagCloser) {
                        if tag.isBlock { pendingSpace = true }
                        index = tag.end
                        continue
                    }
                case UInt8(ascii: "&"):
                    if let (codePoint, length) = HTMLEntities.reference(UnsafeBufferPointer(rebasing: bytes[..<end]), at: index) {
                        // Spaces (and controls, which trimming would have removed) become one
                        // space; a soft hyphen disappears, as it does on the page.
                        if codePoint <= 0x20 || codePoint == 0xA0 || (0x2002...0x2009).contains(codePoint) {
                            pendingSpace = true
                        } else if codePoint != 0xAD, let scalar = Unicode.Scalar(codePoint), let encoded = UTF8.encode(scalar) {
                            for unit in encoded { emit(unit) }
                        }
                        index += length
                        continue
                    }
                case UInt8(ascii: "*"):
                    var runEnd = index
                    while runEnd < end && bytes[runEnd] == UInt8(ascii: "*") { runEnd += 1 }
                    if Emphasis.isMarker(bytes, index, runEnd, start: start, end: end) {
                        index = runEnd
                        continue
                    }
                    for _ in index..<runEnd { emit(byte) }
                    index = runEnd
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "!"):
                    let open = byte == UInt8(ascii: "!") ? index + 1 : index
                    if linkTextEnd < 0, open < end, bytes[open] == UInt8(ascii: "["),
                       let close = bracketCloser.next(from: open + 1, in: bytes, end: end),
                       close + 1 < end, bytes[close + 1] == UInt8(ascii: "("),
                       let targetEnd = parenCloser.next(from: close + 2, in: bytes, end: end) {
                        linkTextEnd = close
                        linkResume = targetEnd + 1
                        index = open + 1
                        continue
                    }
                case 0xC2 where index + 1 < end && (bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xAD):
                    // No-break space reads as a space; a soft hyphen is an invisible break hint.
                    if bytes[index + 1] == 0xA0 { pendingSpace = true }
                    index += 2
                    continue
                case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80 && (bytes[index + 2] &- 0x8B < 3):
                    // Zero-width space and joiners carry nothing a reader sees.
                    index += 3
                    continue
                case 0xEF where index + 2 < end && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
                    index += 3  // byte order mark
                    continue
                default:
                    break
                }
                emit(byte)
                index += 1
            }
        }

        /// Blanks, and the first bytes of markup, references, emphasis, links and the invisible
        /// characters the cleaner removes; as a 256-bit set so the test is one shift and mask.
        @inline(__always)
        private static func needsAttention(_ byte: UInt8) -> Bool {
            let word: UInt64
            switch byte >> 6 {
            case 0: word = 0x1000_0443_FFFF_FFFF  // controls, space, ! & * <
            case 1: word = 0x8000_0000_0800_0000  // [ and DEL
            case 2: word = 0
            default: word = 0x0000_8004_0000_0004  // lead bytes C2, E2, EF
            }
            return (word >> UInt64(byte & 63)) & 1 == 1
        }

        /// A lead byte the set above flags that does not start a character the cleaner removes:
        /// "–", "’", "“" and the like are copied like letters.
        @inline(__always)
        private static func isPlainMultiByte(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
            switch bytes[index] {
            case 0xC2: return !(index + 1 < end && (bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xAD))
            case 0xE2: return !(index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] &- 0x8B < 3)
            case 0xEF: return !(index + 1 < end && bytes[index + 1] == 0xBB)
            default: return false
            }
        }
    }
}
