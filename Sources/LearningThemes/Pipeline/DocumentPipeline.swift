import Dispatch
import Foundation

/// read -> segment -> classify for many documents, on several threads, with results
/// delivered in input order so output never depends on scheduling.
public struct DocumentPipeline: Sendable {
    public let matcher: Matcher
    /// Worker threads; 1 runs everything on the calling thread.
    public let jobs: Int

    public init(matcher: Matcher, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.matcher = matcher
        self.jobs = max(1, jobs)
    }

    /// How much of a document's start metadata detection reads: titles and cover sheets
    /// are at the top, and a bound keeps a huge single-line file cheap.
    static let detectionWindow = 256 * 1024

    /// Reads, segments and classifies one document. Errors are one-line `LearningThemesError`s.
    public func process(_ metadata: DocumentMetadata, scratch: inout MatchScratch) throws -> ClassifiedDocument {
        let loaded = try DocumentLoader.load(path: metadata.path)
        var metadata = metadata
        if metadata.partnership == nil || metadata.period == nil || metadata.kind == nil {
            // Not (fully) described by a manifest: read the facts from the document itself.
            let detected = MetadataDetector.detect(text: String(decoding: loaded.bytes.prefix(DocumentPipeline.detectionWindow), as: UTF8.self))
            metadata = detected.applying(to: metadata)
        }
        return classify(loaded, metadata: metadata, scratch: &scratch)
    }

    /// Segments and classifies text that is already loaded (stdin, tests).
    public func classify(_ loaded: LoadedText, metadata: DocumentMetadata, scratch: inout MatchScratch) -> ClassifiedDocument {
        let paragraphs = ParagraphSegmenter().segment(loaded.bytes).map { paragraph in
            ClassifiedParagraph(paragraph: paragraph, classification: matcher.classify(paragraph.text, scratch: &scratch))
        }
        return ClassifiedDocument(metadata: metadata, format: loaded.format, warnings: loaded.warnings, paragraphs: paragraphs)
    }

    /// Processes `documents` and calls `deliver` once per document, in input order, on the
    /// calling thread. At most a few documents per worker are held in memory at once, so
    /// memory does not grow with the corpus.
    public func run(_ documents: [DocumentMetadata],
                    deliver: (DocumentMetadata, Result<ClassifiedDocument, LearningThemesError>) throws -> Void) rethrows {
        if jobs == 1 {
            var scratch = MatchScratch(matcher: matcher)
            for metadata in documents {
                try deliver(metadata, outcome(metadata, scratch: &scratch))
            }
            return
        }
        let batchSize = jobs * 2
        var start = 0
        while start < documents.count {
            let batch = Array(documents[start..<min(start + batchSize, documents.count)])
            let results = ResultSlots(count: batch.count)
            let next = AtomicCounter()
            DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { _ in
                var scratch = MatchScratch(matcher: matcher)
                while true {
                    let index = next.increment()
                    guard index < batch.count else { break }
                    results.store(outcome(batch[index], scratch: &scratch), at: index)
                }
            }
            for (index, metadata) in batch.enumerated() {
                try deliver(metadata, results.take(index))
            }
            start += batchSize
        }
    }

    private func outcome(_ metadata: DocumentMetadata, scratch: inout MatchScratch) -> Result<ClassifiedDocument, LearningThemesError> {
        do {
            return .success(try process(metadata, scratch: &scratch))
        } catch let error as LearningThemesError {
            return .failure(error)
        } catch {
            return .failure(LearningThemesError(.input, "\(error)", at: SourceLocation(file: metadata.path)))
        }
    }
}

/// Slots written by worker threads, each exactly once, then read by the caller after the
/// workers have joined.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<ClassifiedDocument, LearningThemesError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<ClassifiedDocument, LearningThemesError>, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
    }

    func take(_ index: Int) -> Result<ClassifiedDocument, LearningThemesError> {
        lock.lock(); defer { lock.unlock() }
        let result = slots[index]!
        slots[index] = nil
        return result
    }
}

private final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}
