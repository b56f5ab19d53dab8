/// Numbers as the report prints them. Built on `DecimalText`, so the bytes never depend
/// on the locale or C library of the machine that made the report.
enum ReportNumbers {
    /// `share` (0...1) as a percentage: "3.8%".
    static func percent(_ share: Double, decimals: Int = 1) -> String {
        DecimalText.fixed(share * 100, decimals: decimals) + "%"
    }

    /// Tagged of total as a percentage, "–" when there are no paragraphs at all.
    static func percent(_ tagged: Int, of total: Int) -> String {
        total > 0 ? percent(Double(tagged) / Double(total)) : "–"
    }

    /// A per-mille amount as a short percentage for scales: 20 → "2%", 4 → "0.4%".
    static func percent(perMille: Int) -> String {
        let whole = perMille / 10, tenth = perMille % 10
        return tenth == 0 ? "\(whole)%" : "\(whole).\(tenth)%"
    }

    /// Counts with thousands separators, as a reader expects in prose: 1,044.
    static func count(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// A CSS length in per cent of its container, clamped to 0...100.
    static func cssPercent(_ fraction: Double) -> String {
        DecimalText.fixed(min(1, max(0, fraction)) * 100, decimals: 2) + "%"
    }

    /// A p-value to two significant figures: "0.035", or "8.8×10⁻⁷" (as markup) below
    /// 0.001, where a row of zeros would be hard to read.
    static func pValue(_ value: Double) -> HTML {
        guard value.isFinite, value > 0 else {
            return value == 0 ? "&lt; 10<sup>−300</sup>" : "not computed"
        }
        let parts = DecimalText.digits(of: value)
        // value = 0.d1d2… × 10^pointPosition = d1.d2… × 10^(pointPosition - 1)
        var exponent = parts.pointPosition - 1
        if exponent >= -3 {
            return "\(DecimalText.fixed(value, decimals: max(0, 1 - exponent)))"
        }
        var mantissaText = String(decoding: parts.digits.prefix(1), as: UTF8.self)
        if parts.digits.count > 1 { mantissaText += "." + String(decoding: parts.digits.dropFirst(), as: UTF8.self) }
        var mantissa = DecimalText.fixed(Double(mantissaText) ?? 1, decimals: 1)
        if mantissa == "10.0" {
            mantissa = "1.0"
            exponent += 1
        }
        return "\(mantissa)×10<sup>−\(-exponent)</sup>"
    }
}
