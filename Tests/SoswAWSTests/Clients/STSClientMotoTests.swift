import SoswAWS
import SoswCore
import Testing

/// The STS client against moto's server: both role calls return temporary credentials that expire as asked.
@Suite("STSClient against moto", .enabled(if: MotoServer.isConfigured, "needs SOSW_MOTO_ENDPOINT"))
struct STSClientMotoTests {
    static let role = "arn:aws:iam::\(MotoServer.accountID):role/sosw-test"

    @Test func assumeRoleGivesTemporaryCredentialsForTheAskedDuration() async throws {
        let sts = try MotoServer.client(STSClient.self)
        let session = MotoServer.uniqueName("sosw")
        let short = try await sts.assumeRole(roleARN: Self.role, sessionName: session, externalID: nil, durationSeconds: 900)
        let long = try await sts.assumeRole(roleARN: Self.role, sessionName: session, externalID: "ext-1", durationSeconds: 3600)
        #expect(short.accessKeyID.hasPrefix("ASIA"))
        #expect(short.sessionToken?.isEmpty == false)
        let difference = try #require(long.expiration) - (try #require(short.expiration))
        #expect(difference > .seconds(2600) && difference < .seconds(2800), "\(difference)")
    }

    @Test func assumeRoleWithWebIdentityWorksUnsigned() async throws {
        let sts = try MotoServer.client(STSClient.self)
        let credentials = try await sts.assumeRoleWithWebIdentity(
            roleARN: Self.role, sessionName: MotoServer.uniqueName("sosw"), webIdentityToken: "eyJhbGciOiJSUzI1NiJ9.e30.sig",
            durationSeconds: nil)
        #expect(credentials.accessKeyID.hasPrefix("ASIA"))
        #expect(credentials.expiration != nil)
    }
}
