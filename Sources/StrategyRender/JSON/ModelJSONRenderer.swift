import Foundation
import StrategyModel
import StrategySupport

/// Writes the model as JSON (`strategyc export --format json`, and `model.json` in the site).
///
/// The shape is documented by `docs/model.schema.json`. Keys are sorted and no time or machine-specific
/// path is written, so the same sources always give the same bytes. Text fields carry the author's
/// Markdown; consumers that need HTML can render it with any CommonMark library.
public struct ModelJSONRenderer {
    /// Bumped when the shape changes incompatibly.
    public static let formatVersion = 1

    public init() {}

    public func render(_ strategy: Strategy) -> Data {
        let document = Document(strategy)
        return StableJSON.encode(document)
    }

    /// The export's shape; the variant export nests it as its `model`.
    struct Document: Encodable {
        var formatVersion = ModelJSONRenderer.formatVersion
        var title: String
        var shortTitle: String?
        var edition: String
        var publisher: String
        var published: String?
        var introduction: String
        var levels: [LevelJSON]
        var themes: [ThemeJSON]
        /// The "About this assessment" choices, when the strategy has `assessment.md`.
        var assessmentForm: AssessmentFormJSON?

        init(_ strategy: Strategy) {
            title = strategy.title
            shortTitle = strategy.shortTitle
            edition = strategy.edition
            publisher = strategy.publisher
            published = strategy.published
            introduction = strategy.introduction.markdown
            levels = strategy.levels.map { LevelJSON(id: $0.id, name: $0.name, summary: $0.summary) }
            themes = strategy.themes.map(ThemeJSON.init)
            assessmentForm = strategy.assessmentForm.map(AssessmentFormJSON.init)
        }
    }

    struct AssessmentFormJSON: Encodable {
        var organisationTypes: [String]
        var regions: [String]
        var validation: [String]
        var guidance: String

        init(_ form: AssessmentForm) {
            organisationTypes = form.organisationTypes
            regions = form.regions
            validation = form.validations
            guidance = form.guidance.markdown
        }
    }

    struct LevelJSON: Encodable {
        var id: String
        var name: String
        var summary: String?
    }

    struct ThemeJSON: Encodable {
        var id: String
        var title: String
        var kind: String
        var order: Int
        var description: String
        var keyAreas: [KeyAreaJSON]

        init(_ theme: Theme) {
            id = theme.id
            title = theme.title
            kind = theme.kind.rawValue
            order = theme.order
            description = theme.description.markdown
            keyAreas = theme.keyAreas.map(KeyAreaJSON.init)
        }
    }

    struct KeyAreaJSON: Encodable {
        var id: String
        var title: String
        var status: String
        var order: Int
        var since: String
        var retiredIn: String?
        var replacedBy: [String]
        var source: String
        var description: String
        var whatItIs: String?
        var whyItIsImportant: String?
        var indicators: [IndicatorJSON]

        init(_ area: KeyArea) {
            id = area.id
            title = area.title
            status = area.status.rawValue
            order = area.order
            since = area.since
            retiredIn = area.retirement?.edition
            replacedBy = (area.retirement?.replacementIDs ?? [])
            source = area.source
            description = area.description.markdown
            whatItIs = area.whatItIs?.markdown
            whyItIsImportant = area.whyItIsImportant?.markdown
            indicators = area.indicators.map(IndicatorJSON.init)
        }
    }

    struct IndicatorJSON: Encodable {
        var id: String
        var title: String
        var status: String
        var retiredIn: String?
        var replacedBy: [String]?
        var descriptors: [String: String]

        init(_ indicator: Indicator) {
            id = indicator.id
            title = indicator.title
            status = indicator.status.rawValue
            retiredIn = indicator.retirement?.edition
            replacedBy = (indicator.retirement?.replacementIDs ?? []).isEmpty ? nil : (indicator.retirement?.replacementIDs ?? [])
            descriptors = Dictionary(indicator.descriptors.map { ($0.levelID, $0.text.markdown) },
                                     uniquingKeysWith: { first, _ in first })
        }
    }
}
