import SoswCore
import Synchronization

/// Keeps another provider's credentials and renews them ahead of their expiration, so a request is never
/// signed with credentials about to lapse and the source (STS, a metadata endpoint, a command) is asked once
/// per lifetime, not once per request.
///
/// - Credentials without an expiration (long-term keys) are kept for good.
/// - From `refreshAhead` before the expiration, the next caller renews them. Only one renewal runs at a time:
///   callers that arrive meanwhile wait for it when they have nothing valid, or keep using the current
///   credentials while those still work.
/// - Credentials that have already expired when they arrive are an error, not a signature the service refuses.
/// - A failed renewal is not remembered: with no valid credentials left, the error goes to the callers and
///   the next call tries again. While the old credentials still work they are used, and renewal is tried
///   again only after `retryAfterFailure`, so a source that is down does not slow every request.
public final class CachedCredentialsProvider: AWSCredentialsProvider {
    public let base: any AWSCredentialsProvider
    public let refreshAhead: Duration
    public let retryAfterFailure: Duration
    private let wallClock: any WallClock
    private let state = Mutex(State())

    private struct State {
        var cached: AWSCredentials?
        var refreshing = false
        var waiters: [CheckedContinuation<Result<AWSCredentials, AWSCredentialsError>?, Never>] = []
        /// After a failed renewal while the cached credentials still work: no new attempt before this.
        var retryNotBefore: UnixTime?
    }

    /// - Parameter wallClock: what expirations are compared with (the system clock; a simulated one in tests).
    public init(
        _ base: any AWSCredentialsProvider, wallClock: any WallClock, refreshAhead: Duration = .seconds(300),
        retryAfterFailure: Duration = .seconds(10)
    ) {
        self.base = base
        self.wallClock = wallClock
        self.refreshAhead = refreshAhead
        self.retryAfterFailure = retryAfterFailure
    }

    private enum Step {
        case use(AWSCredentials)
        case wait
        case refresh
    }

    public func credentials() async throws(AWSCredentialsError) -> AWSCredentials {
        while true {
            switch nextStep() {
            case .use(let credentials):
                return credentials
            case .refresh:
                return try await refresh()
            case .wait:
                let outcome = await withCheckedContinuation { continuation in
                    let stillRefreshing = state.withLock { state in
                        if state.refreshing { state.waiters.append(continuation) }
                        return state.refreshing
                    }
                    if !stillRefreshing { continuation.resume(returning: nil) }
                }
                // nil: the renewal finished before this caller could wait for it; look again.
                if let outcome { return try outcome.get() }
            }
        }
    }

    private func nextStep() -> Step {
        let now = wallClock.currentTime()
        return state.withLock { state in
            if let cached = state.cached {
                guard let expiration = cached.expiration, now >= expiration - refreshAhead else { return .use(cached) }
                let renewingOrPaused = state.refreshing || state.retryNotBefore.map { now < $0 } == true
                if now < expiration && renewingOrPaused { return .use(cached) }
            }
            if state.refreshing { return .wait }
            state.refreshing = true
            return .refresh
        }
    }

    /// Asks the base provider, then hands the outcome to everyone who waited for it.
    private func refresh() async throws(AWSCredentialsError) -> AWSCredentials {
        var fetched: Result<AWSCredentials, AWSCredentialsError>
        do throws(AWSCredentialsError) {
            fetched = .success(try await base.credentials())
        } catch {
            fetched = .failure(error)
        }
        let now = wallClock.currentTime()
        // Signing with them would only earn an ExpiredToken from every service: say so once, here.
        if case .success(let credentials) = fetched, let expiration = credentials.expiration, expiration <= now {
            fetched = .failure(.failed(
                source: "the credential source",
                reason: "they expired at \(expiration.iso8601) (now \(now.iso8601)); renew them "
                    + "(log in again, or fix what the profile's credential_process prints) and run the command again"))
        }
        let (outcome, waiters) = state.withLock { state in
            state.refreshing = false
            let outcome: Result<AWSCredentials, AWSCredentialsError>
            switch fetched {
            case .success(let credentials):
                state.cached = credentials
                state.retryNotBefore = nil
                outcome = .success(credentials)
            case .failure(let error):
                if let cached = state.cached, let expiration = cached.expiration, now < expiration {
                    state.retryNotBefore = now + retryAfterFailure
                    outcome = .success(cached)
                } else {
                    state.cached = nil
                    outcome = .failure(error)
                }
            }
            let waiters = state.waiters
            state.waiters = []
            return (outcome, waiters)
        }
        for waiter in waiters { waiter.resume(returning: outcome) }
        return try outcome.get()
    }
}
