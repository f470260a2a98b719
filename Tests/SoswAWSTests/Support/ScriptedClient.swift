import SoswAWS
import SoswCore
import SoswSimulation

/// A live client whose transport is a ``ScriptedTransport``: what the client sends is recorded, what it
/// receives is the script's.
enum ScriptedClient {
    static let endpoint = AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 8000)

    static func make<Client: AWSServiceClient>(
        _ type: Client.Type, _ script: [Result<AWSHTTPResponse, HTTPTransportError>]
    ) -> (Client, ScriptedTransport) {
        let transport = ScriptedTransport(script, wallClock: SimClock(executor: SimExecutor()))
        return (Client(endpoint: endpoint, transport: transport), transport)
    }

    /// The one request the client sent, in wire form.
    static func onlyRequest(of transport: ScriptedTransport) -> WireForm? {
        transport.sent.count == 1 ? WireForm(transport.sent[0].request) : nil
    }
}

/// The error `body` throws, or nil when it returns.
func thrownError(by body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
