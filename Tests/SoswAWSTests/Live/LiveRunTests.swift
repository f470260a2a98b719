import SoswAWS
import SoswCore
import Testing

/// What makes a live run's exit status 1: a labourer that failed at a stage, or invocations a function refused.
@Suite struct LiveRunTests {
    @Test func aRunFailsWhenALabourerFailedOrAnInvocationWasRefused() throws {
        let clean: JSONValue = ["failures": [], "labourers": [["labourer_id": "a", "invoke_failures": []]]]
        let failedStage: JSONValue = ["failures": [["labourer_id": "a", "stage": "archive", "error": "throttled"]]]
        let refused: JSONValue = [
            "failures": [], "labourers": [["labourer_id": "a", "invoke_failures": ["ResourceNotFoundException"]]],
        ]
        #expect(!LiveRun<ContinuousClock>.hasFailures(clean))
        #expect(!LiveRun<ContinuousClock>.hasFailures(["outcome": "recorded"]))
        #expect(LiveRun<ContinuousClock>.hasFailures(failedStage))
        #expect(LiveRun<ContinuousClock>.hasFailures(refused))
    }

    @Test(arguments: [
        ("orchestrator", LiveEssential.orchestrator), ("sosw_scavenger", .scavenger), ("app.scheduler", .scheduler),
        ("Worker-Assistant", .workerAssistant), ("sosw_worker_assistant", .workerAssistant),
    ])
    func aHandlerNamesItsEssential(handler: String, essential: LiveEssential) throws {
        #expect(try LiveEssential(handler: handler) == essential)
        #expect(essential.functionName.hasPrefix("sosw_"))
    }

    @Test func aHandlerNamingNothingSaysWhatItExpects() {
        #expect(throws: LiveEssentialError.unknownHandler("bootstrap")) { try LiveEssential(handler: "bootstrap") }
        #expect(LiveEssentialError.unknownHandler("x").description
            == "_HANDLER='x' names no sosw essential; expected one of orchestrator, scavenger, scheduler, "
            + "worker_assistant (set the function's Handler to it)")
    }
}
