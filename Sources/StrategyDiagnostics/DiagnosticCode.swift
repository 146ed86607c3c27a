/// The stable identifier of every kind of problem `strategyc` reports.
///
/// Codes appear in brackets at the end of each diagnostic and in the JSON and GitHub outputs. They are part
/// of the tool's interface: scripts and CI filters match on them, so a code is never renamed or reused.
/// `docs/diagnostics.md` lists them all with an example and the fix.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    // Reading files
    case fileEmpty = "file-empty"
    case fileNotUTF8 = "file-not-utf8"
    case fileBinary = "file-binary"
    case fileTooLarge = "file-too-large"
    case fileUnreadable = "file-unreadable"
    case fileIgnored = "file-ignored"
    case missingStrategyFile = "missing-strategy-file"

    // Front matter
    case frontMatterMissing = "front-matter-missing"
    case frontMatterUnclosed = "front-matter-unclosed"
    case yamlSyntax = "yaml-syntax"
    case yamlAnchor = "yaml-anchor"
    case fileIsLink = "file-is-link"
    case controlCharacter = "control-character"
    case tooManyFiles = "too-many-files"
    case frontMatterNotMapping = "front-matter-not-mapping"
    case missingKey = "missing-key"
    case unknownKey = "unknown-key"
    case duplicateKey = "duplicate-key"
    case invalidType = "invalid-type"
    case invalidValue = "invalid-value"
    case valueCutByComment = "value-cut-by-comment"

    // Identity and references
    case invalidID = "invalid-id"
    case duplicateID = "duplicate-id"
    case fileNameMismatch = "file-name-mismatch"
    case unknownTheme = "unknown-theme"
    case duplicateOrder = "duplicate-order"
    case unknownReference = "unknown-reference"
    case retiredReference = "retired-reference"

    // Levels
    case noLevels = "no-levels"

    // Markdown body
    case missingDescription = "missing-description"
    case missingHelp = "missing-help"
    case unknownSection = "unknown-section"
    case duplicateSection = "duplicate-section"
    case contentOutsideSection = "content-outside-section"
    case unexpectedHeading = "unexpected-heading"
    case wrongHeadingLevel = "wrong-heading-level"
    case missingIndicators = "missing-indicators"
    case missingIndicatorID = "missing-indicator-id"
    case duplicateIndicatorTitle = "duplicate-indicator-title"
    case duplicateKeyAreaTitle = "duplicate-key-area-title"
    case missingLevel = "missing-level"
    case unknownLevel = "unknown-level"
    case duplicateLevel = "duplicate-level"
    case levelOutOfOrder = "level-out-of-order"
    case emptyDescriptor = "empty-descriptor"
    case longDescriptor = "long-descriptor"
    case rawHTML = "raw-html"
    case unsupportedMarkdown = "unsupported-markdown"
    case brokenLink = "broken-link"
    case unsafeLink = "unsafe-link"
    case emptyTheme = "empty-theme"
    case placeholderText = "placeholder-text"

    // Templates (when building the site)
    case templateFolderMissing = "template-folder-missing"
    case templateMissing = "template-missing"
    case templateSyntax = "template-syntax"
    case templateAssetName = "template-asset-name"
    case templateUnknownField = "template-unknown-field"
    case templateRenderFailed = "template-render-failed"

    // Editions (when building the "What changed" page)
    case previousEditionUnavailable = "previous-edition-unavailable"
    case idRemoved = "id-removed"
    case idChanged = "id-changed"
    case retiredIDReused = "retired-id-reused"
    case idsUnchecked = "ids-unchecked"
    case unknownEdition = "unknown-edition"
    case editionOutOfRange = "edition-out-of-range"

    // Variants (a variant's layers checked against their base)
    case variantBaseMissing = "variant-base-missing"
    case variantBaseCycle = "variant-base-cycle"
    case variantBaseTooDeep = "variant-base-too-deep"
    case variantBaseMoved = "variant-base-moved"
    case variantUnknownID = "variant-unknown-id"
    case variantMissingReason = "variant-missing-reason"
    case variantExcludedAndOverridden = "variant-excluded-and-overridden"
    case variantExcludedReferenced = "variant-excluded-referenced"
    case variantInvalidPriority = "variant-invalid-priority"
    case variantTargetBelowMinimum = "variant-target-below-minimum"
    case variantIDCollision = "variant-id-collision"
    case overrideBaseChanged = "override-base-changed"
    case overrideBaseMissing = "override-base-missing"
    case variantAccentColour = "variant-accent-colour"
    case variantLogoRefused = "variant-logo-refused"

    // Output (where build, workbook and export write)
    case outputProtected = "output-protected"
    case outputNotOwned = "output-not-owned"
    case outputWriteFailed = "output-write-failed"
    case folderUnreadable = "folder-unreadable"

    // The "About this assessment" choices (assessment.md)
    case assessmentListEmpty = "assessment-list-empty"
    case assessmentChoiceDuplicate = "assessment-choice-duplicate"

    // Completed returns (reading a council's workbook back)
    case returnUnreadable = "return-unreadable"
    case returnUnknownLevel = "return-unknown-level"
    case returnUnknownIndicator = "return-unknown-indicator"
    case returnFormula = "return-formula"
    case returnDuplicateIndicator = "return-duplicate-indicator"
    case returnOtherEdition = "return-other-edition"
    case returnModelChanged = "return-model-changed"
    case returnVariantMismatch = "return-variant-mismatch"
    case returnMixedOrganisations = "return-mixed-organisations"
    case returnPreviousNotEarlier = "return-previous-not-earlier"

    // The peer benchmark (returns add, benchmark)
    case returnAboutMissing = "return-about-missing"
    case returnAboutInvalid = "return-about-invalid"
    case returnNotNewer = "return-not-newer"
    case returnUnknownVariant = "return-unknown-variant"
    case storeUnusable = "store-unusable"
    case peersUnusable = "peers-unusable"

    // The online diagnostic (strategyc collect)
    case collectOrganisationInvalid = "collect-organisation-invalid"
    case collectRoundExists = "collect-round-exists"
    case collectRoundUnknown = "collect-round-unknown"
    case collectRoundInvalid = "collect-round-invalid"

    // Workbook (when writing the assessment workbook)
    case workbookCellTooLong = "workbook-cell-too-long"
    case workbookWriteFailed = "workbook-write-failed"

    /// The severity a diagnostic of this kind has unless the reporter says otherwise.
    public var defaultSeverity: DiagnosticSeverity {
        switch self {
        case .fileIgnored, .fileNameMismatch, .missingHelp, .longDescriptor,
             .rawHTML, .unsafeLink, .valueCutByComment, .duplicateIndicatorTitle, .duplicateKeyAreaTitle,
             .variantBaseMoved, .overrideBaseChanged, .overrideBaseMissing, .emptyTheme, .duplicateOrder, .templateAssetName, .placeholderText,
             .returnOtherEdition, .returnModelChanged, .returnNotNewer:
            .warning
        case .idsUnchecked:
            .note
        default:
            .error
        }
    }

    /// One line saying what the code means, as listed in `docs/diagnostics.md`.
    public var summary: String {
        switch self {
        case .fileEmpty: "A source file has no content."
        case .fileNotUTF8: "A source file is not valid UTF-8 text."
        case .fileBinary: "A source file contains NUL bytes, so it is not text."
        case .fileTooLarge: "A source file is larger than the 1 MiB limit."
        case .fileUnreadable: "A source file could not be read."
        case .fileIgnored: "A file in the strategy folder is not part of the layout and is skipped."
        case .missingStrategyFile: "The folder has no strategy.md with the strategy's metadata."
        case .frontMatterMissing: "A file does not start with a `---` front-matter block."
        case .frontMatterUnclosed: "A front-matter block is opened with `---` but never closed."
        case .yamlSyntax: "The front matter is not valid YAML."
        case .tooManyFiles: "The strategy folder holds more Markdown files than any strategy needs (100,000)."
        case .controlCharacter: "A file contains an invisible control character, which would make the pages invalid."
        case .fileIsLink: "A file or folder in the strategy folder is a symbolic link; links are never followed."
        case .yamlAnchor: "The front matter uses a YAML anchor or alias, which could expand into billions of values."
        case .frontMatterNotMapping: "The front matter is not a set of `key: value` lines."
        case .missingKey: "A required front-matter key is absent."
        case .unknownKey: "A front-matter key is not one the format defines (often a misspelling)."
        case .duplicateKey: "A front-matter key is given twice."
        case .invalidType: "A front-matter value has the wrong type (text for a number, a list for text...)."
        case .valueCutByComment: "An unquoted front-matter value contains ` #`, so YAML drops the rest as a comment."
        case .invalidValue: "A front-matter value is not one of the allowed values."
        case .invalidID: "An id is not a slug: lowercase letters, digits and hyphens."
        case .duplicateID: "Two elements of the strategy share an id."
        case .fileNameMismatch: "A key-area file's name differs from its id."
        case .unknownTheme: "A key area names a theme that does not exist."
        case .duplicateOrder: "Two siblings have the same `order`, so their order is decided by id."
        case .noLevels: "The strategy defines no maturity levels."
        case .missingDescription: "A key area, theme or strategy has no description."
        case .missingHelp: "A key area lacks its 'What it is' or 'Why it is important' help."
        case .unknownSection: "A `##` heading is not one of the sections the format defines."
        case .duplicateSection: "A section appears twice in one file."
        case .contentOutsideSection: "Text sits outside any section, so it would not be published."
        case .wrongHeadingLevel: "A section, indicator or level heading has one `#` too many or too few."
        case .unexpectedHeading: "A heading is at a depth the format does not use there."
        case .missingIndicators: "A key area has no indicators."
        case .missingIndicatorID: "An indicator heading has no `{#id}`."
        case .duplicateKeyAreaTitle: "Two key areas or enablers have the same title."
        case .duplicateIndicatorTitle: "Two indicators in one key area have the same title."
        case .missingLevel: "An indicator has no descriptor for a level."
        case .unknownLevel: "An indicator has a descriptor for a level the strategy does not define."
        case .duplicateLevel: "An indicator describes the same level twice."
        case .levelOutOfOrder: "An indicator's levels are not in the strategy's order."
        case .emptyDescriptor: "A level descriptor has no text."
        case .longDescriptor: "A level descriptor is unusually long for a table cell."
        case .unsupportedMarkdown: "Markdown the toolkit cannot publish as written there, such as a table in a descriptor."
        case .brokenLink: "A relative link leads to no published page or anchor."
        case .rawHTML: "Raw HTML in Markdown is not published (safe mode drops it)."
        case .unsafeLink: "A link or image uses a scheme that is not published (javascript:, data:...)."
        case .emptyTheme: "A theme has no active key areas."
        case .returnUnreadable: "A file given as a return is not an assessment workbook strategyc made, or cannot be read safely."
        case .returnUnknownLevel: "A level cell of a return holds something that is not one of the strategy's levels."
        case .returnUnknownIndicator: "A row of a return is for an indicator the strategy does not have."
        case .returnFormula: "A cell of a return holds a formula where an answer is expected; its cached result is never trusted."
        case .returnDuplicateIndicator: "Two rows of a return carry the same hidden indicator id."
        case .returnOtherEdition: "A return was made from another edition: an older one is migrated through replaced_by, a newer one refused."
        case .returnModelChanged: "A return was made from another version of the same edition (its content hash differs)."
        case .returnVariantMismatch: "A return was made from another variant (or the national strategy) than the one it is read against."
        case .returnMixedOrganisations: "Returns given together for one report name different organisations."
        case .returnPreviousNotEarlier: "A return given with --previous is of the report's own round or a later one."
        case .returnAboutMissing: "A return lacks an About answer the peer benchmark needs (organisation, type, region, round or validation)."
        case .returnAboutInvalid: "An About answer of a return is not one of the choices its list offers."
        case .returnNotNewer: "The store already holds a return of the same council, respondent and round that is not older."
        case .peersUnusable: "The benchmark.json given to a council report cannot be read, or compares another edition."
        case .collectOrganisationInvalid: "A row of the organisations file given to `collect open` lacks a name, type or region, names a type or region that is not on assessment.md's lists, or names an organisation a second time."
        case .collectRoundExists: "`collect open` was given a round (a year, of the strategy or of a variant) that the store already holds."
        case .collectRoundUnknown: "`collect close` was given a round the store does not hold."
        case .collectRoundInvalid: "The round is not a year from 2000 to 2100, or the base URL of the links is not an http or https origin."
        case .storeUnusable: "The returns store is missing, is not a store strategyc made, was made by a newer strategyc, or cannot be written."
        case .returnUnknownVariant: "A return was made from a variant that is not in the variants folder, so its local answers cannot be told apart."
        case .assessmentListEmpty: "A list of choices in assessment.md is empty, so its dropdown would offer nothing."
        case .assessmentChoiceDuplicate: "A choice appears twice in one list of assessment.md (letter case aside)."
        case .placeholderText: "Text still holds the TODO placeholder that `strategyc new` wrote."
        case .unknownReference: "A `replaced_by` names an id that does not exist."
        case .retiredReference: "A `replaced_by` names a retired key area or indicator; name what replaced it instead."
        case .templateFolderMissing: "The templates folder given to `build` does not exist."
        case .templateMissing: "A template or partial the site needs is not in the templates folder."
        case .templateSyntax: "A Mustache template cannot be parsed."
        case .templateAssetName: "A file in the templates' assets/ has a name that is not safe to publish; it is skipped."
        case .previousEditionUnavailable: "The `previous_edition` cannot be read or has errors, so the changes page cannot be made."
        case .templateUnknownField: "A template names a field the renderer does not provide, so it would print nothing."
        case .templateRenderFailed: "A template could not be rendered with the model's values."
        case .idRemoved: "An id of the previous edition is gone without being retired."
        case .idChanged: "An element's id was changed in place; ids never change once published."
        case .retiredIDReused: "An id retired in an earlier edition is used again."
        case .idsUnchecked: "A file that could not be built was left out of the checks across files and editions, so none of its ids is reported as gone or unknown."
        case .unknownEdition: "A `since` or `retired_in` names an edition that is not in the strategy's `editions`."
        case .editionOutOfRange: "A `since` or `retired_in` is after the current edition, or `retired_in` is before `since`."
        case .variantBaseMissing: "A variant's `base` is not a strategy folder or a variant folder."
        case .variantBaseCycle: "A variant's bases lead back to itself."
        case .variantBaseTooDeep: "A variant's chain of bases is longer than 8 layers."
        case .variantBaseMoved: "The base is at another edition than the one the variant was written against."
        case .variantUnknownID: "A variant names an id that is not active in its base."
        case .variantMissingReason: "An exclusion has no reason; the reason is published."
        case .variantExcludedAndOverridden: "A variant both excludes and overrides the same element."
        case .variantExcludedReferenced: "Something the variant keeps or adds refers to what it excludes."
        case .variantInvalidPriority: "A priority's weight is not a positive number, or its target is not a level."
        case .variantTargetBelowMinimum: "A target is below the minimum an earlier layer (the region) sets."
        case .variantIDCollision: "A local id is used by the base, or is not in the variant's namespace."
        case .overrideBaseChanged: "The base text an override replaced has changed since; review and accept it."
        case .overrideBaseMissing: "An override does not yet record the base text it replaces, so a later change to it could not be noticed."
        case .variantAccentColour: "The accent colour is not a #rrggbb colour, or white text on it fails WCAG AA contrast (4.5:1)."
        case .variantLogoRefused: "The logo is missing, outside the variant folder, not PNG or SVG, too large, or an SVG with scripts, event handlers or external references."
        case .outputProtected: "The output would replace or be written inside a folder strategyc never writes to (the sources, the working or home folder, a git repository, a link)."
        case .outputNotOwned: "The output exists and strategyc cannot prove it wrote it (or it holds answers), so it is not replaced."
        case .outputWriteFailed: "An output could not be written (a full disk, a read-only folder); exit status 2."
        case .folderUnreadable: "The strategy folder does not exist or cannot be read; exit status 2."
        case .workbookWriteFailed: "The spreadsheet library could not make the workbook."
        case .workbookCellTooLong: "A text is longer than a spreadsheet cell can hold (32,767 characters)."
        }
    }
}
