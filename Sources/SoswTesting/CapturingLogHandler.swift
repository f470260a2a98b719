import Logging

/// The log handler behind ``LogCapture/logger``: it formats each event as `"<level>: <message>"` and hands
/// it to the capture, at every level.
public struct CapturingLogHandler: LogHandler {
    public let capture: LogCapture
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init(capture: LogCapture) {
        self.capture = capture
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        capture.append("\(event.level): \(event.message)")
    }
}
