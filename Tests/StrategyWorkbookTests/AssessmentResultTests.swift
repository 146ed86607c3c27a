import Foundation
import StrategyModel
import Testing

/// The scoring, against figures worked out by hand on the small fixture (levels 1 Starting, 2 Established,
/// 3 Leading; key areas councillors (briefings, training) and data (data-maturity)).
@Suite struct AssessmentResultTests {
    private let published: PublishedStrategy

    init() throws {
        published = PublishedStrategy(try ReturnFixtures.compile(ReturnFixtures.small))
    }

    private func completed(_ answers: [String: (String?, String?)], role: String = "") -> CompletedReturn {
        CompletedReturn(path: "r.xlsx", stamp: nil, about: ["AboutRespondentRole": role],
                        answers: answers.mapValues { CompletedReturn.Answer(current: $0.0, target: $0.1) })
    }

    @Test func lowerMedian() {
        #expect(AssessmentResult.lowerMedian([]) == nil)
        #expect(AssessmentResult.lowerMedian([3]) == 3)
        #expect(AssessmentResult.lowerMedian([4, 1, 5, 3]) == 3)
        #expect(AssessmentResult.lowerMedian([2, 1]) == 1)
        #expect(AssessmentResult.lowerMedian([3, 1, 2]) == 2)
    }

    @Test func oneReturnScoredByHand() throws {
        // briefings 1 -> 3, training 3 -> 2 (met), data 2 -> 3.
        let result = AssessmentResult(published, returns: [completed([
            "councillors-briefings": ("starting", "leading"), "councillors-training": ("leading", "established"),
            "data-maturity": ("established", "leading")])], weights: ["data": 3])
        let councillors = try #require(result.keyAreas.first { $0.keyArea.id == "councillors" })
        #expect(councillors.current == 1 && councillors.target == 3 && councillors.gap == 2)
        #expect(councillors.progress == 1 - 2.0 / 5.0)  // shortfall 2 + 0 over targets 3 + 2
        #expect(councillors.answered == 2 && councillors.respondents == [1])
        let data = try #require(result.keyAreas.first { $0.keyArea.id == "data" })
        #expect(data.weight == 3 && data.progress == 1 - 1.0 / 3.0)
        // Overall: 1 - (1×2 + 3×1) / (1×5 + 3×3) = 1 - 5/14.
        #expect(result.progress == 1 - 5.0 / 14.0)
        // The heavier key area's steps first.
        #expect(result.nextSteps.map { "\($0.indicator.id) \($0.current)->\($0.nextNumber)" }
                == ["data-maturity 2->3", "councillors-briefings 1->2"])
        #expect(result.nextSteps.last?.descriptor?.plainText.contains("major projects") == true)
        #expect(result.unanswered.isEmpty)
    }

    @Test func severalRespondentsAndAnEarlierRound() throws {
        let first = completed(["councillors-briefings": ("starting", "leading"), "councillors-training": ("established", "leading"),
                               "data-maturity": ("leading", "leading")], role: "Procurement")
        let second = completed(["councillors-briefings": ("leading", "established"), "councillors-training": ("starting", nil)],
                               role: "Finance")
        let third = completed(["councillors-briefings": ("established", "leading")], role: "Housing")
        let earlier = completed(["councillors-briefings": ("starting", "leading"), "councillors-training": ("starting", "leading")])
        let result = AssessmentResult(published, returns: [first, second, third], previous: [earlier])
        let councillors = try #require(result.keyAreas.first { $0.keyArea.id == "councillors" })
        // briefings: currents 1,3,2 -> 2; targets 3,2,3 -> 3. training: currents 2,1 -> 1; targets 3 -> 3.
        #expect(councillors.indicators.map(\.current) == [2, 1] && councillors.indicators.map(\.target) == [3, 3])
        #expect(councillors.current == 1 && councillors.progress == 1 - 3.0 / 6.0)
        // Each respondent alone: first 1 (min of 1, 2), second 1, third incomplete.
        #expect(councillors.respondents == [1, 1, nil])
        #expect(councillors.previousCurrent == 1 && councillors.previousProgress == 1 - 4.0 / 6.0)
        let data = try #require(result.keyAreas.first { $0.keyArea.id == "data" })
        #expect(data.current == 3 && data.gap == 0 && data.progress == 1.0)
        #expect(data.previousCurrent == nil && data.previousProgress == nil)
        #expect(result.previousProgress == 1 - 4.0 / 6.0)
        #expect(result.unanswered.isEmpty)
    }

    @Test func unansweredIndicatorsAreLeftOutOfProgressAndListed() throws {
        let result = AssessmentResult(published, returns: [completed(["councillors-briefings": ("starting", "leading"),
                                                                      "councillors-training": (nil, "leading")])])
        let councillors = try #require(result.keyAreas.first { $0.keyArea.id == "councillors" })
        #expect(councillors.current == nil && councillors.target == 3 && councillors.gap == nil)
        #expect(councillors.progress == 1 - 2.0 / 3.0 && councillors.answered == 1)
        #expect(result.unanswered.map(\.id) == ["councillors-training", "data-maturity"])
        #expect(result.keyAreas.first { $0.keyArea.id == "data" }?.progress == nil)
    }
}
