/// Where an export's bytes go while it is being produced. Bytes are collected and handed
/// to the system in large blocks, so producers may write a few bytes at a time.
public struct OutputSink {
    private let fileDescriptor: Int32
    /// The output as the user named it, for error messages.
    private let displayName: String
    private var buffer: [UInt8] = []
    /// Bytes accepted so far, buffered or written.
    public private(set) var byteCount = 0

    private static let blockSize = 64 * 1024

    init(fileDescriptor: Int32, displayName: String) {
        self.fileDescriptor = fileDescriptor
        self.displayName = displayName
        buffer.reserveCapacity(Self.blockSize)
    }

    public mutating func write(_ bytes: [UInt8]) throws {
        byteCount += bytes.count
        if buffer.count + bytes.count > Self.blockSize {
            try flush()
            if bytes.count >= Self.blockSize {
                try bytes.withUnsafeBytes { try writeThrough($0) }
                return
            }
        }
        buffer += bytes
    }

    public mutating func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeThrough($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeThrough(_ bytes: UnsafeRawBufferPointer) throws {
        if let code = SystemCalls.writeAll(bytes, to: fileDescriptor) {
            throw LearningThemesError(.output, "cannot write \(displayName): \(SystemCalls.reason(forErrorNumber: code))")
        }
    }
}
