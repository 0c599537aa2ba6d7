import Foundation

extension String {
    /// Whether the ASCII text `needle` occurs in the string, compared byte for byte on the
    /// UTF-8. `String.contains(_:)` with a string argument is Foundation's search
    /// (`CFStringFind` with locale and options), which a profile of the 2,000-meeting build
    /// showed at about 2 % of all CPU, called for every idea card and summary point.
    ///
    /// - Parameter needle: ASCII only (the markup samrad itself looks for, such as `"<a "`);
    ///   an empty needle is found in every string.
    public func containsASCII(_ needle: StaticString) -> Bool {
        needle.utf8CodeUnitCount == 0 || firstUTF8Offset(ofASCII: needle) != nil
    }
}

extension StringProtocol {
    /// Whether the byte occurs in the string's UTF-8, found with `memchr` on the
    /// contiguous UTF-8 (every string the build makes has it). `utf8.contains(_:)` walks
    /// the view one index at a time: 1.3 % of a build, most of it on whole meeting files.
    public func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ b -> Bool in
            guard let base = b.baseAddress else { return false }
            return memchr(base, Int32(byte), b.count) != nil
        }) { return found }
        return utf8.contains(byte)
    }
}

extension String {
    /// The UTF-8 offset of the first occurrence of the ASCII text `needle`, or nil; found
    /// with `memchr`/`memcmp` like `containsASCII(_:)`. Foundation's `range(of:)` (which
    /// this replaces where samrad looks for its own markup in a page) compares with
    /// Unicode rules and costs far more on a page of tens of kilobytes.
    /// - Parameter needle: ASCII only and not empty.
    public func firstUTF8Offset(ofASCII needle: StaticString) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return nil }
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard bytes.count >= count, let base = bytes.baseAddress else { return nil }
            let first = Int32(pattern[0])
            var i = 0
            let last = bytes.count - count
            while i <= last, let hit = memchr(base + i, first, last - i + 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, pattern.baseAddress!, count) == 0 { return at }
                i = at + 1
            }
            return nil
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }

    /// The UTF-8 offset of the last occurrence of the ASCII text `needle`, or nil: a scan
    /// back from the end (what samrad looks for this way, `</main>`, stands near the end).
    /// - Parameter needle: ASCII only and not empty.
    public func lastUTF8Offset(ofASCII needle: StaticString) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return nil }
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard bytes.count >= count, let base = bytes.baseAddress else { return nil }
            let first = pattern[0]
            var at = bytes.count - count
            while at >= 0 {
                if bytes[at] == first, memcmp(base + at, pattern.baseAddress!, count) == 0 { return at }
                at -= 1
            }
            return nil
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }
}
