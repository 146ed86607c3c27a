import Foundation
import StrategyDiagnostics

/// One variant as written in `Variants/<id>/`: a small overlay on its base (the national strategy or
/// another variant), never a copy. Every fact keeps where it is written, so that the checks of the
/// resolved variant are reported in the variant's own files.
public struct VariantLayer: Sendable {
    /// Who the variant is for.
    public enum OrganisationType: String, Sendable, CaseIterable {
        case county, district, unitary, metropolitan
        case londonBorough = "london-borough"
        case combinedAuthority = "combined-authority"
        case region

        /// How a reader calls it when `assessment.md` offers no label of its own.
        public var label: String {
            switch self {
            case .county: "County council"
            case .district: "District council"
            case .unitary: "Unitary authority"
            case .metropolitan: "Metropolitan borough council"
            case .londonBorough: "London borough council"
            case .combinedAuthority: "Combined authority"
            case .region: "Region"
            }
        }

        /// The label readers see: the organisation type `assessment.md` offers whose slug begins with this
        /// type's (`london-borough` is "London borough council"), so the site speaks as the workbook's
        /// About sheet does; otherwise `label`.
        public func label(in form: AssessmentForm?) -> String {
            let offered = form?.organisationTypes.first { choice in
                let slug = Slug.make(from: choice)
                return slug == rawValue || slug.hasPrefix(rawValue + "-")
            }
            return offered ?? label
        }
    }

    /// An element of the base left out of this variant, with the reason that is published.
    public struct Exclusion: Sendable {
        public var id: String
        public var reason: String
        public var range: SourceRange

        public init(id: String, reason: String, range: SourceRange) {
            self.id = id
            self.reason = reason
            self.range = range
        }
    }

    /// How much a key area matters here, and the target councils start from.
    public struct Priority: Sendable {
        public var keyAreaID: String
        public var range: SourceRange
        /// Relative weight in the weighted score (positive).
        public var weight: Double?
        /// The weight as written, for messages (`0`, `heavy`).
        public var weightText: String?
        public var weightRange: SourceRange?
        /// The default target level (a level id).
        public var target: String?
        public var targetRange: SourceRange?
        /// The lowest target that variants built on this one may set (a level id).
        public var minimumTarget: String?
        public var minimumTargetRange: SourceRange?

        public init(keyAreaID: String, range: SourceRange) {
            self.keyAreaID = keyAreaID
            self.range = range
        }
    }

    /// Which text of an element an override replaces.
    public enum Field: Hashable, Sendable {
        case description
        case whatItIs
        case whyItIsImportant
        /// One level's descriptor of an indicator.
        case level(String)

        public var name: String {
            switch self {
            case .description: "description"
            case .whatItIs: "what it is"
            case .whyItIsImportant: "why it is important"
            case .level(let id): "the \(id) descriptor"
            }
        }
    }

    /// Local text in place of one text of the base, with the fingerprint of the base text it was written
    /// against: when the base text changes, the override must be reviewed.
    public struct Override: Sendable {
        public var id: String
        public var idRange: SourceRange
        public var field: Field
        public var baseFingerprint: String?
        public var baseFingerprintRange: SourceRange?
        public var text: RichText
        public var range: SourceRange

        public init(id: String, idRange: SourceRange, field: Field, baseFingerprint: String?,
                    baseFingerprintRange: SourceRange?, text: RichText, range: SourceRange) {
            self.id = id
            self.idRange = idRange
            self.field = field
            self.baseFingerprint = baseFingerprint
            self.baseFingerprintRange = baseFingerprintRange
            self.text = text
            self.range = range
        }
    }

    /// Indicators added by this variant to a key area it inherits.
    public struct Addition: Sendable {
        public var keyAreaID: String
        public var keyAreaRange: SourceRange
        public var indicators: [Indicator]

        public init(keyAreaID: String, keyAreaRange: SourceRange, indicators: [Indicator]) {
            self.keyAreaID = keyAreaID
            self.keyAreaRange = keyAreaRange
            self.indicators = indicators
        }
    }

    /// A variant's look: an accent colour for the header, and a logo. Both are checked before they get
    /// here (contrast, file type, size, SVG content), so renderers only place them.
    public struct Branding: Sendable, Equatable {
        public enum LogoFormat: String, Sendable {
            case png, svg
        }

        /// `#rrggbb`, lowercase.
        public var accent: String?
        public var logo: Data?
        public var logoFormat: LogoFormat?

        public init(accent: String? = nil, logo: Data? = nil, logoFormat: LogoFormat? = nil) {
            self.accent = accent
            self.logo = logo
            self.logoFormat = logoFormat
        }
    }

    /// The layer's key-area and additions files that could not be built (reported): what they hold is
    /// unknown, so no reference to an id they may hold is reported as unknown (see `UnbuiltSource`).
    public var unbuilt: [UnbuiltSource] = []
    public var id: String
    public var idRange: SourceRange
    public var title: String
    public var audience: String
    public var organisationType: OrganisationType
    /// Who publishes this variant (`publisher:`); nil to keep the publisher of the layer below.
    public var publisher: String?
    /// The base as written: a folder relative to this variant's folder.
    public var base: String
    public var baseRange: SourceRange
    /// The base edition the variant was written against.
    public var baseEdition: String?
    public var baseEditionRange: SourceRange?
    public var introduction: RichText
    public var exclusions: [Exclusion] = []
    public var priorities: [Priority] = []
    public var overrides: [Override] = []
    /// Key areas of the variant's own, in its `key-areas/` folder.
    public var keyAreas: [KeyArea] = []
    public var additions: [Addition] = []
    /// The look this layer sets; a layer built on it inherits each part it does not set itself.
    public var branding = Branding()
    /// The variant's folder, as given.
    public var folder: String
    /// The `variant.md` file.
    public var range: SourceRange

    public init(id: String, idRange: SourceRange, title: String, audience: String, organisationType: OrganisationType,
                base: String, baseRange: SourceRange, introduction: RichText, folder: String, range: SourceRange) {
        self.id = id
        self.idRange = idRange
        self.title = title
        self.audience = audience
        self.organisationType = organisationType
        self.base = base
        self.baseRange = baseRange
        self.introduction = introduction
        self.folder = folder
        self.range = range
    }
}
