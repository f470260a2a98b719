/// "Did you mean" suggestions for misspelt keys and values: the closest allowed word by edit distance, when it
/// is close enough to be a likely typo rather than a different word.
enum NearMiss {
    /// The allowed word nearest to `word`, if within a third of its length (at least one edit); ties go to the
    /// first in `allowed`, so the suggestion never depends on hashing.
    static func suggestion(for word: String, among allowed: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (word: String, distance: Int)?
        for candidate in allowed {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.word
    }

    /// Levenshtein distance (insertions, deletions, substitutions) between two strings, by characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    /// `; did you mean 'x'?` or nothing: appended to "unknown key" and "unknown value" messages.
    static func hint(for word: String, among allowed: [String]) -> String {
        suggestion(for: word, among: allowed).map { " did you mean '\($0)'?" } ?? ""
    }
}
