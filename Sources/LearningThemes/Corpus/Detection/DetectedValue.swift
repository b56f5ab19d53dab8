/// A metadata value read from a document, with where it was read, so that a person
/// checking `learning-themes inspect` output can see why the detector believed it.
public struct DetectedValue<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    /// 1-based line of the document the value was read from.
    public var line: Int
    /// The text it was read from (the line, or a stretch of it around the match).
    public var evidence: String

    public init(value: Value, line: Int, evidence: String) {
        self.value = value
        self.line = line
        self.evidence = evidence
    }
}
