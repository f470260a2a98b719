import SoswAWS
import SoswCore
import Synchronization

/// A transport that answers from a script, one outcome per request, and records what it was sent and when
/// (on the wall clock it is given, the simulation's), so tests see every attempt the middlewares made.
final class ScriptedTransport: HTTPTransport {
    struct Sent: Sendable {
        var request: AWSHTTPRequest
        var at: UnixTime
    }

    private let script: Mutex<[Result<AWSHTTPResponse, HTTPTransportError>]>
    private let log = Mutex<[Sent]>([])
    private let wallClock: any WallClock

    init(_ script: [Result<AWSHTTPResponse, HTTPTransportError>], wallClock: any WallClock) {
        self.script = Mutex(script)
        self.wallClock = wallClock
    }

    var sent: [Sent] {
        log.withLock { $0 }
    }

    func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        log.withLock { $0.append(Sent(request: request, at: wallClock.currentTime())) }
        let next = script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let next else {
            return AWSHTTPResponse(status: 599, body: Array("the test script has no response left".utf8))
        }
        return try next.get()
    }

    static func json(_ status: Int, _ body: String) -> Result<AWSHTTPResponse, HTTPTransportError> {
        .success(AWSHTTPResponse(status: status, headers: [.init("Content-Type", "application/x-amz-json-1.0")], body: Array(body.utf8)))
    }

    static func error(_ status: Int, _ code: String) -> Result<AWSHTTPResponse, HTTPTransportError> {
        json(status, #"{"__type":"com.amazonaws.dynamodb.v20120810#\#(code)","message":"m"}"#)
    }

    static func xml(_ status: Int, _ body: String) -> Result<AWSHTTPResponse, HTTPTransportError> {
        .success(AWSHTTPResponse(status: status, headers: [.init("Content-Type", "text/xml")], body: Array(body.utf8)))
    }

    static let ok = json(200, "{}")
}
