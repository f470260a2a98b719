import Foundation
import SoswAWS
import SoswCore
import SoswServe
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sosw serve` at the HTTP level: every answer is a DynamoDB-style JSON error with a request id (unknown
/// paths, oversized bodies), idle keep-alive connections are closed, and checked signatures must be scoped to
/// the server's region and cover every `x-amz-*` header.
@Suite struct DynamoDBServerHTTPTests {
    static func send(_ endpoint: AWSEndpoint, method: String = "POST", path: String = "/", body: [UInt8]) async throws
        -> AWSHTTPResponse
    {
        var request = AWSHTTPRequest(
            method: method, endpoint: endpoint,
            headers: [.init("X-Amz-Target", "DynamoDB_20120810.ListTables"), .init("Content-Type", DynamoDBOperation.contentType)],
            body: body)
        request.path = path
        return try await AsyncHTTPClientTransport().send(request)
    }

    static func errorBody(_ response: AWSHTTPResponse) throws -> DynamoDBErrorBody {
        try JSONDecoder().decode(DynamoDBErrorBody.self, from: Data(response.body))
    }

    @Test func unknownPathsAndMethodsAre404JSONErrors() async throws {
        try await DynamoDBServerTests.withServer { endpoint in
            for (method, path) in [("POST", "/tables"), ("GET", "/"), ("PUT", "/x?y=1")] {
                let response = try await Self.send(endpoint, method: method, path: path, body: method == "GET" ? [] : Array("{}".utf8))
                #expect(response.status == 404)
                #expect(try Self.errorBody(response).type == "com.amazon.coral.service#UnknownOperationException")
                #expect(response.header("x-amzn-RequestId")?.count == 52)
                #expect(response.header("Content-Type") == DynamoDBOperation.contentType)
            }
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await DynamoDBServerTests.withServer { endpoint in
            let body = [UInt8](repeating: UInt8(ascii: " "), count: DynamoDBJSONService.maxRequestBytes + 1)
            let response = try await Self.send(endpoint, body: body)
            #expect(response.status == 413)
            #expect(try Self.errorBody(response).code == "RequestEntityTooLarge")
            #expect(response.header("x-amzn-RequestId") != nil)
        }
    }

    @Test func aMalformedBodyIsASerializationExceptionOverHTTP() async throws {
        try await DynamoDBServerTests.withServer { endpoint in
            let response = try await Self.send(endpoint, body: Array(#"{"Limit":1,}"#.utf8))
            #expect(response.status == 400)
            #expect(try Self.errorBody(response).code == "SerializationException")
        }
    }

    @Test func anIdleKeepAliveConnectionIsClosed() async throws {
        try await DynamoDBServerTests.withServer(idleTimeout: .seconds(1)) { endpoint in
            let socket = try RawConnection(port: endpoint.port ?? 0)
            defer { socket.close() }
            let request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n{}"
            try socket.write(request)
            let answer = await socket.read()
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            // No request follows: within a few seconds the server closes the connection (a read returns 0).
            #expect(await socket.readsEndOfStream(within: 5))
        }
    }

    /// Sends each request with one more `x-amz-*` header added after signing.
    struct AddingUnsignedHeader: HTTPTransport {
        let base = AsyncHTTPClientTransport()
        func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
            var request = request
            request.headers.append(.init("X-Amz-Extra", "unsigned"))
            return try await base.send(request)
        }
    }

    static func client(_ endpoint: AWSEndpoint, region: String, transport: any HTTPTransport) -> DynamoDBClient {
        DynamoDBClient(
            endpoint: endpoint,
            transport: AWSPipeline.standard(
                transport: transport, credentials: StaticCredentialsProvider(DynamoDBServerTests.key), region: region,
                service: "dynamodb", wallClock: SystemWallClock(), clock: ContinuousClock(),
                random: SystemRandomSource(), retry: RetryStrategy(maxAttempts: 1)))
    }

    static func refusal(_ client: DynamoDBClient) async -> (code: String?, message: String?) {
        do {
            _ = try await client.listTables(ListTablesInput())
            return (nil, nil)
        } catch let error as AWSServiceError {
            return (error.code, error.message)
        } catch {
            return ("\(error)", nil)
        }
    }

    @Test func checkedSignaturesMustBeScopedToTheServersRegionAndSignEveryAmzHeader() async throws {
        let check = SignatureCheck(credentials: [DynamoDBServerTests.key], region: "eu-west-1", wallClock: SystemWallClock())
        try await DynamoDBServerTests.withServer(signatureCheck: check) { endpoint in
            let good = try await Self.client(endpoint, region: "eu-west-1", transport: AsyncHTTPClientTransport())
                .listTables(ListTablesInput())
            #expect(good.tableNames.isEmpty)
            let otherRegion = await Self.refusal(Self.client(endpoint, region: "us-east-1", transport: AsyncHTTPClientTransport()))
            #expect(otherRegion.code == "InvalidSignatureException")
            #expect(otherRegion.message?.hasPrefix("Credential should be scoped to a valid region, not 'us-east-1'.") == true)
            let unsigned = await Self.refusal(Self.client(endpoint, region: "eu-west-1", transport: AddingUnsignedHeader()))
            #expect(unsigned.code == "InvalidSignatureException")
            #expect(unsigned.message?.contains("x-amz-extra") == true)
        }
    }
}

/// A plain TCP connection to the server on 127.0.0.1, to watch what the server does with an idle connection.
private final class RawConnection {
    private let descriptor: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            throw POSIXError(.EIO)
        }
    }

    /// What the first read with data returns, waiting at most 5 s. Polls without blocking: the server runs on
    /// this process's cooperative threads, which a blocking `recv` would hold (two of them on two cores).
    func read() async -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<250 {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 { return String(decoding: buffer.prefix(count), as: UTF8.self) }
            if count == 0 { return "" }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return ""
    }

    /// Whether the peer closes the connection within `seconds` (polling, as ``read()`` does).
    func readsEndOfStream(within seconds: Int) async -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<(seconds * 50) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count == 0 { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    func close() {
        #if canImport(Glibc)
            Glibc.close(descriptor)
        #else
            Darwin.close(descriptor)
        #endif
    }
}
