import FuzzSupport
import SoswSimulation

/// Any text given to the scenario loader is a scenario (engine or kernel) or a `ScenarioError`, never a trap.
/// Every file a scenario refers to reads as the same small CSV, so the `empirical:` and `replay:` paths run too.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    _ = try? loader.load(yaml: text, file: "fuzz.yaml")
    return 0
}

let loader = ScenarioLoader(readFile: { _ in "seconds,value\n30,1\n45.5,2\n" })

@main
enum FuzzScenario {
    static func main() { FuzzDriver.run(testOneInput) }
}
