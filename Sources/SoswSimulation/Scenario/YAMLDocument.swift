import SoswCore
import Yams

/// YAML (and JSON, which is YAML) text as nodes with line marks, and as JSON values.
public enum YAMLDocument {
    /// The JSON value of YAML text, converted faithfully: integers stay integers, floats doubles, booleans and
    /// nulls as YAML resolves them, timestamps as strings, mapping keys as strings (`{3: 50}` → `{"3": 50}`).
    /// The JSON Schema of scenario files is checked against this form.
    public static func jsonValue(yaml text: String, file: String) throws(ScenarioError) -> JSONValue {
        try NodeReader(file: file).json(compose(text, file: file), path: "")
    }

    /// The root node; an empty document or a syntax error is a ``ScenarioError`` (with the line Yams reports).
    static func compose(_ text: String, file: String) throws(ScenarioError) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError(file: file, line: nil, keyPath: "", problem: "the file is empty; expected a mapping with at least `name`")
            }
            return node
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            let (line, problem) = explain(error)
            throw ScenarioError(file: file, line: line, keyPath: "", problem: "not valid YAML: \(problem)")
        } catch {
            throw ScenarioError(file: file, line: nil, keyPath: "", problem: "not valid YAML: \(error)")
        }
    }

    /// The line and the problem, without the copy of the whole document Yams puts in its descriptions.
    private static func explain(_ error: YamlError) -> (Int?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            (mark.line, context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            (context.mark.line, "the key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) appears twice in one mapping")
        case .reader(let problem, _, _, _):
            (nil, problem)
        default:
            (nil, "\(error)")
        }
    }
}
