import Testing
@testable import StrategyModel

/// Disclosure control on adversarial data: small groups pooled, small counts withheld, and no withheld
/// cell that a reader could work out from what is published (checked by brute force, not by the code
/// under test).
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

    /// Three regions of 6, 7 and 8 councils; one council of region A at Leader, all else at Developing or
    /// Mature: the lone Leader would be revealed by the national total and by region A's size.
    func threeRegions(leaderIn region: Int = 0) -> (categories: [String], category: [Int], partitions: [Partition], groups: [[Int]]) {
        let sizes = [6, 7, 8]
        var category: [Int] = [], regionOf: [String] = []
        for (index, size) in sizes.enumerated() {
            for member in 0..<size {
                regionOf.append(["A", "B", "C"][index])
                category.append(index == region && member == 0 ? 2 : member % 2)
            }
        }
        let partitions = [Partition.national("All councils"),
                          Partition(name: "region", values: regionOf, order: ["A", "B", "C"], otherLabel: "Other", threshold: 5)]
        let groups = partitions.map { partition in regionOf.map { partition.group(of: $0)! } }
        return (["Developing", "Mature", "Leader"], category, partitions, groups)
    }

    @Test func aLoneCouncilIsWithheldAndSoIsEverythingThatWouldRevealIt() throws {
        let (categories, category, partitions, groups) = threeRegions()
        let family = control.protect(categories: categories, category: category, partitions: partitions, groups: groups)
        let regions = family.tables[1]
        // Region A: 2 at Developing (members 2, 4), 3 at Mature (1, 3, 5), 1 at Leader.
        #expect(regions.counts == [[2, 3, 1], [4, 3, 0], [4, 4, 0]])
        // Primary: every count from 1 to 4, the lone Leader and the national Leader total included.
        for cell in [ProtectedTable.Cell(0, 2), .init(3, 2), .init(0, 0), .init(0, 1), .init(1, 1), .init(1, 0), .init(2, 0), .init(2, 1)] {
            #expect(regions.isWithheld(cell), "cell \(cell) should be withheld")
        }
        // Group sizes are never withheld: they are published with every grouping.
        for row in 0..<3 { #expect(!regions.isWithheld(.init(row, 3))) }
        #expect(family.tables[0].isWithheld(.init(0, 2)))
        #expect(family.tables[0].isWithheld(.init(1, 2)))
        for table in family.tables {
            let attack = TableCompletions(table)
            #expect(attack.completions > 1)
            #expect(attack.derivable.isEmpty, "derivable: \(attack.derivable) in \(table.groups)")
        }
        // No published count rests on fewer councils than the threshold.
        for table in family.tables {
            for cell in table.allCells { if let value = table.published(cell) { #expect(value == 0 || value >= 5) } }
        }
    }

    @Test func totalsThatWouldRevealAWithheldCellAreCoveredBySecondarySuppression() {
        // One small cell (2) in a table whose other cells are all large: the row total and column total
        // would give it away unless a second cell in its row and column is withheld too.
        let category = Array(repeating: 0, count: 10) + Array(repeating: 1, count: 2) + Array(repeating: 0, count: 9) + Array(repeating: 1, count: 9)
        let region = Array(repeating: "A", count: 12) + Array(repeating: "B", count: 18)
        let partitions = [Partition.national("All"), Partition(name: "region", values: region, order: ["A", "B"], otherLabel: "Other", threshold: 5)]
        let groups = partitions.map { partition in region.map { partition.group(of: $0)! } }
        let family = control.protect(categories: ["X", "Y"], category: category, partitions: partitions, groups: groups)
        let table = family.tables[1]
        #expect(table.counts == [[10, 2], [9, 9]])
        #expect(table.isWithheld(.init(0, 1)))
        // Its row partner, its column partner and the fourth corner of the rectangle.
        #expect(table.isWithheld(.init(0, 0)))
        #expect(table.isWithheld(.init(1, 1)))
        #expect(table.isWithheld(.init(1, 0)))
        #expect(!table.isWithheld(.init(2, 0)))
        #expect(TableCompletions(table).derivable.isEmpty)
        #expect(!family.withheldWhole)
    }

    @Test func fewerCouncilsThanTheThresholdPublishNothingButTheirNumberIsWithheldToo() {
        let region = ["A", "A", "B", "B"]
        let partitions = [Partition.national("All")]
        let groups = partitions.map { partition in region.map { partition.group(of: $0)! } }
        let family = control.protect(categories: ["X", "Y"], category: [0, 1, 1, 1], partitions: partitions, groups: groups)
        #expect(family.tables[0].allCells.allSatisfy(family.tables[0].isWithheld))
    }

    @Test func nationalTotalsWithheldInOneGroupingAreWithheldInEvery() {
        // Regions hide the national Leader count; types alone would not, but they publish the same national
        // figures, so they must hide it too.
        let (categories, category, _, _) = threeRegions()
        let regionOf = (0..<21).map { $0 < 6 ? "A" : $0 < 13 ? "B" : "C" }
        let typeOf = (0..<21).map { $0 % 3 == 0 ? "County" : "District" }
        let partitions = [Partition.national("All"),
                          Partition(name: "region", values: regionOf, order: ["A", "B", "C"], otherLabel: "Other", threshold: 5),
                          Partition(name: "type", values: typeOf, order: ["County", "District"], otherLabel: "Other", threshold: 5)]
        let groups = partitions.map { partition in (0..<21).map { partition.group(of: partition.name == "type" ? typeOf[$0] : regionOf[$0])! } }
        let family = control.protect(categories: categories, category: category, partitions: partitions, groups: groups)
        let totals = family.tables.map { $0.withheld[$0.totalRow] }
        #expect(totals.allSatisfy { $0 == totals[0] })
        #expect(family.tables[0].withheld[0] == totals[0])
        for table in family.tables { #expect(TableCompletions(table).derivable.isEmpty, "\(table.groups)") }
        #expect(control.unwitnessed(family, category: category, groups: groups).isEmpty)
    }

    @Test func mediansNeedTheThreshold() {
        #expect(control.median([0.5, 0.6, 0.7, 0.8]) == nil)
        #expect(control.median([0.5, 0.6, 0.7, 0.8, 0.9]) == 0.7)
        #expect(abs((control.median([0.1, 0.5, 0.6, 0.7, 0.8, 0.9]) ?? 0) - 0.65) < 1e-12)
        #expect(control.medianLevel([1, 2, 3, 4]) == nil)
        #expect(control.medianLevel([4, 1, 3, 2, 5, 6]) == 3)
    }
}

/// Seeded random populations, small enough for the brute-force attacker: whatever the data, no published
/// count rests on 1 to 4 councils, every grouping shows the same national totals, and no withheld cell of
/// any table can be worked out from what that table publishes.
@Suite struct DisclosureControlPropertyTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: 1...40)
    func noWithheldCellCanBeWorkedOut(seed: Int) {
        var random = Generator(state: UInt64(seed))
        let councils = 12 + random.next(14)
        let regions = (0..<councils).map { _ in ["A", "B", "C"][random.next(3)] }
        let types = (0..<councils).map { _ in ["County", "District"][random.next(2)] }
        // Skewed towards the middle category, so that the others are small.
        let category = (0..<councils).map { _ in [0, 1, 1, 1, 1, 2][random.next(6)] }
        let partitions = [Partition.national("All"),
                          Partition(name: "region", values: regions, order: ["A", "B", "C"], otherLabel: "Other", threshold: 5),
                          Partition(name: "type", values: types, order: ["County", "District"], otherLabel: "Other", threshold: 5)]
            .filter { $0.isNational || $0.groups.count > 1 }
        let groups = partitions.map { partition in
            (0..<councils).map { partition.group(of: partition.name == "type" ? types[$0] : regions[$0])! }
        }
        let family = DisclosureControl().protect(categories: ["Low", "Middle", "High"], category: category,
                                                 partitions: partitions, groups: groups)
        let totals = family.tables.map { $0.withheld[$0.totalRow] }
        #expect(totals.allSatisfy { $0 == totals[0] })
        // Every withheld cell was proven safe, or made so, without hiding the whole measure.
        #expect(!family.withheldWhole, "seed \(seed)")
        #expect(DisclosureControl().unwitnessed(family, category: category, groups: groups).isEmpty)
        for table in family.tables {
            for cell in table.allCells {
                if let value = table.published(cell) { #expect(value == 0 || value >= 5, "seed \(seed): \(cell) = \(value)") }
            }
            #expect(table.counts.allSatisfy { $0.reduce(0, +) >= 5 }, "every group is pooled to the threshold")
            let attack = TableCompletions(table)
            #expect(!attack.exhausted, "seed \(seed): the table is too large for the brute-force attacker")
            #expect(attack.derivable.isEmpty, "seed \(seed): \(attack.derivable) derivable in \(table.groups), withheld \(table.withheld)")
        }
    }
}
