import Foundation

/// An output of a run that could not be written: the path and the system's reason, for a one-line error (the
/// command then exits 3: the run could not complete).
public struct RunOutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The failure of a file operation on `path`, in the operating system's words ("Not a directory") rather
    /// than Foundation's wrapper ("The operation could not be completed").
    public init(path: String, error: any Error) {
        let error = error as NSError
        if let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            self.init(path: path, reason: String(cString: strerror(Int32(underlying.code))))
        } else {
            self.init(path: path, reason: error.localizedDescription)
        }
    }

    public var description: String {
        "cannot write \(path): \(reason)"
    }
}
