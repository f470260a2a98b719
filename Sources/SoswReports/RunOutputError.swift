/// An output of a run that could not be written: the path and the system's reason, for a one-line error (the
/// command then exits 3: the run could not complete).
public struct RunOutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "cannot write \(path): \(reason)"
    }
}
