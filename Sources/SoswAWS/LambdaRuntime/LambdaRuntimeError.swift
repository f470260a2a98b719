/// Why the Lambda runtime could not start, or stopped. Each message says what was tried, what came back and
/// what to do, because the person reading it is looking at a CloudWatch log or at a local test run.
public enum LambdaRuntimeError: Error, Equatable, CustomStringConvertible {
    /// `AWS_LAMBDA_RUNTIME_API` is unset or empty: the process is not running inside Lambda.
    case runtimeAPINotSet
    /// An environment variable Lambda sets has a value the runtime cannot use.
    case invalidVariable(name: String, value: String, expected: String)
    /// The handler's initialisation threw. `reported` says whether Lambda received the error document (it
    /// shows it as the function's init error); the process should exit non-zero either way.
    case initializationFailed(LambdaErrorDocument, reported: Bool)
    /// A call to the Runtime API got no answer or an answer other than the one the API documents for success.
    /// The runtime stops, as the AWS runtime interface clients do: Lambda then replaces the execution
    /// environment.
    case runtimeAPIFailed(call: String, problem: String)
    /// `/next` answered with an invocation the runtime cannot run (a required header missing or malformed).
    /// With a request id the invocation is answered with an error and the loop goes on; without one it cannot
    /// be answered and the runtime stops.
    case invalidInvocation(requestID: String?, problem: String)

    public var description: String {
        switch self {
        case .runtimeAPINotSet:
            "AWS_LAMBDA_RUNTIME_API is not set. This command is the custom runtime of a Lambda function (the "
                + "`bootstrap` of a provided.al2023 function), and Lambda sets AWS_LAMBDA_RUNTIME_API to the host:port "
                + "of its Runtime API. To run it on your machine, start it under the Lambda Runtime Interface "
                + "Emulator (`aws-lambda-rie <this command>`, then POST an event to "
                + "http://localhost:8080/2015-03-31/functions/function/invocations), or set "
                + "AWS_LAMBDA_RUNTIME_API=host:port of any server that speaks the Runtime API."
        case .invalidVariable(let name, let value, let expected):
            "\(name)='\(value)' cannot be used: expected \(expected)."
        case .initializationFailed(let document, let reported):
            "The Lambda handler failed to initialise: \(document.errorType): \(document.errorMessage). "
                + (reported
                    ? "The error was reported to Lambda as the function's init error."
                    : "Reporting it to the Runtime API failed too (see the log).")
        case .runtimeAPIFailed(let call, let problem):
            "The Lambda Runtime API call \(call) failed: \(problem). The runtime stops so that Lambda replaces "
                + "this execution environment."
        case .invalidInvocation(let requestID, let problem):
            "The Lambda Runtime API sent an invocation that cannot be run"
                + (requestID.map { " (request \($0))" } ?? " (without a request id, so it cannot be answered)")
                + ": \(problem)."
        }
    }
}
