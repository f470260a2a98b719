import Testing

@testable import SoswSimulation

@Suite("Sweep grid: --set arguments, variants and runs")
struct SweepGridTests {
    @Test("PATH=v1,v2 splits at top-level commas only and trims spaces")
    func assignment() throws {
        let axis = try SweepAxis(assignment: "lambda.functions.pull.duration={fixed: 1m}, {lognormal: {median: 1m, p99: 3m}},'a,b'")
        #expect(axis.path == "lambda.functions.pull.duration")
        #expect(axis.values == ["{fixed: 1m}", "{lognormal: {median: 1m, p99: 3m}}", "'a,b'"])
    }

    @Test("malformed --set arguments are refused with what was expected", arguments: [
        ("cap", "expected PATH=VALUE"),
        ("=5", "empty component"),
        ("a..b=5", "empty component"),
        ("a=", "one or more values"),
        ("a=1,,2", "one or more values"),
        ("a=1,2,1", "appears twice"),
    ])
    func malformed(_ text: String, _ expected: String) {
        do {
            _ = try SweepAxis(assignment: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    @Test("the grid is the cartesian product, first axis slowest, named by the shortest distinct key suffix")
    func product() {
        let grid = SweepGrid(axes: [
            SweepAxis(path: "config.task_config.labourers.pull.max_simultaneous_invocations", values: ["50", "100"]),
            SweepAxis(path: "load.0.tasks.count", values: ["10", "20", "30"]),
        ])
        #expect(grid.variants.map(\.name) == [
            "max_simultaneous_invocations=50,count=10", "max_simultaneous_invocations=50,count=20",
            "max_simultaneous_invocations=50,count=30", "max_simultaneous_invocations=100,count=10",
            "max_simultaneous_invocations=100,count=20", "max_simultaneous_invocations=100,count=30",
        ])
        #expect(grid.variants[4].overrides == [
            ScenarioOverride(path: "config.task_config.labourers.pull.max_simultaneous_invocations", value: "100"),
            ScenarioOverride(path: "load.0.tasks.count", value: "20"),
        ])
    }

    @Test("axes ending in the same key are told apart by more of their path")
    func sharedLastKey() {
        #expect(SweepGrid.labels(["load.0.tasks.count", "load.1.tasks.count", "seed"]) == ["0.tasks.count", "1.tasks.count", "seed"])
    }

    @Test("names hold only file-safe characters and stay unique")
    func fileSafeNames() {
        let grid = SweepGrid(axes: [SweepAxis(path: "a.duration", values: ["{fixed: 1m}", "{fixed/ 1m}", "2m"])])
        #expect(grid.variants.map(\.name) == ["duration=_fixed__1m_", "duration=_fixed__1m_-v2", "duration=2m"])
    }

    @Test("runs are every variant at consecutive seeds from the scenario's; no axes is one base variant")
    func runs() {
        let grid = SweepGrid(axes: [SweepAxis(path: "seed", values: ["1", "2"])])
        #expect(grid.runs(firstSeed: 7, seeds: 3).map(\.directoryName) == [
            "seed=1-seed7", "seed=1-seed8", "seed=1-seed9", "seed=2-seed7", "seed=2-seed8", "seed=2-seed9",
        ])
        #expect(SweepGrid(axes: []).runs(firstSeed: 0, seeds: 1).map(\.directoryName) == ["base-seed0"])
    }
}
