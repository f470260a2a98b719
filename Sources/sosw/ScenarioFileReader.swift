import ArgumentParser
import Foundation
import SoswSimulation

/// Reads and loads a scenario file for a command; an unreadable or malformed file is reported on standard
/// error with the loader's message (file, line, key path) and ends the command with exit status 2.
enum ScenarioFileReader {
    static func load(_ file: String) throws -> (LoadedScenario, String) {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("error: cannot read \(file): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        do {
            return (try ScenarioLoader().load(yaml: text, file: file), text)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
