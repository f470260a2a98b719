import SoswAWS
import SoswCore
import Testing

/// The SSM client against moto's server: plain and SecureString parameters, and names that do not exist.
@Suite("SSMClient against moto", .enabled(if: MotoServer.isConfigured, "needs SOSW_MOTO_ENDPOINT"))
struct SSMClientMotoTests {
    @Test func readsPlainAndSecureParameters() async throws {
        let ssm = try MotoServer.client(SSMClient.self)
        let prefix = "/" + MotoServer.uniqueName("sosw-test")
        let (plain, config) = (prefix + "/config", #"{"labourers": {}}"#)
        let secret = prefix + "/secret"
        for (name, value, type) in [(plain, config, "String"), (secret, "s3cr3t", "SecureString")] {
            let input: JSONValue = ["Name": .string(name), "Value": .string(value), "Type": .string(type)]
            _ = try await ssm.client.jsonCall("PutParameter", input, as: JSONValue.self)
        }
        #expect(try await ssm.getParameter(name: plain) == config)
        #expect(try await ssm.getParameter(name: secret) == "s3cr3t")
        #expect(try await ssm.getParameter(name: secret, withDecryption: false) != "s3cr3t")

        let missing = prefix + "/missing"
        let found = try await ssm.getParameters(names: [plain, secret, missing])
        #expect(found.values == [plain: config, secret: "s3cr3t"])
        #expect(found.invalidNames == [missing])
    }

    @Test func aMissingParameterIsNamedInItsError() async throws {
        let ssm = try MotoServer.client(SSMClient.self)
        let name = "/" + MotoServer.uniqueName("sosw-test") + "/missing"
        let error = await thrownError { _ = try await ssm.getParameter(name: name) }
        #expect((error as? SSMError)?.code == .parameterNotFound, "\(String(describing: error))")
        #expect((error as? SSMError)?.parameterName == name)
    }
}
