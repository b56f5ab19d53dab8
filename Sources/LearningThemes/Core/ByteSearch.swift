#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Search on bytes: a marker in raw or decoded text (zip member names, `</script`, `-->`),
/// and single bytes (line breaks, tabs, brackets) for every stage that looks for them.
enum ByteSearch {
    /// First index at or after `start` where `needle` begins; `ignoringASCIICase`
    /// expects a lowercase needle.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int,
                           ignoringASCIICase: Bool = false) -> Int? {
        haystack.withUnsafeBufferPointer { buffer in
            firstIndex(of: needle, in: buffer, from: start, ignoringASCIICase: ignoringASCIICase)
        }
    }

    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int,
                           ignoringASCIICase: Bool = false) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        let last = haystack.count - needle.count
        var index = max(start, 0)
        if !ignoringASCIICase {
            // Only where the first byte is does a match need checking, and `memchr` finds it.
            while index <= last, let candidate = offset(of: first, in: haystack, from: index), candidate <= last {
                if UnsafeBufferPointer(rebasing: haystack[candidate..<(candidate + needle.count)]).elementsEqual(needle) {
                    return candidate
                }
                index = candidate + 1
            }
            return nil
        }
        while index <= last {
            let byte = ignoringASCIICase ? lowercased(haystack[index]) : haystack[index]
            if byte == first {
                var matched = 1
                while matched < needle.count {
                    let candidate = haystack[index + matched]
                    if (ignoringASCIICase ? lowercased(candidate) : candidate) != needle[matched] { break }
                    matched += 1
                }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The first `byte` in `buffer[start..<end]` (`end` defaults to the whole buffer), by
    /// `memchr`, which scans many bytes at a time: line breaks and tabs are looked for in
    /// every byte read.
    static func offset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
        let end = min(end ?? buffer.count, buffer.count)
        guard let base = buffer.baseAddress, start >= 0, start < end,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Whether `first` and `second` hold the same bytes, by `memcmp`.
    static func equal(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        guard first.count == second.count else { return false }
        guard let firstBase = first.baseAddress, let secondBase = second.baseAddress else { return true }
        return memcmp(firstBase, secondBase, first.count) == 0
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
