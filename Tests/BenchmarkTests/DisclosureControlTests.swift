import Testing
@testable import StrategyModel
import StrategyRender

/// Disclosure control on adversarial data: small groups pooled, every count rounded by its cell key,
/// consistently wherever the same councils are counted, medians banded. Whether a reader can still work
/// out a council's answers from everything published is the independent attacker's question
/// (scripts/attack_benchmark.py through scripts/check_disclosure.py; not yet in `make test`, see
/// docs/benchmark.md "How it is tested").
@Suite struct DisclosureControlTests {
    let control = DisclosureControl()

    @Test func theThresholdCanBeRaisedButNeverGoesBelowThree() {
        #expect(DisclosureControl(threshold: 2).threshold == 3)
        #expect(DisclosureControl(threshold: 0).threshold == 3)
        #expect(DisclosureControl(threshold: 3).threshold == 3)
        #expect(DisclosureControl(threshold: 8).threshold == 8)
        #expect(DisclosureControl().threshold == 5)
    }

    @Test func aRegionOfFourIsPooledAndThePoolMadeBigEnough() {
        // North East has 4 councils, London 6, South West 9: the pool of 4 takes in London, the smallest.
        let values = Array(repeating: "North East", count: 4) + Array(repeating: "London", count: 6)
            + Array(repeating: "South West", count: 9)
        let partition = Partition(name: "region", values: values, order: ["North East", "London", "South West"],
                                  otherLabel: "Other regions", threshold: 5)
        #expect(partition.groups.map(\.label) == ["South West", "Other regions"])
        #expect(partition.groups.map(\.members) == [["South West"], ["North East", "London"]])
        #expect(partition.group(of: "North East") == 1)
        #expect(partition.group(of: "London") == 1)
        #expect(partition.group(of: "South West") == 0)
    }

    @Test func aTypeWithOneCouncilJoinsAPoolThatIsBigEnoughAlready() {
        let values = ["Combined authority"] + Array(repeating: "District council", count: 7)
            + Array(repeating: "County council", count: 3) + Array(repeating: "London borough council", count: 2)
        let partition = Partition(name: "type", values: values, order: ["County council", "District council", "London borough council", "Combined authority"],
                                  otherLabel: "Other types", threshold: 5)
        #expect(partition.groups.map(\.label) == ["District council", "Other types"])
        #expect(partition.groups[1].members == ["County council", "London borough council", "Combined authority"])
    }

    @Test func aGroupingThatWouldOnlyRepeatTheNationalFiguresIsNotPublished() {
        let values = Array(repeating: "Self-assessed", count: 30) + Array(repeating: "Externally validated", count: 3)
        let partition = Partition(name: "basis", values: values, order: ["Self-assessed", "Externally validated"],
                                  otherLabel: "All councils", threshold: 5)
        #expect(partition.groups.isEmpty)
    }

    /// Councils 0..<n with the given categories, regions and types, keyed 1, 2, 3... times a large odd
    /// number, so that keys spread over the whole range as the store's HMAC keys do.
    func population(_ category: [Int], regions: [String], types: [String]? = nil)
        -> (partitions: [Partition], groups: [[Int]], keys: [UInt32]) {
        var partitions = [Partition.national("All councils"),
                          Partition(name: "region", values: regions, order: [], otherLabel: "Other regions", threshold: 5)]
        if let types { partitions.append(Partition(name: "type", values: types, order: [], otherLabel: "Other types", threshold: 5)) }
        partitions = partitions.filter { $0.isNational || $0.groups.count > 1 }
        let groups = partitions.map { partition in
            category.indices.map { partition.group(of: partition.name == "type" ? types![$0] : regions[$0])! }
        }
        let keys = category.indices.map { UInt32(truncatingIfNeeded: ($0 + 1) &* 2_654_435_761) }
        return (partitions, groups, keys)
    }

    @Test func aCountIsRoundedUpWhenItsCellKeyFallsBelowItsRemainder() {
        let rounding = CellKeyRounding(base: 5)
        // 7 is 2 past 5: up to 10 for keys below 2/5 of 2^32 (1,717,986,918.4), down to 5 from there.
        #expect(rounding.round(7, cellKey: 0) == 10)
        #expect(rounding.round(7, cellKey: 1_717_986_918) == 5)
        #expect(rounding.round(7, cellKey: 1_717_986_917) == 10)
        #expect(rounding.round(7, cellKey: .max) == 5)
        // 1 is up to 5 below 1/5 of 2^32 (858,993,459.2), else 0.
        #expect(rounding.round(1, cellKey: 858_993_458) == 5)
        #expect(rounding.round(1, cellKey: 858_993_459) == 0)
        // Multiples of the base, zero among them, are published as they are, whatever the key.
        for key: UInt32 in [0, 1 << 31, .max] {
            #expect(rounding.round(0, cellKey: key) == 0)
            #expect(rounding.round(10, cellKey: key) == 10)
            #expect(rounding.round(25, cellKey: key) == 25)
        }
        #expect(CellKeyRounding(base: 3).round(4, cellKey: 0) == 6)
        #expect(CellKeyRounding(base: 3).round(4, cellKey: .max) == 3)
    }

    @Test func noCountIsPublishedAboveWhatItsGroupsSizeAllows() {
        let rounding = CellKeyRounding(base: 5)
        // 6 of a group of 6 rounds up to 10 for a low key: capped at 5, so it never says "all six".
        #expect(rounding.round(6, cellKey: 0) == 10)
        #expect(rounding.publish(6, cellKey: 0, inGroupOf: 6) == 5)
        #expect(rounding.publish(6, cellKey: .max, inGroupOf: 6) == 5)
        #expect(rounding.publish(6, cellKey: 0, inGroupOf: 10) == 10)
        #expect(rounding.publish(6, cellKey: 0, inGroupOf: 9) == 5)
        #expect(rounding.publish(11, cellKey: 0, inGroupOf: 11) == 10)
        #expect(rounding.publish(10, cellKey: 0, inGroupOf: 10) == 10)
        #expect(rounding.publish(3, cellKey: 0, inGroupOf: 14) == 5)
        // In a table: region A's six councils all in one category, every key low enough to round up.
        let category = Array(repeating: 0, count: 6) + Array(repeating: 1, count: 6)
        let regions = Array(repeating: "A", count: 6) + Array(repeating: "B", count: 6)
        var (partitions, groups, keys) = population(category, regions: regions)
        keys = Array(repeating: 1, count: 12)
        let family = control.protect(categories: ["Low", "High"], category: category, partitions: partitions,
                                     groups: groups, recordKeys: keys)
        #expect(family.tables[1].published(.init(0, 0)) == 5, "6 of region A's 6")
        #expect(family.tables[1].published(.init(1, 1)) == 5, "6 of region B's 6")
        #expect(family.tables[0].published(.init(0, 0)) == 10, "6 of the 12 councils")
        #expect(family.tables[1].published(.init(0, 2)) == 6)
    }

    @Test func theShiftIsTheCellKeysSecondDraw() {
        // python3: fmix32 of (key + 0x9E3779B9) mod 2^32; its low bit the direction, its other 31 bits d,
        // steps = how many m >= 1 have d < 2^32 // (10^(m-1) * 11) (see CellKeyRounding.shift).
        #expect(CellKeyRounding.shift(cellKey: 0) == 0)
        #expect(CellKeyRounding.shift(cellKey: .max) == 0)
        #expect(CellKeyRounding.shift(cellKey: 1_717_986_918) == 1)
        #expect(CellKeyRounding.shift(cellKey: 7) == -1)
        #expect(CellKeyRounding.shift(cellKey: 60) == 1)
        #expect(CellKeyRounding.shift(cellKey: 211) == 2)
        #expect(CellKeyRounding.shift(cellKey: 35_379) == -4)
        #expect(CellKeyRounding.shift(cellKey: 60_247) == 5)
        let rounding = CellKeyRounding(base: 5)
        // 7 rounds up to 10 under key 60 and is shifted a step: 15, or 10 in a group of 12; 0 stays >= 0.
        #expect(rounding.publish(7, cellKey: 60) == 15)
        #expect(rounding.publish(7, cellKey: 60, inGroupOf: 12) == 10)
        #expect(rounding.publish(0, cellKey: 7) == 0)
        #expect(rounding.publish(10, cellKey: 7) == 5)
        #expect(rounding.publish(2, cellKey: 35_379, inGroupOf: 40) == 0)
        #expect(rounding.publish(2, cellKey: 60_247, inGroupOf: 40) == 30)
    }

    @Test func shiftsAreTwoSidedGeometricAndRareAtThatRate() {
        // Over keys spread evenly: no shift for 9 in 11, one step each way for 9 in 110, two for 9 in 1,100.
        let keys = (0..<200_000).map { UInt32(truncatingIfNeeded: UInt64($0) * (1 << 32) / 200_000) }
        var tally: [Int: Int] = [:]
        for key in keys { tally[CellKeyRounding.shift(cellKey: key), default: 0] += 1 }
        let share = { (steps: Int) in Double(tally[steps, default: 0]) / Double(keys.count) }
        #expect(abs(share(0) - 9.0 / 11) < 0.003, "\(share(0))")
        #expect(abs(share(1) - 9.0 / 110) < 0.003 && abs(share(-1) - 9.0 / 110) < 0.003, "\(share(1)) \(share(-1))")
        #expect(abs(share(2) - 9.0 / 1_100) < 0.001 && abs(share(-2) - 9.0 / 1_100) < 0.001, "\(share(2)) \(share(-2))")
        #expect(tally.keys.allSatisfy { abs($0) <= 9 })
    }

    @Test func anyCountCanBePublishedAsAnyFigureItsGroupAllows() {
        // The protection's claim: no figure rules out any count from 0 to the group's size.
        let rounding = CellKeyRounding(base: 5)
        let keys = (0..<100_000).map { UInt32(truncatingIfNeeded: UInt64($0) * (1 << 32) / 100_000) }
        for size in [5, 6, 9, 14] {
            let figures = Set(stride(from: 0, through: size - size % 5, by: 5))
            for count in 0...size {
                #expect(Set(keys.map { rounding.publish(count, cellKey: $0, inGroupOf: size) }) == figures,
                        "\(count) of \(size)")
            }
        }
    }

    @Test func roundingIsRightOnAverage() {
        // Over keys spread evenly across the range, a count rounds to itself on average.
        let rounding = CellKeyRounding(base: 5)
        let keys = (0..<10_000).map { UInt32(truncatingIfNeeded: UInt64($0) * (1 << 32) / 10_000) }
        for count in 0...12 {
            let mean = Double(keys.reduce(0) { $0 + rounding.round(count, cellKey: $1) }) / Double(keys.count)
            #expect(abs(mean - Double(count)) < 0.001, "count \(count): mean \(mean)")
        }
    }

    @Test func aCellsKeyIsTheWrappingSumOfItsCouncilsKeys() {
        #expect(CellKeyRounding.cellKey([UInt32]()) == 0)
        #expect(CellKeyRounding.cellKey([1, 2, 3] as [UInt32]) == 6)
        #expect(CellKeyRounding.cellKey([.max, 2] as [UInt32]) == 1)
    }

    @Test func everyCountIsRoundedAndTheSameCouncilsGiveTheSameFigureInEveryTable() throws {
        // Region A (6 councils) is exactly the type "County": its cells are the same councils in both tables.
        let category = [0, 0, 0, 0, 1, 2, 1, 1, 1, 1, 1, 0, 2, 2, 2, 1, 1]
        let regions = Array(repeating: "A", count: 6) + Array(repeating: "B", count: 11)
        let types = Array(repeating: "County", count: 6) + Array(repeating: "District", count: 11)
        let (partitions, groups, keys) = population(category, regions: regions, types: types)
        let family = control.protect(categories: ["Low", "Middle", "High"], category: category, partitions: partitions,
                                     groups: groups, recordKeys: keys)
        let (national, byRegion, byType) = (family.tables[0], family.tables[1], family.tables[2])
        #expect(byRegion.counts == [[4, 1, 1], [1, 7, 3]])
        for (p, table) in family.tables.enumerated() {
            for cell in table.allCells {
                let published = try #require(table.published(cell)), truth = table.value(cell)
                if cell.column == table.totalColumn {
                    #expect(published == truth, "a group's size is published as it is")
                } else {
                    let key = CellKeyRounding.cellKey(category.indices.filter {
                        (cell.row == table.totalRow || groups[p][$0] == cell.row) && category[$0] == cell.column
                    }.map { keys[$0] })
                    #expect(published % 5 == 0 && published >= 0 && published <= table.value(.init(cell.row, table.totalColumn)),
                            "\(cell): \(truth) published as \(published)")
                    if CellKeyRounding.shift(cellKey: key) == 0 {
                        #expect(abs(published - truth) < 5, "\(cell): \(truth) unshifted, published as \(published)")
                    }
                }
            }
        }
        for column in 0...3 {
            #expect(national.published(.init(0, column)) == byRegion.published(.init(2, column)))
            #expect(byRegion.published(.init(2, column)) == byType.published(.init(2, column)))
            #expect(byRegion.published(.init(0, column)) == byType.published(.init(0, column)))
        }
        // The rounding is the cell key's: each cell, worked out again from its councils' keys.
        for column in 0..<3 {
            let members = category.indices.filter { category[$0] == column && regions[$0] == "A" }
            #expect(byRegion.published(.init(0, column)) == CellKeyRounding(base: 5).publish(members.count, cellKey: CellKeyRounding.cellKey(members.map { keys[$0] }), inGroupOf: 6))
        }
    }

    @Test func aLoneCouncilsCellIsZeroOrFiveByItsOwnKeyAlone() {
        // One council at Leader in region A: whether its cell reads 0 or 5 depends on a key nobody sees.
        let category = [2] + Array(repeating: 0, count: 5) + Array(repeating: 1, count: 10)
        let regions = Array(repeating: "A", count: 6) + Array(repeating: "B", count: 10)
        var (partitions, groups, keys) = population(category, regions: regions)
        keys[0] = 100
        let low = control.protect(categories: ["D", "M", "L"], category: category, partitions: partitions, groups: groups, recordKeys: keys)
        keys[0] = 3_000_000_000
        let high = control.protect(categories: ["D", "M", "L"], category: category, partitions: partitions, groups: groups, recordKeys: keys)
        #expect(low.tables[1].published(.init(0, 2)) == 5)
        #expect(high.tables[1].published(.init(0, 2)) == 0)
        #expect(low.tables[0].published(.init(0, 2)) == 5)
        #expect(high.tables[0].published(.init(0, 2)) == 0)
        // Region A's six councils are published as six either way.
        #expect(low.tables[1].published(.init(0, 3)) == 6)
        #expect(high.tables[1].published(.init(0, 3)) == 6)
    }

    @Test func anEmptyCellsKeyIsTheStoresNotZero() {
        // Every cell's key starts from emptyCellKey: under 0 an empty cell would be shifted alike in every
        // store, and anyone could tell what it publishes; under key 60 (a shift of one step) it reads 5.
        let category = Array(repeating: 0, count: 6) + Array(repeating: 1, count: 6)
        let (partitions, groups, keys) = population(category, regions: Array(repeating: "A", count: 6) + Array(repeating: "B", count: 6))
        let plain = DisclosureControl().protect(categories: ["Low", "High"], category: category, partitions: partitions,
                                                groups: groups, recordKeys: keys)
        let keyed = DisclosureControl(emptyCellKey: 60).protect(categories: ["Low", "High"], category: category,
                                                                partitions: partitions, groups: groups, recordKeys: keys)
        #expect(plain.tables[1].published(.init(0, 1)) == 0, "no High in region A, key 0")
        #expect(keyed.tables[1].published(.init(0, 1)) == 5, "no High in region A, key 60")
        #expect(DisclosureControl(emptyCellKey: 60).roundedCount(ofCouncils: []) == 5)
        #expect(DisclosureControl().roundedCount(ofCouncils: []) == 0)
    }

    @Test func fewerCouncilsThanTheThresholdPublishNothingNotEvenTheirNumber() {
        let (partitions, groups, keys) = population([0, 1, 1, 1], regions: ["A", "A", "B", "B"])
        let family = control.protect(categories: ["X", "Y"], category: [0, 1, 1, 1], partitions: [partitions[0]],
                                     groups: [groups[0]], recordKeys: keys)
        #expect(family.tables[0].allCells.allSatisfy(family.tables[0].isWithheld))
        let five = population([0, 1, 1, 1, 1], regions: ["A", "A", "B", "B", "B"])
        let published = control.protect(categories: ["X", "Y"], category: [0, 1, 1, 1, 1], partitions: [five.partitions[0]],
                                        groups: [five.groups[0]], recordKeys: five.keys)
        #expect(published.tables[0].published(.init(0, 2)) == 5)
        #expect(published.tables[0].published(.init(1, 1)) != nil)
    }

    @Test func aNoteCountsCouncilsRoundedByTheirKeys() {
        #expect(control.roundedCount(ofCouncils: []) == 0)
        #expect(control.roundedCount(ofCouncils: [100]) == 5)
        #expect(control.roundedCount(ofCouncils: [3_000_000_000]) == 0)
        #expect(control.roundedCount(ofCouncils: [1, 2, 3, 4, 5]) == 5)
        #expect(control.roundedCount(ofCouncils: [1, 2, 3, 4, 5, 6, 7]) == 10)
    }

    @Test func mediansAreBandedAndNeedTwiceTheThreshold() {
        let nine = [0.5, 0.6, 0.7, 0.8, 0.9, 0.1, 0.2, 0.3, 0.4]
        #expect(control.medianBand(nine) == nil)
        #expect(control.medianMinimum == 10)
        // Ten values: the mean of the middle two, 0.5 and 0.6, is 0.55, in the 50–60% band.
        #expect(control.medianBand(nine + [1.0]) == ProgressBand(lowerTenth: 5))
        #expect(control.medianBand(Array(repeating: 0.7, count: 11)) == ProgressBand(lowerTenth: 7))
        #expect(control.medianBand(Array(repeating: 1.0, count: 10)) == ProgressBand(lowerTenth: 9))
        #expect(control.medianBand(Array(repeating: 0.0, count: 10)) == ProgressBand(lowerTenth: 0))
        #expect(ProgressBand(lowerTenth: 4).text == "40–50%")
        #expect(ProgressBand(containing: 0.6999999) == ProgressBand(lowerTenth: 6))
        #expect(ProgressBand(containing: 0.7) == ProgressBand(lowerTenth: 7))
        #expect(DisclosureControl(threshold: 8).medianMinimum == 16)
    }
}

/// Seeded random populations: whatever the data, every count is a multiple of the threshold between 0 and
/// its group's cap, the cell key's rounding and shift of its own councils, and the same councils are the
/// same figure (before the cap) in every table of every measure.
@Suite struct DisclosureControlPropertyTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: 1...40)
    func everyCountIsRoundedConsistently(seed: Int) throws {
        var random = Generator(state: UInt64(seed))
        let councils = 12 + random.next(40)
        let regions = (0..<councils).map { _ in ["A", "B", "C"][random.next(3)] }
        let types = (0..<councils).map { _ in ["County", "District"][random.next(2)] }
        let keys = (0..<councils).map { _ in UInt32(truncatingIfNeeded: random.next(1 << 30) << 2 | random.next(4)) }
        let partitions = [Partition.national("All"),
                          Partition(name: "region", values: regions, order: ["A", "B", "C"], otherLabel: "Other", threshold: 5),
                          Partition(name: "type", values: types, order: ["County", "District"], otherLabel: "Other", threshold: 5)]
            .filter { $0.isNational || $0.groups.count > 1 }
        let groups = partitions.map { partition in
            (0..<councils).map { partition.group(of: partition.name == "type" ? types[$0] : regions[$0])! }
        }
        // Two measures of the same councils: a cell of the same councils must read the same in both.
        var byMembers: [[Int]: Int] = [:]
        for _ in 0..<2 {
            let category = (0..<councils).map { _ in [0, 1, 1, 1, 1, 2][random.next(6)] }
            let family = DisclosureControl().protect(categories: ["Low", "Middle", "High"], category: category,
                                                     partitions: partitions, groups: groups, recordKeys: keys)
            for (p, table) in family.tables.enumerated() {
                #expect(table.counts.allSatisfy { $0.reduce(0, +) >= 5 }, "every group is pooled to the threshold")
                for cell in table.allCells where cell.column != table.totalColumn {
                    let members = (0..<councils).filter {
                        (cell.row == table.totalRow || groups[p][$0] == cell.row) && category[$0] == cell.column
                    }
                    let published = try #require(table.published(cell))
                    let size = (0..<councils).filter { cell.row == table.totalRow || groups[p][$0] == cell.row }.count
                    let key = CellKeyRounding.cellKey(members.map { keys[$0] })
                    let unshifted = CellKeyRounding(base: 5).round(members.count, cellKey: key)
                    #expect(published % 5 == 0 && published >= 0 && published <= size - size % 5, "seed \(seed): \(members.count) of \(size) as \(published)")
                    #expect(published == max(0, min(unshifted + 5 * CellKeyRounding.shift(cellKey: key), size - size % 5)),
                            "seed \(seed): \(members.count) of \(size) as \(published)")
                    // The same councils are the same figure wherever they are counted, before each group's cap.
                    if let earlier = byMembers[members] { #expect(earlier == unshifted + 5 * CellKeyRounding.shift(cellKey: key)) }
                    byMembers[members] = unshifted + 5 * CellKeyRounding.shift(cellKey: key)
                }
            }
        }
    }
}
