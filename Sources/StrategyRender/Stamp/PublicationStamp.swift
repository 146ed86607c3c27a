import Foundation
import StrategyModel

/// The canonical export and its hash, made once per publication and stamped on every artefact (page
/// footers, toolkit.md, the workbook's properties), so that they all carry the same fingerprint.
public struct PublicationStamp: Sendable {
    public let modelJSON: Data
    public let hash: ContentHash
    /// `strategyc 0.1.0`, written into outputs.
    public let generator: String

    public init(_ strategy: Strategy, generator: String) {
        modelJSON = ModelJSONRenderer().render(strategy)
        hash = ContentHash(modelJSON: modelJSON)
        self.generator = generator
    }
}
