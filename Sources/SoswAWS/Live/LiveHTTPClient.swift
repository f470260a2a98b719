import AsyncHTTPClient
import NIOCore

/// The HTTP client of live runs: one connection pool for every service, that reports a connection it cannot
/// make at once (`retryConnectionEstablishment` off) and gives up connecting after 5 s.
///
/// AsyncHTTPClient's default keeps retrying a refused connection until the request's deadline: an essential
/// pointed at an endpoint nothing answers on then sat 30 s per attempt, three attempts per call, minutes per run
/// (measured: 274 s for one Scavenger run). Here the standard retry mode decides, with its backoff and quota,
/// as it does for every other failure, and the command reports the unreachable endpoint within seconds.
public enum LiveHTTPClient {
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
