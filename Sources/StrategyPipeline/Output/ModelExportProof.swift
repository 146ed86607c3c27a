import Foundation

/// Recognises a model that `strategyc export` wrote earlier, so that exporting again may replace it.
enum ModelExportProof {
    /// A JSON object with the export's identifying keys (see docs/model.schema.json), or a variant export
    /// holding one. Anything else,
    /// including JSON that merely looks similar, is left alone.
    static func isExport(_ url: URL) -> Bool {
        guard let object = jsonObject(url) else { return false }
        func isModel(_ object: [String: Any]) -> Bool {
            object["formatVersion"] is Int && object["edition"] is String && object["themes"] is [Any] && object["levels"] is [Any]
        }
        // A national export, or a variant's (its resolved model nested as `model`).
        if let model = object["model"] as? [String: Any], object["variant"] != nil { return isModel(model) }
        return isModel(object)
    }

    /// A JSON object whose `format` starts with `prefix` (`strategyc-returns-`): a file strategyc wrote.
    static func hasFormat(_ url: URL, prefix: String) -> Bool {
        (jsonObject(url)?["format"] as? String)?.hasPrefix(prefix) ?? false
    }

    /// The file as a JSON object, or nil when it is not one (or is too large to be ours).
    private static func jsonObject(_ url: URL) -> [String: Any]? {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe), data.count < 256 << 20 else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
}
