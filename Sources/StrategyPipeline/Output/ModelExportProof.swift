import Foundation

/// Recognises a model that `strategyc export` wrote earlier, so that exporting again may replace it.
enum ModelExportProof {
    /// A JSON object with the export's identifying keys (see docs/model.schema.json). Anything else,
    /// including JSON that merely looks similar, is left alone.
    static func isExport(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe), data.count < 256 << 20,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["formatVersion"] is Int && object["edition"] is String && object["themes"] is [Any]
            && object["levels"] is [Any]
    }
}
