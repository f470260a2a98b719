import PropertyBased
import SoswCore
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

    /// A table position whose order is the order of `number`.
    static func key(_ number: Int) -> IndexKey {
        IndexKey(partition: .number(DynamoNumber(Int64(number))), sort: nil)
    }

    static let steps = zip(Gen.int(in: 0...400), Gen.bool(0.3), Gen.bool(0.3))
        .map { Step(key: $0, removes: $1, staleHint: $2) }.array(of: 1...600)

    @Test("agrees with a dictionary after random inserts, replacements and removals, hinted or not")
    func agreesWithADictionary() async {
        await propertyCheck(count: 40, input: Self.steps) { steps in
            var store = OrderedStore<Int>()
            var model: [Int: Int] = [:]
            for (index, step) in steps.enumerated() {
                let hint = store.lookup(Self.key(step.key)).hint
                if step.staleHint {
                    // An insert just before the key moves it: the hint must be ignored, not trusted.
                    let other = step.key == 0 ? 401 : step.key - 1
                    store.set(index, for: Self.key(other))
                    model[other] = index
                }
                if step.removes {
                    #expect(store.remove(Self.key(step.key), hint: hint) == model.removeValue(forKey: step.key))
                } else {
                    #expect(
                        store.set(index, for: Self.key(step.key), hint: hint) == model.updateValue(index, forKey: step.key))
                }
            }
            var walked: [(IndexKey, Int)] = []
            store.walk(from: store.startPosition) { entry, position in
                #expect(store[position].key == entry.pointee.key)
                walked.append((entry.pointee.key, entry.pointee.value))
                return true
            }
            #expect(walked.map(\.0) == model.keys.sorted().map(Self.key))
            #expect(walked.map(\.1) == model.keys.sorted().map { model[$0]! })
            #expect(store.count == model.count)
        }
    }

    static let walks = zip(Gen.int(in: 0...300).array(of: 0...300), Gen.int(in: -1...301), Gen.int(in: 0...20))

    @Test("walks forward from a key and backward before it, stopping when told, across chunk boundaries")
    func walksBothWays() async {
        await propertyCheck(count: 60, input: Self.walks) { keys, from, stopAfter in
            var store = OrderedStore<Int>()
            for key in keys { store.set(key * 10, for: Self.key(key)) }
            let sorted = Set(keys).sorted()
            let start = store.firstPosition(atOrAfter: Self.key(from))

            var forward: [Int] = []
            store.walk(from: start) { entry, _ in
                forward.append(entry.pointee.value / 10)
                return forward.count < stopAfter
            }
            let expectedForward = sorted.filter { $0 >= from }
            #expect(forward == Array(expectedForward.prefix(max(stopAfter, 1))))

            var backward: [Int] = []
            store.walkBackward(before: start) { entry, position in
                #expect(store[position].key == entry.pointee.key)
                backward.append(entry.pointee.value / 10)
                return backward.count < stopAfter
            }
            let expectedBackward = sorted.filter { $0 < from }.reversed()
            #expect(backward == Array(expectedBackward.prefix(max(stopAfter, 1))))
        }
    }

    static let probes = zip(Gen.int(in: 0...2000).array(of: 300...1500), Gen.int(in: -5...2005).array(of: 1...200))

    @Test("searches find the first key at or after (or after) a probe, whichever chunk the last lookup landed in")
    func searchesFromTheRecentChunk() async {
        await propertyCheck(count: 30, input: Self.probes) { keys, probes in
            var store = OrderedStore<Int>()
            for key in keys { store.set(key, for: Self.key(key)) }
            let sorted = Set(keys).sorted()
            // Each probe is searched after a lookup of it and of its neighbour, so that the recent chunk is
            // sometimes the answer and sometimes not.
            for probe in probes + probes.map({ $0 + 1 }) {
                _ = store.lookup(Self.key(probe - 1))
                for (position, expected) in [
                    (store.firstPosition(atOrAfter: Self.key(probe)), sorted.first { $0 >= probe }),
                    (store.firstPosition(after: Self.key(probe)), sorted.first { $0 > probe }),
                ] {
                    if let expected {
                        #expect(store[position].value == expected)
                    } else {
                        #expect(position == store.endPosition)
                    }
                }
                #expect(store.lookup(Self.key(probe)).value == (sorted.contains(probe) ? probe : nil))
            }
        }
    }

    /// Runs of keys written in order (a queue's tail growing, its head being removed): each write leaves the next
    /// key in order where a search looks first (``OrderedStore/firstPosition(atOrAfter:)``'s recent offset).
    static let runs = zip(Gen.int(in: 0...500), Gen.int(in: 1...300), Gen.bool(0.4)).array(of: 1...12)

    @Test("searches agree with a sorted dictionary while keys are inserted and removed in ascending runs")
    func searchesAfterWritesInOrder() async {
        await propertyCheck(count: 40, input: Self.runs) { runs in
            var store = OrderedStore<Int>()
            var model: [Int] = []  // sorted
            for (start, length, removes) in runs {
                for key in start..<(start + length) {
                    let place = model.firstIndex { $0 >= key } ?? model.count
                    let present = place < model.count && model[place] == key
                    if removes {
                        #expect((store.remove(Self.key(key)) != nil) == present)
                        if present { model.remove(at: place) }
                    } else {
                        store.set(key, for: Self.key(key))
                        if !present { model.insert(key, at: place) }
                    }
                    let following = model[place...]
                    for probe in [key, key + 1, key + 2] {
                        for (position, expected) in [
                            (store.firstPosition(atOrAfter: Self.key(probe)), following.first { $0 >= probe }),
                            (store.firstPosition(after: Self.key(probe)), following.first { $0 > probe }),
                        ] {
                            if let expected {
                                #expect(store[position].value == expected, "probe \(probe) after key \(key)")
                            } else {
                                #expect(position == store.endPosition, "probe \(probe) after key \(key)")
                            }
                        }
                    }
                }
            }
            #expect(store.count == model.count)
        }
    }
}
