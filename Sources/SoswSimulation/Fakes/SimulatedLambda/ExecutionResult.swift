import SoswCore

/// How one execution ended, with what a synchronous caller gets back.
struct ExecutionResult: Sendable {
    var outcome: ExecutionOutcome
    /// The behaviour's response, for a complete execution.
    var response: JSONValue?
    /// Why a failed or timed-out execution ended, as the runtime reports it.
    var errorMessage: String?
    var errorType: String?
    var elapsed: Duration

    /// The error document Lambda returns as the payload of a failed synchronous invoke.
    var errorDocument: JSONValue {
        .object(["errorMessage": .string(errorMessage ?? ""), "errorType": .string(errorType ?? "Error")])
    }

    /// The elapsed time in milliseconds with two decimals, as the `REPORT` log line prints it.
    var elapsedMilliseconds: String {
        Self.twoDecimals(elapsed.secondsValue * 1000)
    }

    /// `value` with exactly two decimals (`900.00`), without Foundation's locale-dependent formatting.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int64((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
