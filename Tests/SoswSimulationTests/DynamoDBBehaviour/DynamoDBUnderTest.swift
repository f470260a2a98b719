import Foundation
import SoswAWS
import SoswCore
import SoswSimulation
import Testing

/// Where the behaviour suite sends its requests, from the environment:
/// - unset `DYNAMODB_SUITE_ENDPOINT`: the in-memory fake, in process;
/// - `DYNAMODB_SUITE_ENDPOINT=http://127.0.0.1:PORT`: the live client (``DynamoDBClient``) against the server
///   there, which `DYNAMODB_SUITE_PEER` names (`moto` or `sosw-serve`) so known differences can be marked.
///
/// Tests use only the port and each creates its own uniquely named table, so the same suite runs unchanged
/// against all three.
enum DynamoDBSuiteTarget: Sendable, Equatable {
    case inProcess
    case live(endpoint: AWSEndpoint, peer: Peer)

    /// The server behind a live endpoint.
    enum Peer: String, Sendable {
        case moto
        case soswServe = "sosw-serve"
        case other
    }

    static let current = fromEnvironment(ProcessInfo.processInfo.environment)

    static func fromEnvironment(_ environment: [String: String]) -> DynamoDBSuiteTarget {
        guard let url = environment["DYNAMODB_SUITE_ENDPOINT"], !url.isEmpty else { return .inProcess }
        let endpoint: AWSEndpoint
        do {
            endpoint = try AWSEndpoint(url: url, variable: "DYNAMODB_SUITE_ENDPOINT")
        } catch {
            preconditionFailure("\(error)")
        }
        return .live(endpoint: endpoint, peer: environment["DYNAMODB_SUITE_PEER"].flatMap(Peer.init) ?? .other)
    }

    var peer: Peer? {
        if case .live(_, let peer) = self { return peer }
        return nil
    }
}

/// The one place the behaviour suite gets its DynamoDB from (see ``DynamoDBSuiteTarget``). The live client
/// makes one attempt per call, so a server's error reaches the test as it was answered, not retried away.
func makeDynamoDBUnderTest() -> any DynamoDB {
    switch DynamoDBSuiteTarget.current {
    case .inProcess:
        return InMemoryDynamoDB(clock: ContinuousClock(), random: SeededRandom(seed: 7))
    case .live(let endpoint, _):
        let pipeline = AWSPipeline.standard(
            transport: AsyncHTTPClientTransport(),
            credentials: StaticCredentialsProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            region: "us-east-1", service: DynamoDBClient.signingName, wallClock: SystemWallClock(),
            clock: ContinuousClock(), random: SystemRandomSource(), retry: RetryStrategy(maxAttempts: 1))
        return DynamoDBClient(endpoint: endpoint, transport: pipeline)
    }
}

/// Marks a check where `peer` disagrees with the AWS documentation (and the fake follows the documentation):
/// against that peer the failures become a known issue (and an unexpected pass is reported, so a fixed peer
/// is noticed); against every other target the check runs as it is. Each use is listed, with the
/// documentation's words, in KNOWN_DIFFERENCES.md.
///
/// `when` narrows the mark to the cases of a parameterised test that differ, so the others keep checking.
func knownDifference(
    _ peer: DynamoDBSuiteTarget.Peer, _ summary: String, when differs: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async throws {
    guard differs, DynamoDBSuiteTarget.current.peer == peer else {
        try await body()
        return
    }
    await withKnownIssue(Comment(rawValue: "\(peer.rawValue) differs from AWS: \(summary)"), sourceLocation: sourceLocation) {
        try await body()
    }
}
