import SoswAWS
import Synchronization

/// A transport that answers each request with a function of it, for the metadata endpoints whose answer
/// depends on the path and headers; records every request.
final class AnsweringTransport: HTTPTransport {
    private let answer: @Sendable (AWSHTTPRequest) async throws -> AWSHTTPResponse
    private let log = Mutex<[AWSHTTPRequest]>([])

    init(_ answer: @escaping @Sendable (AWSHTTPRequest) async throws -> AWSHTTPResponse) {
        self.answer = answer
    }

    var sent: [AWSHTTPRequest] {
        log.withLock { $0 }
    }

    func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        log.withLock { $0.append(request) }
        return try await answer(request)
    }

    static func text(_ status: Int, _ body: String) -> AWSHTTPResponse {
        AWSHTTPResponse(status: status, body: Array(body.utf8))
    }

    /// The credentials document of the container endpoint and the instance metadata service.
    static func credentialsDocument(
        accessKeyID: String = "ASIAENDPOINT", secret: String = "endpoint-secret", token: String = "endpoint-token",
        expiration: String = "2026-01-05T03:00:00Z"
    ) -> AWSHTTPResponse {
        text(
            200,
            #"{"Code":"Success","Type":"AWS-HMAC","AccessKeyId":"\#(accessKeyID)","SecretAccessKey":"\#(secret)","#
                + #""Token":"\#(token)","Expiration":"\#(expiration)"}"#)
    }
}
