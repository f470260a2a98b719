import SoswAWS
import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// The cache on virtual time: renewal five minutes ahead, one renewal for many callers, failures not kept.
@Suite struct CachedCredentialsProviderTests {
    /// A source that takes one virtual second per call and hands out credentials valid for an hour from the
    /// time of the call, named by the call's number; failing while `failing` is set.
    final class SlowSource: AWSCredentialsProvider {
        let clock: SimClock
        let lifetime: Duration?
        private let state = Mutex((calls: 0, failing: false))

        init(clock: SimClock, lifetime: Duration? = .seconds(3600)) {
            self.clock = clock
            self.lifetime = lifetime
        }

        var calls: Int { state.withLock { $0.calls } }

        func fail(_ failing: Bool) {
            state.withLock { $0.failing = failing }
        }

        func credentials() async throws(AWSCredentialsError) -> AWSCredentials {
            let (call, failing) = state.withLock { state in
                state.calls += 1
                return (state.calls, state.failing)
            }
            try? await clock.sleep(for: .seconds(1))
            if failing { throw .failed(source: "slow source", reason: "call \(call) failed") }
            return AWSCredentials(
                accessKeyID: "KEY\(call)", secretAccessKey: "s", sessionToken: "t",
                expiration: lifetime.map { clock.currentTime() + $0 })
        }
    }

    @Test func concurrentCallersShareOneFetch() throws {
        let (keys, calls) = try CredentialsTestSupport.simulate { clock in
            let source = SlowSource(clock: clock)
            let cache = CachedCredentialsProvider(source, wallClock: clock)
            let keys = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await cache.credentials().accessKeyID } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            return (keys, source.calls)
        }.0
        #expect(keys == Array(repeating: "KEY1", count: 20))
        #expect(calls == 1)
    }

    @Test func renewedFiveMinutesBeforeExpiry() throws {
        let keys = try CredentialsTestSupport.simulate { clock in
            let source = SlowSource(clock: clock)
            let cache = CachedCredentialsProvider(source, wallClock: clock)
            var keys = [try await cache.credentials().accessKeyID]
            // Fetched at 1 s, valid until 3601 s: kept until 3301 s.
            try await clock.sleep(for: .seconds(3299))
            keys.append(try await cache.credentials().accessKeyID)
            try await clock.sleep(for: .seconds(1))
            keys.append(try await cache.credentials().accessKeyID)
            keys.append(try await cache.credentials().accessKeyID)
            return keys
        }.0
        #expect(keys == ["KEY1", "KEY1", "KEY2", "KEY2"])
    }

    @Test func whileOneCallerRenewsOthersKeepUsingValidCredentials() throws {
        let (renewer, others, elapsed) = try CredentialsTestSupport.simulate { clock in
            let source = SlowSource(clock: clock)
            let cache = CachedCredentialsProvider(source, wallClock: clock)
            _ = try await cache.credentials()
            try await clock.sleep(for: .seconds(3400))
            let start = clock.currentTime()
            return try await withThrowingTaskGroup(of: (Int, String).self) { group in
                group.addTask { (0, try await cache.credentials().accessKeyID) }
                for index in 1...5 { group.addTask { (index, try await cache.credentials().accessKeyID) } }
                var renewer = ""
                var others: [String] = []
                for try await (index, key) in group {
                    if index == 0 { renewer = key } else { others.append(key) }
                }
                return (renewer, others, clock.currentTime() - start)
            }
        }.0
        #expect(renewer == "KEY2")
        #expect(others == Array(repeating: "KEY1", count: 5))
        #expect(elapsed == .seconds(1))
    }

    @Test func longTermKeysAreKeptForGood() throws {
        let calls = try CredentialsTestSupport.simulate { clock in
            let source = SlowSource(clock: clock, lifetime: nil)
            let cache = CachedCredentialsProvider(source, wallClock: clock)
            _ = try await cache.credentials()
            try await clock.sleep(for: .seconds(86_400 * 365))
            _ = try await cache.credentials()
            return source.calls
        }.0
        #expect(calls == 1)
    }

    @Test func aFailureIsNotKeptWhenNothingValidIsLeft() throws {
        let (first, second) = try CredentialsTestSupport.simulate { clock in
            let source = SlowSource(clock: clock)
            let cache = CachedCredentialsProvider(source, wallClock: clock)
            source.fail(true)
            let first = await CredentialsTestSupport.error { try await cache.credentials() }
            source.fail(false)
            let second = try await cache.credentials().accessKeyID
            return (first, second)
        }.0
        #expect(first == .failed(source: "slow source", reason: "call 1 failed"))
        #expect(second == "KEY2")
    }

    @Test func aFailedRenewalKeepsTheValidCredentialsAndWaitsBeforeTheNextTry() throws {
        let (keys, calls) = try CredentialsTestSupport.simulate { clock in
            let source = SlowSource(clock: clock)
            let cache = CachedCredentialsProvider(source, wallClock: clock, retryAfterFailure: .seconds(10))
            var keys = [try await cache.credentials().accessKeyID]
            try await clock.sleep(for: .seconds(3400))
            source.fail(true)
            keys.append(try await cache.credentials().accessKeyID)  // renewal 2 fails: KEY1 still works
            keys.append(try await cache.credentials().accessKeyID)  // within 10 s: no new attempt
            try await clock.sleep(for: .seconds(10))
            source.fail(false)
            keys.append(try await cache.credentials().accessKeyID)  // renewal 3
            return (keys, source.calls)
        }.0
        #expect(keys == ["KEY1", "KEY1", "KEY1", "KEY3"])
        #expect(calls == 3)
    }

    @Test func expiredCredentialsAreNeverHandedOut() throws {
        let error = try CredentialsTestSupport.simulate { clock in
            let source = SlowSource(clock: clock, lifetime: .seconds(600))
            let cache = CachedCredentialsProvider(source, wallClock: clock)
            _ = try await cache.credentials()
            try await clock.sleep(for: .seconds(700))
            source.fail(true)
            return await CredentialsTestSupport.error { try await cache.credentials() }
        }.0
        #expect(error == .failed(source: "slow source", reason: "call 2 failed"))
    }

    @Test func credentialsThatArriveExpiredAreAnErrorSayingWhen() throws {
        let error = try CredentialsTestSupport.simulate { clock in
            // Expired 60 s before they were handed out, as a stale credential_process cache prints them.
            let cache = CachedCredentialsProvider(SlowSource(clock: clock, lifetime: .seconds(-60)), wallClock: clock)
            return await CredentialsTestSupport.error { try await cache.credentials() }
        }.0
        guard case .failed(let source, let reason)? = error else {
            Issue.record("expected a failure, got \(String(describing: error))")
            return
        }
        #expect(source == "the credential source")
        #expect(reason.contains("they expired at 2026-01-05T01:59:01Z (now 2026-01-05T02:00:01Z)"), "\(reason)")
    }
}
