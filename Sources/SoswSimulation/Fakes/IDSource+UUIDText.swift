import SoswCore

extension IDSource {
    /// The next id in the 8-4-4-4-12 form AWS uses for request and message ids, so simulated ids look like
    /// the ones a reader knows from the logs (still derived from the seed).
    func nextUUIDText() -> String {
        let hex = Array(nextID())
        return String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-" + String(hex[12..<16]) + "-"
            + String(hex[16..<20]) + "-" + String(hex[20..<32])
    }
}
