/// Splits the expression part of a `match`/`exclude` line into symbols, remembering each
/// one's column so errors can point at it.
struct PatternLexer {
    enum Symbol: Equatable {
        case word(String, isPrefix: Bool)
        case quoted(String)
        case open, close, bar, optional
        case near(Int)
        case end
    }

    struct Located {
        var symbol: Symbol
        var column: Int
    }

    /// `line` is the whole line; `offset` where the expression starts (for columns).
    static func symbols(in line: [UInt8], from offset: Int, location: SourceLocation) throws -> [Located] {
        var result: [Located] = []
        result.reserveCapacity(line.count - offset + 1)  // every symbol but `.end` takes a byte
        var index = offset
        // Columns are asked for left to right: count characters from the last one asked
        // for, not from the start of the line, or a long rule line costs its length squared.
        var counted = (byte: 0, column: 1)
        func column(_ at: Int) -> Int {
            guard at >= counted.byte else { return characterCount(line[..<at]) + 1 }
            counted = (at, counted.column + characterCount(line[counted.byte..<at]))
            return counted.column
        }
        func fail(_ message: String, at: Int) -> LearningThemesError {
            var where_ = location
            where_.column = column(at)
            return LearningThemesError(.rules, message, at: where_)
        }
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "#"):
                index = line.count  // a comment runs to the end of the line
            case UInt8(ascii: "("):
                result.append(Located(symbol: .open, column: column(index))); index += 1
            case UInt8(ascii: ")"):
                result.append(Located(symbol: .close, column: column(index))); index += 1
            case UInt8(ascii: "|"):
                result.append(Located(symbol: .bar, column: column(index))); index += 1
            case UInt8(ascii: "?"):
                result.append(Located(symbol: .optional, column: column(index))); index += 1
            case UInt8(ascii: "\""):
                let start = index + 1
                guard let close = line[start...].firstIndex(of: UInt8(ascii: "\"")) else {
                    throw fail("unterminated quoted phrase: expected a closing \"", at: index)
                }
                result.append(Located(symbol: .quoted(String(decoding: line[start..<close], as: UTF8.self)),
                                      column: column(index)))
                index = close + 1
            default:
                let start = index
                while index < line.count, !PatternLexer.isDelimiter(line[index]) { index += 1 }
                let word = line[start..<index]
                let text = String(decoding: word, as: UTF8.self)
                // Most words are plain: only a '*' or a leading "near" needs the checks below.
                if !word.contains(UInt8(ascii: "*")) && (word.first != UInt8(ascii: "n") || !word.starts(with: "near".utf8)) {
                    result.append(Located(symbol: .word(text, isPrefix: false), column: column(start)))
                } else if text.hasPrefix("near/") {
                    guard let distance = Int(text.dropFirst(5)), distance >= 0, distance <= 50 else {
                        throw fail("expected a number of words from 0 to 50 after near/, found '\(text)'", at: start)
                    }
                    result.append(Located(symbol: .near(distance), column: column(start)))
                } else if text == "near" {
                    throw fail("proximity is written near/N (e.g. near/5), found 'near'", at: start)
                } else if text.hasSuffix("*") {
                    let stem = String(text.dropLast())
                    if stem.utf8.contains(UInt8(ascii: "*")) {
                        throw fail("a wildcard * may only end a word, found '\(text)'", at: start)
                    }
                    result.append(Located(symbol: .word(stem, isPrefix: true), column: column(start)))
                } else if text.utf8.contains(UInt8(ascii: "*")) {
                    throw fail("a wildcard * may only end a word, found '\(text)'", at: start)
                } else {
                    result.append(Located(symbol: .word(text, isPrefix: false), column: column(start)))
                }
            }
        }
        result.append(Located(symbol: .end, column: column(line.count)))
        return result
    }

    /// How many characters `bytes` are. Rule text is nearly all ASCII, where that is the
    /// byte count (a line holds no "\r\n", the one ASCII pair that is a single character),
    /// so only other text pays for grapheme breaking.
    static func characterCount(_ bytes: ArraySlice<UInt8>) -> Int {
        if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.count }
        return String(decoding: bytes, as: UTF8.self).count
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "|"), UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }
}
