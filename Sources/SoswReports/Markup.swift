/// Escaping for text placed in XML, HTML or SVG (element content and quoted attributes alike): every string
/// that comes from a scenario (names, descriptions, expectation messages) goes through here, so a scenario can
/// never inject markup or script into a report.
public enum Markup {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
