import Dispatch
import Foundation

/// read -> segment -> classify for many documents, on several threads, with results
/// delivered in input order so output never depends on scheduling.
public struct DocumentPipeline: Sendable {
    public let matcher: Matcher
    /// Worker threads; 1 runs everything on the calling thread.
    public let jobs: Int
    /// Warn when a document's partnership, period or kind can be neither read from the
    /// manifest nor detected (comparisons group by them; classifying one file does not).
    public let reportsMissingMetadata: Bool

    public init(matcher: Matcher, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                reportsMissingMetadata: Bool = false) {
        self.matcher = matcher
        self.jobs = max(1, jobs)
        self.reportsMissingMetadata = reportsMissingMetadata
    }

    /// How much of a document's start metadata detection reads: titles and cover sheets
    /// are at the top, and a bound keeps a huge single-line file cheap.
    static let detectionWindow = 256 * 1024

    /// Reads a document and completes its metadata from its own text where the manifest
    /// left fields empty.
    public func read(_ metadata: DocumentMetadata) throws -> (DocumentMetadata, LoadedText) {
        var loaded = try DocumentLoader.load(path: metadata.path)
        var metadata = metadata
        if metadata.partnership == nil || metadata.period == nil || metadata.kind == nil {
            // The loaded bytes are valid UTF-8 already: detection reads them as they are.
            metadata = MetadataDetector.detect(utf8: loaded.bytes, window: DocumentPipeline.detectionWindow, quotesEvidence: false)
                .applying(to: metadata)
            let missing = [("partnership", metadata.partnership == nil), ("period", metadata.period == nil),
                           ("kind", metadata.kind == nil)].filter(\.1).map(\.0)
            if reportsMissingMetadata && !missing.isEmpty {
                // Comparisons group by these: say which ones the user must supply.
                loaded.warnings.append(Warning(
                    "could not detect \(missing.joined(separator: ", ")): add them to the corpus manifest.txt",
                    at: SourceLocation(file: metadata.path)))
            }
        }
        return (metadata, loaded)
    }

    /// Every paragraph with its tags and evidence.
    public func classify(_ loaded: LoadedText, metadata: DocumentMetadata, scratch: inout MatchScratch) -> ClassifiedDocument {
        let segmented = ParagraphSegmenter().segment(loaded.bytes)
        let paragraphs = zip(segmented, matcher.classify(segmented, documentKind: metadata.declaredKind, scratch: &scratch)).map(ClassifiedParagraph.init)
        return ClassifiedDocument(metadata: metadata, format: loaded.format, warnings: loaded.warnings, paragraphs: paragraphs)
    }

    /// Only the counts: no evidence strings are built, which is what a whole-corpus
    /// comparison needs.
    public func tally(_ loaded: LoadedText, metadata: DocumentMetadata, scratch: inout MatchScratch) -> DocumentTally {
        var tally = DocumentTally(metadata: metadata, tagCount: matcher.ruleSet.rules.count)
        var counter = ParagraphTagCounter(matcher: matcher, documentKind: metadata.declaredKind)
        ParagraphSegmenter().forEachParagraph(loaded.bytes) { paragraph in
            counter.tags(of: paragraph, scratch: &scratch) { tally.add(paragraphTags: $0) }
        }
        return tally
    }

    /// Reads and classifies one document.
    public func process(_ metadata: DocumentMetadata, scratch: inout MatchScratch) throws -> ClassifiedDocument {
        let (metadata, loaded) = try read(metadata)
        return classify(loaded, metadata: metadata, scratch: &scratch)
    }

    /// Reads each of `documents` and turns it into an `Output` with `produce`, on worker
    /// threads, then calls `deliver` once per document, in input order, on the calling
    /// thread. Only a few documents per worker are in flight at once, so memory does not
    /// grow with the corpus.
    public func run<Output: Sendable>(
        _ documents: [DocumentMetadata],
        produce: @escaping @Sendable (DocumentMetadata, LoadedText, inout MatchScratch) -> Output,
        deliver: (DocumentMetadata, Result<Output, LearningThemesError>) throws -> Void
    ) rethrows {
        // A result and how much it counts for while it waits: the length of the
        // document's text, which the memory it holds grows with.
        let attempt: @Sendable (DocumentMetadata, inout MatchScratch) -> (Result<Output, LearningThemesError>, Int) = { [self] item, scratch in
            do {
                let (metadata, loaded) = try read(item)
                return (.success(produce(metadata, loaded, &scratch)), max(loaded.bytes.count, Self.shortestWaitingText))
            } catch let error as LearningThemesError {
                return (.failure(error), Self.shortestWaitingText)
            } catch {
                return (.failure(LearningThemesError(.input, "\(error)", at: SourceLocation(file: item.path))), Self.shortestWaitingText)
            }
        }
        if jobs == 1 || documents.count < 2 {
            var scratch = MatchScratch(matcher: matcher)
            for metadata in documents { try deliver(metadata, attempt(metadata, &scratch).0) }
            return
        }
        // Workers take documents in order from a shared queue and may run ahead of the
        // delivery by a bounded amount, so memory stays bounded; the calling thread
        // delivers each result in input order as soon as it is ready.
        let queue = OrderedResults<Output>(count: documents.count, window: jobs * 4, waitingTextLimit: Self.waitingTextLimit)
        let group = DispatchGroup()
        let matcher = self.matcher
        for _ in 0..<min(jobs, documents.count) {
            group.enter()
            DispatchQueue.global().async {
                var scratch = MatchScratch(matcher: matcher)
                while let index = queue.take() {
                    let (result, textLength) = attempt(documents[index], &scratch)
                    queue.store(result, at: index, textLength: textLength)
                }
                group.leave()
            }
        }
        defer {
            queue.cancel()
            group.wait()
        }
        for (index, metadata) in documents.enumerated() {
            try deliver(metadata, queue.result(at: index))
        }
    }

    /// How much document text the results waiting for delivery may come from before the
    /// workers stop running ahead (past the few documents always allowed). A count of
    /// documents alone let one long document at the head of the queue stall the other
    /// workers after a few short ones; in text, they keep busy for as long as the long
    /// one takes, while a classified document kept for a report stays a few times its
    /// text at most.
    static let waitingTextLimit = 8 << 20
    /// What a waiting result counts as at least: a short document's tally still holds
    /// kilobytes of counts, so thousands of tiny documents may not wait at once.
    static let shortestWaitingText = 64 << 10

    /// `run` producing classified documents (the common case).
    public func run(_ documents: [DocumentMetadata],
                    deliver: (DocumentMetadata, Result<ClassifiedDocument, LearningThemesError>) throws -> Void) rethrows {
        try run(documents, produce: { [self] metadata, loaded, scratch in classify(loaded, metadata: metadata, scratch: &scratch) },
                deliver: deliver)
    }
}

/// The hand-over between worker threads and the delivering thread: indices to work on,
/// handed out in order, and results waiting to be delivered in order.
private final class OrderedResults<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Results by index, in a ring of slots: index i waits in slot i % slots.count.
    private var slots: [Result<Output, LearningThemesError>?]
    private var textLengths: [Int]
    private var nextToTake = 0
    private var nextToDeliver = 0
    /// Text length of the documents whose results wait for delivery.
    private var waitingText = 0
    private var cancelled = false
    private let count: Int
    private let window: Int
    private let waitingTextLimit: Int

    init(count: Int, window: Int, waitingTextLimit: Int) {
        self.count = count
        self.window = max(1, window)
        self.waitingTextLimit = waitingTextLimit
        slots = Array(repeating: nil, count: self.window)
        textLengths = Array(repeating: 0, count: self.window)
    }

    /// The next document index to work on, or nil when there is none left (or the run was
    /// stopped). Blocks while the workers are `window` documents ahead of the delivery
    /// and the results waiting come from `waitingTextLimit` of text.
    func take() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while !cancelled && nextToTake < count && isFarAhead { condition.wait() }
        guard !cancelled, nextToTake < count else { return nil }
        nextToTake += 1
        if nextToTake - nextToDeliver > slots.count { growSlots() }
        return nextToTake - 1
    }

    private var isFarAhead: Bool { nextToTake - nextToDeliver >= window && waitingText >= waitingTextLimit }

    /// Makes room for one more index ahead of the delivery, keeping each waiting result
    /// in the slot of its index.
    private func growSlots() {
        let old = (slots, textLengths)
        slots = Array(repeating: nil, count: old.0.count * 2)
        textLengths = Array(repeating: 0, count: old.0.count * 2)
        for index in nextToDeliver..<(nextToTake - 1) {
            slots[index % slots.count] = old.0[index % old.0.count]
            textLengths[index % slots.count] = old.1[index % old.0.count]
        }
    }

    func store(_ result: Result<Output, LearningThemesError>, at index: Int, textLength: Int) {
        condition.lock(); defer { condition.unlock() }
        slots[index % slots.count] = result
        textLengths[index % slots.count] = textLength
        waitingText += textLength
        if index == nextToDeliver { condition.broadcast() }
    }

    /// Waits for the result of `index` (the next one to deliver) and removes it.
    func result(at index: Int) -> Result<Output, LearningThemesError> {
        condition.lock(); defer { condition.unlock() }
        while slots[index % slots.count] == nil { condition.wait() }
        let result = slots[index % slots.count].take()!
        waitingText -= textLengths[index % slots.count]
        nextToDeliver = index + 1
        condition.broadcast()
        return result
    }

    /// Stops handing out work (delivery failed, or all is delivered).
    func cancel() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }
}
