extension String {
    /// `withUTF8` for a string that is not `var`: `body` gets the UTF-8 bytes in one
    /// buffer, without a copy when the string is native. Walking the `utf8` view instead goes
    /// index by index, at thousands of instructions for one file name or table cell.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var text = self
        return try text.withUTF8(body)
    }
}
