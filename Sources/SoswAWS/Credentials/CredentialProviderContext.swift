import SoswCore

/// Everything the credential providers read and talk to, passed in so a test controls all of it: the
/// environment variables and home directory (never the process's own), STS, the network and the clocks.
public struct CredentialProviderContext: Sendable {
    /// The process environment as a dictionary.
    public var environment: [String: String]
    /// The directory `~` stands for in the shared file paths.
    public var home: String
    /// The region whose STS endpoint roles are assumed through.
    public var region: String
    public var makeSTS: STSClientFactory
    /// What the container and instance metadata endpoints are asked through.
    public var transport: any HTTPTransport
    /// What those requests' deadlines and the pauses between their attempts run on.
    public var clock: any Clock<Duration>
    /// Names default role sessions (`sosw-<unix seconds>`).
    public var wallClock: any WallClock

    public init(
        environment: [String: String], home: String, region: String, makeSTS: @escaping STSClientFactory,
        transport: any HTTPTransport, clock: any Clock<Duration>, wallClock: any WallClock
    ) {
        self.environment = environment
        self.home = home
        self.region = region
        self.makeSTS = makeSTS
        self.transport = transport
        self.clock = clock
        self.wallClock = wallClock
    }

    /// A role session name for when none is configured: unique per second, as the SDKs' defaults are.
    var defaultRoleSessionName: String {
        "sosw-\(wallClock.currentTime().wholeSeconds)"
    }
}
