import Foundation

/// Credentials printed by a command, a profile's `credential_process` (an SSO helper, a password manager):
/// run through `/bin/sh -c` as the other SDKs do, with the process's environment; its standard error goes
/// to ours, so the user sees what it says, and its standard output must be the JSON document
/// `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}`. Errors name the command
/// and its exit status, never what it printed (that holds the secret).
public struct CredentialProcessProvider: AWSCredentialsProvider {
    public let command: String
    /// Names the source in errors: the profile.
    public let source: String

    public init(command: String, source: String) {
        self.command = command
        self.source = source
    }

    public func credentials() async throws(AWSCredentialsError) -> AWSCredentials {
        let outcome = await Self.run(command)
        let output: [UInt8]
        switch outcome {
        case .couldNotStart(let reason):
            throw .failed(source: source, reason: "credential_process `\(command)` could not be started: \(reason)")
        case .exited(let status, _) where status != 0:
            throw .failed(source: source, reason: "credential_process `\(command)` exited with status \(status)")
        case .signalled(let signal):
            throw .failed(source: source, reason: "credential_process `\(command)` was killed by signal \(signal)")
        case .exited(_, let printed):
            output = printed
        }
        do throws(TemporaryCredentialsJSON.Problem) {
            let object = try TemporaryCredentialsJSON.object(output)
            guard let version = object["Version"] as? Int, version == 1 else {
                throw TemporaryCredentialsJSON.Problem(reason: "its Version is missing or not 1")
            }
            return try TemporaryCredentialsJSON.credentials(
                from: object, tokenField: .sessionToken, requireExpiration: false)
        } catch {
            throw .failed(
                source: source,
                reason: "credential_process `\(command)` printed no usable credentials: \(error.reason)")
        }
    }

    enum Outcome {
        case couldNotStart(String)
        case exited(Int32, output: [UInt8])
        case signalled(Int32)
    }

    /// Runs the command on a dispatch thread, since reading its output and waiting for it block.
    private static func run(_ command: String) async -> Outcome {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
                let output = Pipe()
                process.standardOutput = output
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(returning: .couldNotStart(error.localizedDescription))
                    return
                }
                let printed = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                switch process.terminationReason {
                case .exit: continuation.resume(returning: .exited(process.terminationStatus, output: Array(printed)))
                case .uncaughtSignal: continuation.resume(returning: .signalled(process.terminationStatus))
                @unknown default: continuation.resume(returning: .signalled(process.terminationStatus))
                }
            }
        }
    }
}
