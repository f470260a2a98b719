import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A tiny HTTP server on 127.0.0.1 that plays both credential endpoints, so the providers are tested once
/// over a real socket with the production transport: the instance metadata service (token, role list, role
/// credentials, the token checked on each GET) and a container endpoint (`/v1/credentials`, with its
/// authorization token checked).
enum LocalCredentialsServer {
    static let imdsToken = "local-imds-session-token"
    static let containerToken = "local-container-token"
    static let role = "local-role"
    static let credentialsDocument =
        #"{"Code":"Success","AccessKeyId":"ASIALOCAL","SecretAccessKey":"local-secret","Token":"local-token","#
        + #""Expiration":"2026-01-05T03:00:00Z"}"#

    /// Runs the server on a free port for the duration of `body`, which gets the port.
    static func with<Result: Sendable>(_ body: @Sendable (Int) async throws -> Result) async throws -> Result {
        var logger = Logger(label: "sosw.tests.credentials-server")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in respond(to: request) },
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await application.runService()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            defer { group.cancelAll() }
            return try await body(port)
        }
    }

    private static func respond(to request: Request) -> Response {
        let header = { (name: String) in HTTPField.Name(name).flatMap { request.headers[$0] } }
        let path = request.uri.path
        switch (request.method, path) {
        case (.put, "/latest/api/token") where header("X-aws-ec2-metadata-token-ttl-seconds") == "21600":
            return text(.ok, imdsToken)
        case (.get, "/latest/meta-data/iam/security-credentials/") where header("X-aws-ec2-metadata-token") == imdsToken:
            return text(.ok, role + "\n")
        case (.get, "/latest/meta-data/iam/security-credentials/" + role)
        where header("X-aws-ec2-metadata-token") == imdsToken:
            return text(.ok, credentialsDocument)
        case (.get, "/v1/credentials"):
            return header("Authorization") == containerToken ? text(.ok, credentialsDocument) : text(.forbidden, "{}")
        default:
            return text(.unauthorized, "")
        }
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
