import Testing
@testable import SoswCore

@Suite struct GreenfieldPolicyTests {
    let policy = GreenfieldPolicy()

    @Test func constantsMatchSosw() {
        #expect(policy.invocationDelta == .seconds(31_557_600))
        #expect(policy.taskStep == 1000)
    }

    @Test func firstTaskOfAnEmptyQueueGets2000ThenStepsOf1000() {
        #expect(policy.queued(behind: nil) == Greenfield(2000))
        #expect(policy.queued(behind: Greenfield(2000)) == Greenfield(3000))
        #expect(policy.queued(count: 3, behind: nil) == [Greenfield(2000), Greenfield(3000), Greenfield(4000)])
        #expect(policy.queued(count: 2, behind: Greenfield(7000)) == [Greenfield(8000), Greenfield(9000)])
        #expect(policy.queued(count: 0, behind: nil).isEmpty)
    }

    @Test func invokedIsWholeSecondsPlusDelta() {
        let now = UnixTime(nanoseconds: 1_700_000_000_987_654_321)
        #expect(policy.invoked(at: now) == Greenfield(1_700_000_000 + 31_557_600))
    }

    @Test func retriesGoAheadOfTheOldestOneByOne() {
        #expect(policy.retried(count: 2, aheadOf: nil) == [Greenfield(999), Greenfield(998)])
        #expect(policy.retried(count: 3, aheadOf: Greenfield(2000)) == [Greenfield(1999), Greenfield(1998), Greenfield(1997)])
        // Retries may drift below zero: negative greenfields are legal.
        #expect(policy.retried(count: 2, aheadOf: Greenfield(1)) == [Greenfield(0), Greenfield(-1)])
        #expect(policy.emptyQueueGreenfield == Greenfield(1000))
    }

    @Test func customConstants() {
        let custom = GreenfieldPolicy(invocationDelta: .seconds(100), taskStep: 10)
        #expect(custom.queued(behind: nil) == Greenfield(20))
        #expect(custom.invoked(at: UnixTime(seconds: 5)) == Greenfield(105))
    }
}

@Suite struct LabourerMarkersTests {
    let start = UnixTime(nanoseconds: 1_600_000_000_400_000_000)

    @Test func registrationMarkersMatchSosw() {
        let markers = LabourerMarkers(start: start, policy: GreenfieldPolicy(), duration: .seconds(900), cooldown: .seconds(300))
        #expect(markers.start == Greenfield(1_600_000_000))
        #expect(markers.invoked == Greenfield(1_600_000_000 + 31_557_600))
        #expect(markers.expired == Greenfield(markers.invoked.rawValue - 1200))
    }

    @Test func perLabourerDurationAndCooldownMoveTheExpiry() {
        let labourer = Labourer(id: "l", arn: "arn", duration: .seconds(60), cooldown: .seconds(30))
        let markers = labourer.markers(start: start, policy: GreenfieldPolicy())
        #expect(markers.invoked.rawValue - markers.expired.rawValue == 90)
    }

    /// The greenfield states for tasks invoked at various times relative to `start` (seconds before it).
    @Test(arguments: [
        // (invoked seconds before start, running, expired, invokedInThisRun)
        (-5, false, false, true),
        (0, true, false, true),
        (1, true, false, false),
        (1199, true, false, false),
        (1200, true, true, false),  // exactly at the expiry boundary: BETWEEN is inclusive on both queries
        (1201, false, true, false),
        (31_557_600, false, true, false),  // exactly one delta ago: still expired (start is inclusive)
    ])
    func stateWindows(secondsBeforeStart: Int64, running: Bool, expired: Bool, invokedInThisRun: Bool) {
        let policy = GreenfieldPolicy()
        let markers = LabourerMarkers(start: start, policy: policy, duration: .seconds(900), cooldown: .seconds(300))
        let greenfield = policy.invoked(at: UnixTime(seconds: 1_600_000_000 - secondsBeforeStart))
        #expect(markers.running.contains(greenfield) == running)
        #expect(markers.expiredTasks.contains(greenfield) == expired)
        #expect(markers.invokedInThisRun.contains(greenfield) == invokedInThisRun)
        #expect(!markers.queued.contains(greenfield))
    }

    @Test func queuedIsStrictlyBelowStart() {
        let markers = LabourerMarkers(start: start, policy: GreenfieldPolicy(), duration: .seconds(900), cooldown: .seconds(300))
        #expect(markers.queued.contains(Greenfield(2000)))
        #expect(markers.queued.contains(Greenfield(-3)))
        #expect(markers.queued.contains(Greenfield(1_599_999_999)))
        #expect(!markers.queued.contains(Greenfield(1_600_000_000)))
    }

    @Test func queueAndCompletedCompareWithTheFractionalNow() {
        let now = UnixTime(nanoseconds: 1_600_000_000_500_000_000)
        #expect(LabourerMarkers.queue(now: now).contains(Greenfield(1_600_000_000)))
        #expect(!LabourerMarkers.queue(now: now).contains(Greenfield(1_600_000_001)))
        #expect(LabourerMarkers.completed(now: now).contains(Greenfield(1_600_000_001)))
        #expect(!LabourerMarkers.completed(now: now).contains(Greenfield(1_600_000_000)))
        let whole = UnixTime(seconds: 1_600_000_000)
        #expect(LabourerMarkers.queue(now: whole).contains(Greenfield(1_600_000_000)))
        #expect(LabourerMarkers.completed(now: whole).contains(Greenfield(1_600_000_000)))
    }

    @Test func keyConditionsRenderDynamoNumbers() {
        let markers = LabourerMarkers(start: UnixTime(seconds: 100), policy: GreenfieldPolicy(invocationDelta: .seconds(50), taskStep: 10),
                                      duration: .seconds(5), cooldown: .seconds(5))
        let running = markers.running.keyCondition(attribute: "#greenfield", valuePrefix: "gf")
        #expect(running.expression == "#greenfield BETWEEN :gf_low AND :gf_high")
        #expect(running.numbers == [":gf_low": "140", ":gf_high": "150"])
        let queued = markers.queued.keyCondition(attribute: "greenfield", valuePrefix: "start")
        #expect(queued.expression == "greenfield < :start")
        #expect(queued.numbers == [":start": "100"])
        let queue = LabourerMarkers.queue(now: UnixTime(nanoseconds: 1_719_999_999_123_456_700))
            .keyCondition(attribute: "greenfield", valuePrefix: "now")
        #expect(queue.expression == "greenfield <= :now")
        #expect(queue.numbers == [":now": "1719999999.1234567"])
    }
}
