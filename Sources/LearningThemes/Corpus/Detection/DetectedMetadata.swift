/// What `MetadataDetector` could read from a document's own text. Every field is
/// optional because a document may simply not say; `missingFields` lists those it did not.
public struct DetectedMetadata: Sendable {
    /// Full name, e.g. "Camden Safeguarding Children Partnership".
    public var partnership: DetectedValue<String>?
    /// Official local-authority names, e.g. ["London Borough of Camden"].
    public var areas: DetectedValue<[String]>?
    /// Normalised reporting period, e.g. "2023-24".
    public var period: DetectedValue<String>?
    public var kind: DetectedValue<DocumentKind>?
    public var title: DetectedValue<String>?
    /// ISO `YYYY-MM-DD` of the meeting or publication, where the document states one.
    public var date: DetectedValue<String>?
    /// Names of the fields above that could not be detected, in declaration order.
    public var missingFields: [String]

    public static let fieldNames = ["partnership", "areas", "period", "kind", "title", "date"]

    public init(partnership: DetectedValue<String>? = nil, areas: DetectedValue<[String]>? = nil,
                period: DetectedValue<String>? = nil, kind: DetectedValue<DocumentKind>? = nil,
                title: DetectedValue<String>? = nil, date: DetectedValue<String>? = nil) {
        self.partnership = partnership
        self.areas = areas
        self.period = period
        self.kind = kind
        self.title = title
        self.date = date
        let found = [partnership != nil, areas != nil, period != nil, kind != nil, title != nil, date != nil]
        // Appended one by one: most documents miss nothing, and then no array is made.
        var missing: [String] = []
        for (name, isFound) in zip(Self.fieldNames, found) where !isFound { missing.append(name) }
        missingFields = missing
    }

    /// Fills only what the manifest left empty: a hand-written manifest entry is a
    /// person's correction of the text, so it always wins over detection.
    public func applying(to metadata: DocumentMetadata) -> DocumentMetadata {
        var result = metadata
        if isBlank(result.partnership), let partnership { result.partnership = partnership.value }
        if result.areas.isEmpty, let areas { result.areas = areas.value }
        if isBlank(result.period), let period { result.period = period.value }
        if result.kind == nil, let kind {
            result.kind = kind.value
            result.kindWasDetected = true
        }
        if isBlank(result.title), let title { result.title = title.value }
        if isBlank(result.date), let date { result.date = date.value }
        return result
    }

    // A manifest column written but left blank is still "left empty".
    private func isBlank(_ text: String?) -> Bool {
        text?.allSatisfy(\.isWhitespace) ?? true
    }
}
