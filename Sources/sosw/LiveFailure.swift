import ArgumentParser
import Foundation
import SoswAWS
import SoswCore

/// How a live command ends when it cannot do its work: one line on standard error and an exit status a
/// script can act on.
///
/// - 1: a run finished but reported failures (a labourer whose calls kept failing);
/// - 2: invalid input: a config document with a wrong key or value, a malformed job or event, bad options;
/// - 3: the command could not run: no region or credentials, an endpoint that does not answer, AWS refusing.
enum LiveFailure: Error, CustomStringConvertible {
    case invalidInput(String)
    case cannotRun(String)

    var description: String {
        switch self {
        case .invalidInput(let message), .cannotRun(let message): message
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .invalidInput: ExitCode(2)
        case .cannotRun: ExitCode(3)
        }
    }

    /// Sorts an error from setting up or running an essential into invalid input or a failure to run.
    static func classify(_ error: any Error) -> LiveFailure {
        switch error {
        case let failure as LiveFailure: failure
        case let error as ConfigError: .invalidInput("config: \(error)")
        case let error as InvalidJob: .invalidInput("job: \(error)")
        case let error as WorkerAssistantError: .invalidInput("event: \(error)")
        case let error as LiveEssentialError: .invalidInput("\(error)")
        default: .cannotRun("\(error)")
        }
    }

    /// Runs `body`; any error is written as one `error: …` line on standard error and ends the command.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = classify(error)
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw failure.exitCode
        }
    }
}
