/// Makes equal metadata values of different documents one shared string (or array):
/// detection builds a new "Camden Safeguarding Children Partnership" for every document
/// that names it, and a corpus keeps every document's metadata for its whole run.
struct SharedMetadataValues: Sendable {
    private var strings: Set<String> = []
    private var areaLists: Set<[String]> = []

    /// `metadata` with its values replaced by equal ones seen before.
    mutating func sharing(_ metadata: DocumentMetadata) -> DocumentMetadata {
        var shared = metadata
        shared.partnership = metadata.partnership.map { share($0) }
        shared.period = metadata.period.map { share($0) }
        shared.title = metadata.title.map { share($0) }
        shared.date = metadata.date.map { share($0) }
        if !metadata.areas.isEmpty {
            let areas = metadata.areas.map { share($0) }
            shared.areas = areaLists.insert(areas).memberAfterInsert
        }
        return shared
    }

    private mutating func share(_ value: String) -> String {
        strings.insert(value).memberAfterInsert
    }
}
