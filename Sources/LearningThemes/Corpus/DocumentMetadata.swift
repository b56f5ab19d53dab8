/// What kind of document a partnership published. The raw values are what manifests,
/// exports and `--by kind` use.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case annualReport = "annual-report"
    case committeeReport = "committee-report"
    case rapidReview = "rapid-review"
    case practiceReview = "practice-review"
    case auditReport = "audit-report"
    case inspectionReport = "inspection-report"
    case nationalReview = "national-review"
    case briefing
    case other

    public var label: String {
        switch self {
        case .annualReport: "Annual report"
        case .committeeReport: "Committee report"
        case .rapidReview: "Rapid review"
        case .practiceReview: "Practice review (LCSPR)"
        case .auditReport: "Audit report"
        case .inspectionReport: "Inspection report"
        case .nationalReview: "National review"
        case .briefing: "Briefing"
        case .other: "Other"
        }
    }

    /// The learning source that every paragraph of a document of this kind reports: each
    /// paragraph of a practice review is learning from that review, though few name it.
    public var learningSource: String? {
        switch self {
        case .rapidReview: "rapid-review"
        case .practiceReview: "practice-review"
        case .auditReport: "audit"
        case .inspectionReport: "inspection"
        case .nationalReview: "national-review"
        case .annualReport, .committeeReport, .briefing, .other: nil
        }
    }

    public static func < (lhs: DocumentKind, rhs: DocumentKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The facts about one document that comparisons group by. A partnership is identified
/// by its full name (never its initials: "CSCP" is both Camden and Croydon).
public struct DocumentMetadata: Sendable, Hashable {
    /// Stable short id used in outputs, e.g. `camden-2023-24-scrutiny`.
    public var id: String
    /// Path of the document file (relative to the corpus folder when it came from a manifest).
    public var path: String
    /// Full name, e.g. "Camden Safeguarding Children Partnership".
    public var partnership: String?
    /// Local authority areas covered, e.g. ["London Borough of Camden"].
    public var areas: [String]
    /// Reporting period in the form `2023-24`.
    public var period: String?
    public var kind: DocumentKind?
    /// Whether `kind` was detected from the text rather than given in the manifest.
    public var kindWasDetected = false
    public var title: String?
    /// Date of publication or of the meeting, ISO `YYYY-MM-DD` where known.
    public var date: String?

    public init(id: String, path: String, partnership: String? = nil, areas: [String] = [],
                period: String? = nil, kind: DocumentKind? = nil, title: String? = nil, date: String? = nil) {
        self.id = id
        self.path = path
        self.partnership = partnership
        self.areas = areas
        self.period = period
        self.kind = kind
        self.title = title
        self.date = date
    }

    /// The kind as the manifest gives it. A detected kind is a guess from the title, good
    /// enough to group by but not to tag every paragraph with its learning source
    /// (committee minutes about an inspection are not an inspection report).
    public var declaredKind: DocumentKind? {
        kindWasDetected ? nil : kind
    }
}
