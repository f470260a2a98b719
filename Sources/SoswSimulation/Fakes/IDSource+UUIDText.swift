import SoswCore

extension IDSource {
    /// The next id in the 8-4-4-4-12 form AWS uses for request and message ids, so simulated ids look like
    /// the ones a reader knows from the logs (still derived from the seed).
    func nextUUIDText() -> String {
        let id = nextID()
        precondition(id.utf8.count == 32, "an IDSource id has 32 hex digits, got '\(id)'")
        // Byte by byte: slicing an array of Characters cost more than the rest of an invocation's bookkeeping.
        return String(unsafeUninitializedCapacity: 36) { text in
            var written = 0
            for (index, byte) in id.utf8.enumerated() {
                if index == 8 || index == 12 || index == 16 || index == 20 {
                    text[written] = UInt8(ascii: "-")
                    written += 1
                }
                text[written] = byte
                written += 1
            }
            return written
        }
    }
}
