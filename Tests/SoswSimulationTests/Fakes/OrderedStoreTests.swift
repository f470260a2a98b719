import PropertyBased
import Testing

@testable import SoswSimulation

/// The sorted map under every table and index: it must agree with a dictionary sorted on demand through any
/// sequence of writes, including writes that reuse a lookup's hint after the store changed shape.
@Suite("Ordered store: a sorted map with hinted writes")
struct OrderedStoreTests {
    /// One step: a key, whether to remove it, and whether to write with a hint taken before an unrelated
    /// insert (which makes the hint stale).
    struct Step: Sendable, CustomStringConvertible {
        var key: Int
        var removes: Bool
        var staleHint: Bool
        var description: String { "\(removes ? "-" : "+")\(key)\(staleHint ? "~" : "")" }
    }

    static let steps = zip(Gen.int(in: 0...400), Gen.bool(0.3), Gen.bool(0.3))
        .map { Step(key: $0, removes: $1, staleHint: $2) }.array(of: 1...600)

    @Test("agrees with a dictionary after random inserts, replacements and removals, hinted or not")
    func agreesWithADictionary() async {
        await propertyCheck(count: 40, input: Self.steps) { steps in
            var store = OrderedStore<Int, Int>()
            var model: [Int: Int] = [:]
            for (index, step) in steps.enumerated() {
                let hint = store.lookup(step.key).hint
                if step.staleHint {
                    // An insert just before the key moves it: the hint must be ignored, not trusted.
                    let other = step.key == 0 ? 401 : step.key - 1
                    store.set(index, for: other)
                    model[other] = index
                }
                if step.removes {
                    #expect(store.remove(step.key, hint: hint) == model.removeValue(forKey: step.key))
                } else {
                    #expect(store.set(index, for: step.key, hint: hint) == model.updateValue(index, forKey: step.key))
                }
            }
            var walked: [(Int, Int)] = []
            var position = store.startPosition
            while position < store.endPosition {
                walked.append((store[position].key, store[position].value))
                position = store.position(after: position)
            }
            #expect(walked.map(\.0) == model.keys.sorted())
            #expect(walked.map(\.1) == model.keys.sorted().map { model[$0]! })
            #expect(store.count == model.count)
        }
    }
}
