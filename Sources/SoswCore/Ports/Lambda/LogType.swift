/// Whether a synchronous `Invoke` returns the tail of the execution log (`X-Amz-Log-Type`).
public enum LogType: String, Sendable, Hashable, Codable, CaseIterable {
    case none = "None"
    /// The last 4 KB of the log, base64-encoded, in `LogResult`.
    case tail = "Tail"
}
