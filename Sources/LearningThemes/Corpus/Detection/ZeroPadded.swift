extension MetadataDetector {
    /// Numbers written in decimal, each with zeros in front to at least its width, joined
    /// by "-": an ISO date ("2024-01-05") or a reporting period ("2023-24"). Written as
    /// bytes straight into the string, which joining `String(number)`s cost several times
    /// over. The numbers are never negative: they are read from digits.
    static func zeroPadded(_ parts: [(number: Int, width: Int)]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for (index, part) in parts.enumerated() {
            precondition(part.number >= 0, "a negative number in a date or period")
            if index > 0 { bytes.append(UInt8(ascii: "-")) }
            var digits = 1, power = 10
            while power <= part.number, digits < 19 {
                digits += 1
                power &*= 10
            }
            let start = bytes.count
            let count = max(digits, part.width)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
            var rest = part.number
            for offset in stride(from: start + count - 1, through: start + count - digits, by: -1) {
                bytes[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
