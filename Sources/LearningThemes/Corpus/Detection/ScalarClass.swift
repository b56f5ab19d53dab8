extension MetadataDetector {
    /// The character classes detection is written in. Their meanings are those of the ICU
    /// regular expressions the detector once used (`\w`, `\d`, `\s`, line terminators,
    /// `\b`), so that replacing them changed no result: `\d` is any decimal digit, not
    /// only 0-9, and a soft hyphen inside a word does not make a word boundary.
    enum ScalarClass {
        /// `\w`: letters, marks, decimal digits, connector punctuation, zero-width joiners.
        static func isWord(_ value: UInt32) -> Bool {
            if value < 0x80 { return isASCIIWord(UInt8(value)) }
            if value == 0x200C || value == 0x200D { return true }
            guard let scalar = Unicode.Scalar(value) else { return false }
            if scalar.properties.isAlphabetic { return true }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
            default: return false
            }
        }

        /// `\d`: Unicode decimal digits. Only ASCII ones make numbers (`Int` reads no
        /// others), but the rest still count as "a digit next to this one".
        static func isDigit(_ value: UInt32) -> Bool {
            if value < 0x80 { return value >= 0x30 && value <= 0x39 }
            return Unicode.Scalar(value)?.properties.generalCategory == .decimalNumber
        }

        /// `\s`: Unicode White_Space, which includes every line terminator.
        static func isSpace(_ value: UInt32) -> Bool {
            if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
            return Unicode.Scalar(value)?.properties.isWhitespace ?? false
        }

        /// Characters that end a line for `.` and `$` in the old patterns: a header
        /// value runs to the end of its cell unless one of these cuts it short.
        static func isLineTerminator(_ value: UInt32) -> Bool {
            (value >= 0x0A && value <= 0x0D) || value == 0x85 || value == 0x2028 || value == 0x2029
        }

        /// Combining marks and format characters (soft hyphen, zero-width space), which a
        /// word boundary looks through: "a\u{AD}this" holds no word starting at "this".
        static func isBoundaryTransparent(_ value: UInt32) -> Bool {
            guard value >= 0x80, let scalar = Unicode.Scalar(value) else { return false }
            return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
        }

        /// Marks, joiners, emoji modifiers and format characters: the ones that may join
        /// the character before them into one `Character` (Unicode's Extend, ZWJ and
        /// SpacingMark grapheme classes, with some to spare).
        static func mayJoinPrevious(_ value: UInt32) -> Bool {
            guard value >= 0x80, let scalar = Unicode.Scalar(value) else { return false }
            if scalar.properties.isGraphemeExtend || scalar.properties.isEmojiModifier { return true }
            // ZERO WIDTH JOINER, THAI CHARACTER SARA AM, LAO VOWEL SIGN AM
            if value == 0x200D || value == 0x0E33 || value == 0x0EB3 { return true }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
            default: return false
            }
        }

        /// Unicode's Prepend grapheme class (Arabic number signs and a few more), which
        /// joins the character after it, even a space, into one `Character`. Everything
        /// past U+110BD counts, to spare listing the rare ones there.
        static func mayJoinNext(_ value: UInt32) -> Bool {
            switch value {
            case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD...: true
            default: false
            }
        }

        @inline(__always)
        static func isASCIILetter(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }

        @inline(__always)
        static func isASCIIWord(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
        }
    }
}
