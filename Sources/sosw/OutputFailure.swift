import ArgumentParser
import Foundation
import SoswReports

/// An output (a run's folder, a file in it, a run store) that cannot be written or opened ends a simulation
/// command with one `error:` line and exit status 3 — the run could not complete — rather than 1, which means
/// an expectation failed.
enum OutputFailure {
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RunOutputError {
            throw fail(error)
        } catch let error as RunStoreError {
            throw fail(error)
        }
    }

    /// Opens the shared store named by `--store`, or nil without one.
    static func openStore(_ path: String?) throws -> RunStore? {
        guard let path else { return nil }
        return try reporting { try RunStore(path: path) }
    }

    private static func fail(_ error: some Error & CustomStringConvertible) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return ExitCode(3)
    }
}
