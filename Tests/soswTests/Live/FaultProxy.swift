import Foundation
import SoswCore
import Testing

/// Tests/python/fault_proxy.py, started on 127.0.0.1 in front of moto for one test and stopped by its PID:
/// it answers some requests with the services' own faults and logs every request, which is how the tests
/// count AWS calls and invocations.
final class FaultProxy {
    /// The per-request probabilities of each fault.
    struct Faults {
        var error = 0.0
        var throttle = 0.0
        var reset = 0.0
        var slow = 0.0
        var slowMilliseconds = 200

        static let none = Faults()
    }

    /// One request as the proxy logged it.
    struct Request {
        var service: String
        var operation: String
        var fault: String?
        var status: Int?
        var taskIDs: [String]
        var attempts: Int?
    }

    let url: String
    let logFile: String
    private let process: Process

    init(upstream: String, directory: String, faults: Faults, seed: Int = 11) throws {
        logFile = directory + "/proxy-\(UInt32.random(in: 0...UInt32.max)).jsonl"
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", LiveDeployment.repository + "/Tests/python/fault_proxy.py", "--upstream", upstream, "--port", "0",
            "--log", logFile, "--seed", "\(seed)", "--error", "\(faults.error)", "--throttle", "\(faults.throttle)",
            "--reset", "\(faults.reset)", "--slow", "\(faults.slow)", "--slow-ms", "\(faults.slowMilliseconds)",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let range = line.range(of: "listening on ") else {
            process.terminate()
            throw ProxyDidNotStart(output: line)
        }
        url = line[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct ProxyDidNotStart: Error, CustomStringConvertible {
        var output: String
        var description: String { "the fault proxy did not start: \(output)" }
    }

    /// Every request so far.
    func requests() throws -> [Request] {
        let text = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { line in
            let record = try JSONValue(parsing: String(line))
            return Request(
                service: record["service"]?.stringValue ?? "", operation: record["operation"]?.stringValue ?? "",
                fault: record["fault"]?.stringValue, status: record["status"]?.intValue.map(Int.init),
                taskIDs: record["task_ids"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                attempts: record["attempts"]?.intValue.map(Int.init))
        }
    }

    /// Stops the proxy (SIGTERM to the process this test started, SIGKILL if it has not ended within 5 s) and
    /// waits for it. Polls instead of `waitUntilExit()`, which spins a core on Linux while it waits.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<500 where process.isRunning {
            usleep(10_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
    }

    deinit {
        if process.isRunning { stop() }
    }
}
