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

    /// Runs of keys written in order (a queue's tail growing, its head being removed), in one partition or
    /// another: each lookup or write leaves the next key in order where the next one looks first (its fingers).
    static let runs = zip(Gen.int(in: 0...3), Gen.int(in: 0...500), Gen.int(in: 1...300), Gen.bool(0.4))
        .array(of: 1...12)

    /// A key in one of four partitions, ordered within it by `number`.
    static func key(partition: Int, _ number: Int) -> IndexKey {
        IndexKey(partition: .string("partition-\(partition)"), sort: .number(DynamoNumber(Int64(number))))
    }

    @Test("lookups, writes and searches agree with a sorted model while keys are written in ascending runs")
    func writesInOrder() async {
        await propertyCheck(count: 40, input: Self.runs) { runs in
            var store = OrderedStore<Int>()
            var model: [[Int]] = Array(repeating: [], count: 4)  // sorted, per partition
            for (partition, start, length, removes) in runs {
                for number in start..<(start + length) {
                    let place = model[partition].firstIndex { $0 >= number } ?? model[partition].count
                    let present = place < model[partition].count && model[partition][place] == number
                    if removes {
                        #expect((store.remove(Self.key(partition: partition, number)) != nil) == present)
                        if present { model[partition].remove(at: place) }
                    } else {
                        store.set(number, for: Self.key(partition: partition, number))
                        if !present { model[partition].insert(number, at: place) }
                    }
                    let following = model[partition][place...]
                    for probe in [number + 1, number + 2] {
                        #expect(
                            store.lookup(Self.key(partition: partition, probe)).value
                                == (following.contains(probe) ? probe : nil))
                        let position = store.firstPosition(after: Self.key(partition: partition, probe))
                        if let expected = following.first(where: { $0 > probe }) {
                            #expect(store[position].value == expected, "after \(probe) in \(partition)")
                        }
                    }
                }
            }
            var walked: [IndexKey] = []
            store.walk(from: store.startPosition) { entry, _ in
                walked.append(entry.pointee.key)
                return true
            }
            #expect(walked == (0..<4).flatMap { partition in model[partition].map { Self.key(partition: partition, $0) } })
        }
    }

    @Test("a copy keeps its entries while the original is written to, and the other way round")
    func copiesAreIndependent() {
        var original = OrderedStore<Int>()
        for number in 0..<300 { original.set(number, for: Self.key(number)) }
        var copy = original
        for number in stride(from: 0, to: 300, by: 3) { original.remove(Self.key(number)) }
        original.set(-1, for: Self.key(1))
        for number in 300..<400 { copy.set(number, for: Self.key(number)) }
        func values(_ store: OrderedStore<Int>) -> [Int] {
            var values: [Int] = []
            store.walk(from: store.startPosition) { entry, _ in
                values.append(entry.pointee.value)
                return true
            }
            return values
        }
        #expect(values(copy) == Array(0..<400))
        #expect(values(original) == (0..<300).filter { $0 % 3 != 0 }.map { $0 == 1 ? -1 : $0 })
    }
}

