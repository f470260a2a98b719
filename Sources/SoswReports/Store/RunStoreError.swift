import GRDB

/// A run store that could not be opened, read or written, said as one line a person can act on: the file, what
/// was being done, and SQLite's reason.
public struct RunStoreError: Error, CustomStringConvertible {
    public var path: String
    public var action: String
    public var reason: String

    init(path: String, action: String, underlying: any Error) {
        self.path = path
        self.action = action
        if let error = underlying as? DatabaseError {
            reason = error.message ?? "\(error.resultCode)"
        } else {
            reason = "\(underlying)"
        }
    }

    public var description: String {
        "cannot \(action) the run store \(path): \(reason)"
    }
}
