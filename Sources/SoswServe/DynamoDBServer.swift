import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SoswAWS
import SoswCore

/// An HTTP server speaking DynamoDB's JSON 1.0 protocol on 127.0.0.1 (`sosw serve`): any SDK, the AWS CLI or
/// boto3 pointed at it with an endpoint URL talks to the ``DynamoDBJSONService`` behind it as to the service,
/// with its status codes, `__type` errors, `x-amzn-RequestId` and `x-amz-crc32` headers. Every answer, an
/// unknown path or an oversized body included, is such a JSON error with a request id.
///
/// Signatures are not checked unless a ``SignatureCheck`` is given: a local test server needs requests from
/// any client with any keys. An `Authorization` header that is present must still be SigV4 in form, as the
/// service requires, so a client that signs wrongly is caught here too.
public struct DynamoDBServer: Sendable {
    public static let host = "127.0.0.1"
    /// How long a keep-alive connection may wait for its next request before it is closed: the 60 s most HTTP
    /// front ends (AWS's load balancers among them) default to.
    public static let defaultIdleTimeout = Duration.seconds(60)

    public let service: DynamoDBJSONService
    /// 0 lets the system pick a free port; ``run(onListening:)`` reports the one it got.
    public let port: Int
    public let signatureCheck: SignatureCheck?
    public let idleTimeout: Duration
    private let requestIDs = RequestIDSequence()

    public init(
        service: DynamoDBJSONService, port: Int, signatureCheck: SignatureCheck? = nil,
        idleTimeout: Duration = defaultIdleTimeout
    ) {
        self.service = service
        self.port = port
        self.signatureCheck = signatureCheck
        self.idleTimeout = idleTimeout
    }

    /// Serves until the task is cancelled or the process receives SIGINT/SIGTERM. `onListening` receives the
    /// bound port once the socket accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await self.respond(to: request)
        }
        var logger = Logger(label: "sosw.serve")
        logger.logLevel = .warning
        let requestedPort = port
        let (seconds, attoseconds) = idleTimeout.components
        let idle = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let application = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: idle)),
            configuration: ApplicationConfiguration(address: .hostname(Self.host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? requestedPort) },
            logger: logger)
        try await application.runService()
    }

    private func respond(to request: Request) async -> Response {
        let reply: DynamoDBJSONReply
        let path = (request.head.path ?? "/").prefix { $0 != "?" }
        if request.method != .post || path != "/" {
            reply = DynamoDBJSONReply(
                status: 404,
                body: DynamoDBJSONService.frontEndError(
                    "UnknownOperationException",
                    message: "No operation at \(request.method.rawValue) \(path): DynamoDB answers POST / only"
                ).body)
        } else {
            do {
                let body = Array(
                    try await request.body.collect(upTo: DynamoDBJSONService.maxRequestBytes).readableBytesView)
                if let rejection = signatureRejection(of: request, body: body) {
                    reply = rejection
                } else {
                    reply = await service.handle(target: request.headers[HTTPField.Name("X-Amz-Target")!], body: body)
                }
            } catch {
                reply = Self.bodyRejection(error)
            }
        }
        let headers: HTTPFields = [
            .contentType: DynamoDBOperation.contentType,
            HTTPField.Name("x-amzn-RequestId")!: requestIDs.next(),
            HTTPField.Name("x-amz-crc32")!: String(CRC32.checksum(reply.body)),
        ]
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// A body that could not be read: 413 when it is over the service's limit, else a 400 SerializationException.
    private static func bodyRejection(_ error: any Error) -> DynamoDBJSONReply {
        if error is NIOTooManyBytesError {
            return DynamoDBJSONReply(
                status: 413,
                body: DynamoDBJSONService.frontEndError(
                    "RequestEntityTooLarge",
                    message: "The request body is over DynamoDB's limit of \(DynamoDBJSONService.maxRequestBytes) bytes"
                ).body)
        }
        return DynamoDBJSONService.frontEndError(
            "SerializationException", message: "The request body could not be read: \(error)")
    }

    /// With a ``SignatureCheck`` the signature must verify; without one, the header is only parsed.
    private func signatureRejection(of request: Request, body: [UInt8]) -> DynamoDBJSONReply? {
        if let signatureCheck {
            return signatureCheck.rejection(of: Self.sigV4Request(request, body: body))
        }
        guard let value = request.headers[.authorization] else { return nil }
        do {
            _ = try SigV4Authorization(parsing: value)
            return nil
        } catch {
            return DynamoDBJSONService.frontEndError(error.awsErrorCode, message: error.description)
        }
    }

    /// The request as the client signed it. HTTP/1 `Host` arrives as the request's authority, not as a field,
    /// so it is put back as the header the signature covers.
    private static func sigV4Request(_ request: Request, body: [UInt8]) -> SigV4Request {
        let target = request.head.path ?? "/"
        let path = target.prefix { $0 != "?" }
        let rawQuery = target.dropFirst(path.count + 1)
        var headers = request.headers.map { SigV4Request.Header($0.name.rawName, $0.value) }
        if let authority = request.head.authority {
            headers.insert(SigV4Request.Header("Host", authority), at: 0)
        }
        return SigV4Request(
            method: request.method.rawValue, path: String(path),
            query: SigV4Request.QueryItem.parse(rawQuery: String(rawQuery)), headers: headers, payload: .bytes(body))
    }
}
