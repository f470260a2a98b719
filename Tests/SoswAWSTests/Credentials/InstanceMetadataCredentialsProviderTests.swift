import SoswAWS
import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// The EC2 instance metadata service, IMDSv2, on a scripted transport and virtual time.
@Suite struct InstanceMetadataCredentialsProviderTests {
    typealias Support = CredentialsTestSupport
    static let rolePath = "/latest/meta-data/iam/security-credentials/"

    /// An instance metadata service with role `web-role`, checking the session token on each GET.
    static func service(tokenStatus: Int = 200, roles: AWSHTTPResponse = AnsweringTransport.text(200, "web-role\n"))
        -> AnsweringTransport
    {
        AnsweringTransport { request in
            switch (request.method, request.path) {
            case ("PUT", "/latest/api/token"):
                guard request.header("X-aws-ec2-metadata-token-ttl-seconds") == "21600" else {
                    return AnsweringTransport.text(400, "")
                }
                return AnsweringTransport.text(tokenStatus, tokenStatus == 200 ? "imds-session-token" : "")
            case ("GET", _) where tokenStatus == 200 && request.header("X-aws-ec2-metadata-token") != "imds-session-token":
                return AnsweringTransport.text(401, "")
            case ("GET", rolePath):
                return roles
            case ("GET", rolePath + "web-role"):
                return AnsweringTransport.credentialsDocument(accessKeyID: "ASIAINSTANCE")
            default:
                return AnsweringTransport.text(404, "")
            }
        }
    }

    static func credentials(
        _ transport: AnsweringTransport, environment: [String: String] = [:]
    ) throws -> (Result<AWSCredentials, AWSCredentialsError>, elapsed: Duration) {
        try Support.simulate { clock in
            do throws(AWSCredentialsError) {
                let provider = try InstanceMetadataCredentialsProvider.fromEnvironment(
                    environment, transport: transport, clock: clock)
                return .success(try await provider.credentials())
            } catch {
                return .failure(error)
            }
        }
    }

    @Test func tokenThenRoleThenItsCredentials() throws {
        let transport = Self.service()
        let (result, _) = try Self.credentials(transport)
        #expect(try result.get().accessKeyID == "ASIAINSTANCE")
        #expect(try result.get().expiration == UnixTime(iso8601: "2026-01-05T03:00:00Z"))
        #expect(transport.sent.map { "\($0.method) \($0.url)" } == [
            "PUT http://169.254.169.254/latest/api/token",
            "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/web-role",
        ])
    }

    @Test func aRefusedTokenFallsBackToAskingWithout() throws {
        let transport = Self.service(tokenStatus: 403)
        let (result, _) = try Self.credentials(transport)
        #expect(try result.get().accessKeyID == "ASIAINSTANCE")
        #expect(transport.sent.dropFirst().allSatisfy { $0.header("X-aws-ec2-metadata-token") == nil })
    }

    @Test func theEndpointVariableAndTheIPv6ModeMoveTheService() throws {
        let moved = Self.service()
        _ = try Self.credentials(moved, environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338"])
        #expect(moved.sent.first?.url == "http://127.0.0.1:1338/latest/api/token")
        let ipv6 = Self.service()
        _ = try Self.credentials(ipv6, environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"])
        #expect(ipv6.sent.first?.url == "http://[fd00:ec2::254]/latest/api/token")
    }

    @Test func disabledByTheVariable() throws {
        let transport = Self.service()
        let (result, _) = try Self.credentials(transport, environment: ["AWS_EC2_METADATA_DISABLED": "TRUE"])
        #expect(result == .failure(.unavailable(source: "instance metadata", reason: "AWS_EC2_METADATA_DISABLED is true")))
        #expect(transport.sent.isEmpty)
    }

    @Test func offEC2ItGivesUpAfterOneSecondWithoutRetrying() throws {
        let (result, elapsed) = try Support.simulate { clock in
            let silent = AnsweringTransport { _ in
                try await clock.sleep(for: .seconds(3600))
                return AnsweringTransport.text(200, "")
            }
            let provider = InstanceMetadataCredentialsProvider(transport: silent, clock: clock)
            return await Support.error { try await provider.credentials() }
        }
        #expect(elapsed == .seconds(1))
        #expect(result == .unavailable(source: "instance metadata", reason: "no answer from 169.254.169.254 within 1 s"))
    }

    @Test func anInstanceWithoutARoleIsNotConfigured() throws {
        let (result, _) = try Self.credentials(Self.service(roles: AnsweringTransport.text(404, "")))
        #expect(result.isUnavailable)
    }

    @Test func serverErrorsAreRetriedBriefly() throws {
        let attempts = AttemptCounter()
        let transport = AnsweringTransport { request in
            if request.method == "GET", request.path == Self.rolePath, attempts.next() < 2 {
                return AnsweringTransport.text(500, "")
            }
            return try await Self.service(tokenStatus: 404).send(request)
        }
        let (result, elapsed) = try Self.credentials(transport)
        #expect(try result.get().accessKeyID == "ASIAINSTANCE")
        #expect(elapsed == .milliseconds(400))
    }

    @Test func aFailedCodeIsReportedWithoutTheDocument() throws {
        let transport = Self.service()
        let failing = AnsweringTransport { request in
            if request.path == Self.rolePath + "web-role" {
                return AnsweringTransport.text(200, #"{"Code":"AssumeRoleUnauthorizedAccess","SecretAccessKey":"x"}"#)
            }
            return try await transport.send(request)
        }
        let (result, _) = try Self.credentials(failing)
        #expect(
            result
                == .failure(
                    .failed(
                        source: "instance metadata",
                        reason: "the credentials of role 'web-role' are not usable: its Code is "
                            + "'AssumeRoleUnauthorizedAccess', not Success")))
    }

    @Test func overARealSocketWithTheProductionTransport() async throws {
        let credentials = try await LocalCredentialsServer.with { port in
            try await InstanceMetadataCredentialsProvider.fromEnvironment(
                ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:\(port)"], transport: AsyncHTTPClientTransport(),
                clock: ContinuousClock()
            ).credentials()
        }
        #expect(credentials.accessKeyID == "ASIALOCAL")
        #expect(credentials.expiration == UnixTime(iso8601: "2026-01-05T03:00:00Z"))
    }
}

/// Counts calls from several tasks.
final class AttemptCounter: Sendable {
    private let count = Mutex(0)

    /// The number of calls before this one.
    func next() -> Int {
        count.withLock { count in
            defer { count += 1 }
            return count
        }
    }
}

extension Result<AWSCredentials, AWSCredentialsError> {
    var isUnavailable: Bool {
        if case .failure(let error) = self { return error.isUnavailable }
        return false
    }
}
