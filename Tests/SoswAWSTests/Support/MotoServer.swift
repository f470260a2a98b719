import Foundation
import SoswAWS
import SoswCore

/// moto's server as the peer of the live clients. Tests that need it are enabled only when
/// `SOSW_MOTO_ENDPOINT` is set (`scripts/test` starts one moto for the whole run and exports it); they name
/// their resources uniquely, so they run concurrently against one server, and never reset it.
enum MotoServer {
    static let variable = "SOSW_MOTO_ENDPOINT"
    static let url: String? = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    static var isConfigured: Bool { url != nil }
    static let region = "us-east-1"
    static let accountID = "123456789012"

    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "\(MotoServer.variable) is not set; start moto (python3 -m moto.server -H 127.0.0.1 -p 5000) and set it "
                + "to its URL, e.g. http://127.0.0.1:5000"
        }
    }

    /// A client made by its own factory with moto as `AWS_ENDPOINT_URL` (moto routes by the signature's
    /// scope, so any keys do), making one attempt per call so moto's answer reaches the test as it was sent.
    static func client<Client: AWSServiceClient>(_ type: Client.Type) throws -> Client {
        guard let url else { throw NotConfigured() }
        return try Client.fromEnvironment(
            ["AWS_REGION": region, "AWS_ENDPOINT_URL": url],
            credentials: StaticCredentialsProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            retry: RetryStrategy(maxAttempts: 1))
    }

    /// `prefix-` and 12 random hex digits: unique among concurrent tests and runs against one server.
    static func uniqueName(_ prefix: String) -> String {
        prefix + "-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    // MARK: Fixtures the clients under test do not create themselves

    /// IAM, only to create the role a function needs: moto checks that it exists.
    struct IAM: AWSServiceClient {
        static let service = AWSService(
            serviceID: "IAM", signingName: "iam", wireProtocol: .awsQuery(apiVersion: "2010-05-08"))
        let client: AWSClient
    }

    /// A Python function (never run: moto without Docker echoes a synchronous invoke's payload) with a new
    /// role; returns its configuration.
    static func createFunction(timeout: Int) async throws -> FunctionConfiguration {
        try await useLambdaWithoutDocker()
        let iam = try client(IAM.self)
        let roleName = uniqueName("sosw-test-role")
        let role = try await iam.client.queryCall(
            "CreateRole",
            [
                "RoleName": roleName,
                "AssumeRolePolicyDocument":
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            ])
        let roleARN = try iam.client.required("Arn", in: iam.client.required("Role", in: role, of: "CreateRole"), of: "CreateRole")
        let zip = StoredZip.archive(
            fileName: "lambda_function.py", contents: Array("def handler(event, context):\n    return event\n".utf8))
        let input: JSONValue = [
            "FunctionName": .string(uniqueName("sosw-test-fn")), "Runtime": "python3.12", "Role": .string(roleARN.text),
            "Handler": "lambda_function.handler", "Timeout": .int(Int64(timeout)),
            "Code": ["ZipFile": .string(Data(zip).base64EncodedString())],
        ]
        let lambda = try client(LambdaClient.self)
        let response = try await lambda.client.send(
            lambda.client.restRequest(
                "POST", path: "/\(LambdaClient.apiVersion)/functions", headers: ["Content-Type": "application/json"],
                body: try AWSJSONCodec.encode(input)),
            operation: "CreateFunction")
        return try lambda.client.decodeJSON(FunctionConfiguration.self, from: response, operation: "CreateFunction")
    }

    /// moto runs functions in Docker unless told not to, before they are created.
    private static func useLambdaWithoutDocker() async throws {
        guard let url else { throw NotConfigured() }
        let endpoint = try AWSEndpoint(url: url, variable: variable)
        let response = try await AsyncHTTPClientTransport().send(AWSHTTPRequest(
            method: "POST", endpoint: endpoint, path: "/moto-api/config",
            headers: [.init("Content-Type", "application/json")], body: Array(#"{"lambda":{"use_docker":false}}"#.utf8)))
        guard response.isSuccess else {
            throw AWSServiceError(
                service: "moto", operation: "config", status: response.status, code: nil,
                message: String(decoding: response.body, as: UTF8.self), requestID: nil)
        }
    }
}
