import SoswAWS
import Synchronization

/// STS as the credential providers see it: answers every call with credentials that name the role and, for
/// AssumeRole, the access key it was signed with, so a test can follow a chain of roles; or fails with a
/// given error. Records the calls and the region and source of each client made.
final class FakeSTS: Sendable {
    struct Call: Equatable, Sendable {
        var action: String
        var roleARN: String
        var sessionName: String
        var externalID: String?
        var webIdentityToken: String?
        var durationSeconds: Int?
        /// The access key AssumeRole was signed with (nil for AssumeRoleWithWebIdentity).
        var signedWith: String?
        var region: String
    }

    private let log = Mutex<[Call]>([])
    private let failure: (any Error & Sendable)?

    init(failingWith failure: (any Error & Sendable)? = nil) {
        self.failure = failure
    }

    var calls: [Call] {
        log.withLock { $0 }
    }

    /// The factory the providers are given.
    var factory: STSClientFactory {
        { source, region in Client(sts: self, source: source, region: region) }
    }

    /// The credentials a role gets: its ARN's last part as the key id.
    static func credentials(of roleARN: String) -> AWSCredentials {
        AWSCredentials(
            accessKeyID: "ASIA-" + (roleARN.split(separator: "/").last.map(String.init) ?? roleARN),
            secretAccessKey: "role-secret", sessionToken: "role-token", expiration: nil)
    }

    struct Client: STSRoleAssuming {
        let sts: FakeSTS
        let source: (any AWSCredentialsProvider)?
        let region: String

        func assumeRole(roleARN: String, sessionName: String, externalID: String?, durationSeconds: Int?) async throws
            -> AWSCredentials
        {
            let signedWith = try await source?.credentials().accessKeyID
            sts.log.withLock {
                $0.append(Call(
                    action: "AssumeRole", roleARN: roleARN, sessionName: sessionName, externalID: externalID,
                    durationSeconds: durationSeconds, signedWith: signedWith, region: region))
            }
            if let failure = sts.failure { throw failure }
            return FakeSTS.credentials(of: roleARN)
        }

        func assumeRoleWithWebIdentity(
            roleARN: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?
        ) async throws -> AWSCredentials {
            sts.log.withLock {
                $0.append(Call(
                    action: "AssumeRoleWithWebIdentity", roleARN: roleARN, sessionName: sessionName,
                    webIdentityToken: webIdentityToken, durationSeconds: durationSeconds, region: region))
            }
            if let failure = sts.failure { throw failure }
            return FakeSTS.credentials(of: roleARN)
        }
    }
}
