import ArgumentParser
import Foundation
import SoswReports

/// An output (a run's folder, a file in it, a run store) that cannot be written or opened, or any other error
/// that stops a run, ends a simulation command with one `error:` line and exit status 3 — the run could not
/// complete — rather than ArgumentParser's 1 for a thrown error, which the commands keep for failed
/// expectations. An ``ExitCode`` thrown inside (a refusal already reported) passes through unchanged.
enum OutputFailure {
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw exitCode(for: error)
        }
    }

    /// ``reporting(_:)`` for asynchronous work (a sweep's runs).
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw exitCode(for: error)
        }
    }

    /// Opens the shared store named by `--store`, or nil without one.
    static func openStore(_ path: String?) throws -> RunStore? {
        guard let path else { return nil }
        return try reporting { try RunStore(path: path) }
    }

    /// A refusal passes through; anything else is reported here and becomes exit status 3.
    private static func exitCode(for error: any Error) -> ExitCode {
        switch error {
        case let exit as ExitCode: exit
        case let output as RunOutputError: fail(output)
        case let store as RunStoreError: fail(store)
        default: fail("could not run: \(error)")
        }
    }

    private static func fail(_ error: some CustomStringConvertible) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return ExitCode(3)
    }
}
