/// Locale-free decimal text for doubles. Everything starts from the shortest digits that
/// round-trip (what Swift's `description` produces), so the output never shows binary noise
/// such as 0.30000000000000004 unless the value really is that, and never depends on the
/// C library or the user's locale.
enum DecimalText {
    /// A finite double as significant digits: value = ±0.d₁d₂…dₙ × 10^pointPosition.
    /// `digits` has no leading or trailing zeros and is empty for zero.
    struct Digits {
        var isNegative: Bool
        var digits: [UInt8]
        var pointPosition: Int
    }

    static func digits(of value: Double) -> Digits {
        precondition(value.isFinite, "only finite values have decimal digits")
        var mantissa: [UInt8] = []
        var pointPosition: Int?
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in value.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): pointPosition = mantissa.count
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                } else {
                    mantissa.append(byte)
                }
            default: preconditionFailure("unexpected character in Double.description")
            }
        }
        var position = (pointPosition ?? mantissa.count) + exponentSign * exponent
        let firstNonZero = mantissa.firstIndex { $0 != UInt8(ascii: "0") } ?? mantissa.count
        position -= firstNonZero
        let lastNonZero = mantissa.lastIndex { $0 != UInt8(ascii: "0") } ?? -1
        let significant = firstNonZero <= lastNonZero ? Array(mantissa[firstNonZero...lastNonZero]) : []
        return Digits(isNegative: value.sign == .minus, digits: significant, pointPosition: significant.isEmpty ? 1 : position)
    }

    /// Shortest round-trip text as a JSON number: plain notation for magnitudes from 1e-6
    /// to below 1e21 (the range JavaScript also prints plainly), exponent notation outside
    /// it so that 1e300 does not become 301 digits. Integral values keep a ".0" so Python
    /// and R read them back as floating point, the type they were written as.
    static func shortest(_ value: Double) -> String {
        let parts = digits(of: value)
        var out: [UInt8] = parts.isNegative ? [UInt8(ascii: "-")] : []
        let zero = UInt8(ascii: "0")
        let dot = UInt8(ascii: ".")
        let digits = parts.digits.isEmpty ? [zero] : parts.digits
        let point = parts.pointPosition
        let scientificExponent = point - 1
        if (-6...20).contains(scientificExponent) {
            if point <= 0 {
                out += [zero, dot] + Array(repeating: zero, count: -point) + digits
            } else if point >= digits.count {
                out += digits + Array(repeating: zero, count: point - digits.count) + [dot, zero]
            } else {
                out += digits[..<point] + [dot] + digits[point...]
            }
        } else {
            out.append(digits[0])
            if digits.count > 1 { out += [dot] + digits[1...] }
            out += Array((scientificExponent < 0 ? "e-" : "e+").utf8)
            out += Array(String(scientificExponent.magnitude).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Fixed-point text with exactly `decimals` fraction digits (negative counts as 0),
    /// rounding half away from zero on the shortest decimal form. That rounds the number as
    /// a reader sees it: 2.675 gives "2.68" as in a spreadsheet, where printf would give
    /// "2.67" from the binary value just below. A result that rounds to zero has no minus sign.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let parts = digits(of: value)
        let decimals = max(0, decimals)
        let zero = UInt8(ascii: "0")
        // The value times 10^decimals, as integer digits, before rounding.
        let keptCount = parts.digits.isEmpty ? 0 : parts.pointPosition + decimals
        var scaled: [UInt8]
        var roundUp = false
        if keptCount <= 0 {
            scaled = []
            roundUp = keptCount == 0 && !parts.digits.isEmpty && parts.digits[0] >= UInt8(ascii: "5")
        } else if keptCount >= parts.digits.count {
            scaled = parts.digits + Array(repeating: zero, count: keptCount - parts.digits.count)
        } else {
            scaled = Array(parts.digits[..<keptCount])
            roundUp = parts.digits[keptCount] >= UInt8(ascii: "5")
        }
        if roundUp { incrementDecimal(&scaled) }
        let isZero = scaled.allSatisfy { $0 == zero }
        if scaled.count <= decimals {
            scaled = Array(repeating: zero, count: decimals + 1 - scaled.count) + scaled
        }
        var out: [UInt8] = parts.isNegative && !isZero ? [UInt8(ascii: "-")] : []
        out += scaled[..<(scaled.count - decimals)]
        if decimals > 0 {
            out.append(UInt8(ascii: "."))
            out += scaled[(scaled.count - decimals)...]
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func incrementDecimal(_ digits: inout [UInt8]) {
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] == UInt8(ascii: "9") {
                digits[index] = UInt8(ascii: "0")
                index -= 1
            } else {
                digits[index] += 1
                return
            }
        }
        digits.insert(UInt8(ascii: "1"), at: 0)
    }
}
