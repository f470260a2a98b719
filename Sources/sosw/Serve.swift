import ArgumentParser
import Foundation
import SoswAWS
import SoswCore
import SoswServe
import SoswSimulation

/// `sosw serve`: the in-memory DynamoDB over DynamoDB's own JSON 1.0 protocol on 127.0.0.1, for boto3, the AWS
/// CLI, any SDK, and the live client's tests. State lives in the process and is gone when it stops.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve an in-memory DynamoDB on 127.0.0.1 over the DynamoDB JSON 1.0 protocol.",
        discussion: """
            Point a client at it with AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:PORT (any region, any keys). \
            Prints 'listening on http://127.0.0.1:PORT' once it accepts connections; stop it with SIGINT or SIGTERM.
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8000

    @Flag(help: "Reject requests whose SigV4 signature does not verify with the given key, as DynamoDB does.")
    var checkSignatures = false

    @Option(help: "The access key id signatures must use (default: AWS_ACCESS_KEY_ID).")
    var accessKey: String?

    @Option(help: "The secret key signatures are checked with (default: AWS_SECRET_ACCESS_KEY).")
    var secretKey: String?

    @Option(help: "The region in the ARNs of created tables, and the one signatures must be scoped to.")
    var region = "us-east-1"

    @Option(help: "Seconds a keep-alive connection may stay idle before it is closed.")
    var idleTimeout = 60

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be from 0 to 65535 (0 picks a free port), got \(port)")
        }
        guard idleTimeout >= 1 else {
            throw ValidationError("--idle-timeout must be at least 1 second, got \(idleTimeout)")
        }
    }

    func run() async throws {
        let database = InMemoryDynamoDB(clock: ContinuousClock(), random: SeededRandom(seed: 0), region: region)
        let server = DynamoDBServer(
            service: DynamoDBJSONService(database: database), port: port, signatureCheck: try signatureCheck(),
            idleTimeout: .seconds(idleTimeout))
        try await server.run { port in
            FileHandle.standardOutput.write(Data("listening on http://\(DynamoDBServer.host):\(port)\n".utf8))
        }
    }

    private func signatureCheck() throws -> SignatureCheck? {
        guard checkSignatures else { return nil }
        let environment = ProcessInfo.processInfo.environment
        guard let accessKey = accessKey ?? environment["AWS_ACCESS_KEY_ID"],
            let secretKey = secretKey ?? environment["AWS_SECRET_ACCESS_KEY"]
        else {
            throw ValidationError(
                "--check-signatures needs a key: pass --access-key and --secret-key, "
                    + "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        }
        return SignatureCheck(
            credentials: [AWSCredentials(accessKeyID: accessKey, secretAccessKey: secretKey)], region: region,
            wallClock: SystemWallClock())
    }
}
