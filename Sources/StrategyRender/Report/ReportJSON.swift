import StrategyModel
import StrategySupport

/// `report.json`: every figure of the council's report, for programs (the peer benchmark, a council's own
/// dashboard) and for the independent check in `make test`. Levels are numbers (1 is the lowest), null
/// where there is no value; progress is a fraction from 0 to 1, unrounded.
enum ReportJSON {
    static let format = "strategyc-report-1"

    static func document(_ result: AssessmentResult, returns: [CompletedReturn], previous: [CompletedReturn],
                         stamp: PublicationStamp, variant: String?, peers: PeerComparison? = nil,
                         details: ReportDetails) -> JSONValue {
        let strategy = result.strategy
        return .object([
            "format": .string(format),
            "strategy": .object([
                "title": .string(strategy.title), "edition": .string(strategy.edition),
                "contentHash": .string(stamp.hash.hex), "variant": variant.map(JSONValue.string) ?? .null,
            ]),
            "levels": .array(strategy.levels.enumerated().map { index, level in
                .object(["id": .string(level.id), "name": .string(level.name), "number": .int(index + 1)])
            }),
            "returns": .array(returns.map(returnDocument)),
            "previousReturns": .array(previous.map(returnDocument)),
            "keyAreas": .array(result.keyAreas.map { area in
                .object([
                    "id": .string(area.keyArea.id), "title": .string(area.keyArea.title), "weight": .number(area.weight),
                    "current": .level(area.current), "target": .level(area.target), "gap": .level(area.gap),
                    "progress": area.progress.map(JSONValue.number) ?? .null,
                    "answered": .int(area.answered), "indicators": .int(area.indicators.count),
                    "respondents": .array(area.respondents.map(JSONValue.level)),
                    "previousCurrent": .level(area.previousCurrent),
                    "previousProgress": area.previousProgress.map(JSONValue.number) ?? .null,
                    "reading": .string(KeyAreaReading.text(area, in: strategy, returnCount: returns.count)),
                    "local": .bool(details.origin(ofKeyArea: area.keyArea.id) != nil),
                    "notes": .array(area.indicators.flatMap { indicator in
                        indicator.answers.enumerated().compactMap { index, answer -> JSONValue? in
                            guard let answer, !(answer.evidence + answer.actions + answer.owner + answer.reviewDate)
                                .trimmingSpacesAndNewlines().isEmpty else { return nil }
                            return .object(["indicator": .string(indicator.indicator.id), "respondent": .int(index + 1),
                                            "evidence": .string(answer.evidence), "actions": .string(answer.actions),
                                            "owner": .string(answer.owner), "reviewDate": .string(answer.reviewDate)])
                        }
                    }),
                ])
            }),
            "actionPlan": .array(result.actionPlan.map { item in
                .object(["indicator": .string(item.step.indicator.id), "keyArea": .string(item.step.keyArea.id),
                         "current": .int(item.step.current), "next": .int(item.step.nextNumber), "target": .int(item.step.target),
                         "actions": .array(item.actions.map(JSONValue.string)), "owners": .array(item.owners.map(JSONValue.string)),
                         "reviewDates": .array(item.reviewDates.map(JSONValue.string))])
            }),
            "localIndicators": .object((details.variant?.localIndicators ?? [:]).mapValues {
                switch $0 { case .added: .string("added"); case .reworded: .string("reworded") }
            }),
            "excluded": .array(((details.variant?.excludedKeyAreas ?? []).map { ("keyArea", $0) }
                                + (details.variant?.excludedIndicators ?? []).map { ("indicator", $0) }).map { kind, excluded in
                .object(["kind": .string(kind), "id": .string(excluded.id), "title": .string(excluded.title),
                         "layer": .string(excluded.layer), "reason": .string(excluded.reason)])
            }),
            "overall": .object([
                "progress": result.progress.map(JSONValue.number) ?? .null,
                "previousProgress": result.previousProgress.map(JSONValue.number) ?? .null,
                "answered": .int(result.answered), "indicators": .int(result.indicatorCount),
            ]),
            "peers": peers.map { peers in
                .object([
                    "round": .string(peers.round), "threshold": .int(peers.threshold),
                    "categories": .array(peers.categories.map(JSONValue.string)),
                    "groups": .array(peers.groups.map { group in
                        .object([
                            "label": .string(group.label),
                            "keyAreas": .array(result.keyAreas.map { area in
                                let id = area.keyArea.id
                                return .object([
                                    "id": .string(id),
                                    "counts": .array((group.counts[id] ?? []).map { $0.map(JSONValue.int) ?? .null }),
                                    "size": (group.sizes[id] ?? nil).map(JSONValue.int) ?? .null,
                                    "medianProgress": (group.medianProgress[id] ?? nil).map { .object(["from": .number($0.from), "to": .number($0.to)]) } ?? .null,
                                ])
                            }),
                        ])
                    }),
                ])
            } ?? .null,
            "nextSteps": .array(result.nextSteps.map { step in
                .object(["indicator": .string(step.indicator.id), "keyArea": .string(step.keyArea.id),
                         "current": .int(step.current), "target": .int(step.target), "next": .int(step.nextNumber)])
            }),
            "unanswered": .array(result.unanswered.map { .string($0.id) }),
        ])
    }

    private static func returnDocument(_ completed: CompletedReturn) -> JSONValue {
        var about: [String: JSONValue] = [:]
        for question in CompletedReturn.AboutQuestion.allCases {
            about[question.rawValue] = .string(completed.about(question))
        }
        let migration: JSONValue = completed.migration.map { migration in
            .object([
                "fromEdition": .string(migration.fromEdition),
                "carried": .array(migration.carried.map { .object(["from": .string($0.from), "to": .string($0.to)]) }),
                "dropped": .array(migration.dropped.map(JSONValue.string)),
                "new": .array(migration.new.map(JSONValue.string)),
            ])
        } ?? .null
        return .object([
            "file": .string(completed.path),
            "about": .object(about),
            "stamp": completed.stamp.map { stamp in
                .object(["edition": .string(stamp.edition), "contentHash": .string(stamp.contentHash),
                         "layout": .string(stamp.layout), "variant": stamp.variant.map(JSONValue.string) ?? .null])
            } ?? .null,
            "migration": migration,
        ])
    }
}

/// A JSON document with explicit nulls (an absent level is `null`, not a missing key), encoded through
/// `StableJSON` so keys are sorted and the bytes repeatable.
indirect enum JSONValue: Encodable {
    case null
    case string(String)
    case bool(Bool)
    case int(Int)
    case number(Double)
    case array([JSONValue])
    case object([String: JSONValue])

    static func level(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
