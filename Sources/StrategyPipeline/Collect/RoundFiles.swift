import Foundation
import StrategyDiagnostics
import StrategyModel
import StrategyRender
import StrategyStore
import StrategySupport
import SwiftCSV

/// The two files of opening a round: the organisations invited (read) and their invitation links
/// (written). One home for both formats.
///
/// The organisations file is CSV with a header naming at least `name`, `type` and `region` (in any order,
/// any case; other columns, such as a contact's, are left alone). Type and region must be choices of
/// assessment.md's lists, as the workbook's About sheet offers them; every problem is reported at its row
/// and column in one pass, and nothing is opened if there is any.
public enum RoundFiles {
    /// Far more than England's councils; a larger file is refused before it is parsed.
    static let maximumSize = 4 << 20

    /// The organisations of `path`, or nil (reported) when the file cannot be read or any row is wrong.
    static func readOrganisations(_ path: String, form: AssessmentForm?, reportingTo collector: DiagnosticCollector)
        -> [CollectStore.Organisation]? {
        let whole = SourceRange(at: .wholeFile(path))
        func refuse(_ why: String) -> [CollectStore.Organisation]? {
            collector.report(Diagnostic(.collectOrganisationInvalid, "'\(path)' cannot be read as a list of organisations: \(why)", at: whole))
            return nil
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes != nil else { return refuse("there is no such file") }
        if let size = attributes?[.size] as? Int, size > maximumSize { return refuse("it is larger than \(maximumSize >> 20) MiB") }
        guard let data = FileManager.default.contents(atPath: path) else { return refuse("it cannot be opened") }
        guard var text = String(data: data, encoding: .utf8) else { return refuse("it is not UTF-8 text") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, loadColumns: false)
        } catch {
            return refuse("it is not well-formed CSV (\(error))")
        }
        func at(_ row: Int, _ column: Int) -> SourceRange {
            SourceRange(at: .cell(path: path, sheet: "", row: row, column: column))
        }
        var columns: [String: Int] = [:]
        for (index, header) in csv.header.enumerated() {
            let name = header.trimmingSpacesAndNewlines().lowercased()
            if columns[name] == nil { columns[name] = index }
        }
        let missing = ["name", "type", "region"].filter { columns[$0] == nil }
        guard missing.isEmpty else {
            collector.report(Diagnostic(
                .collectOrganisationInvalid,
                "the header has no \(missing.map { "'\($0)'" }.joined(separator: " or ")) column: the first row names the columns, at least name, type and region",
                at: at(1, 1)))
            return nil
        }
        let mark = collector.mark
        var organisations: [CollectStore.Organisation] = []
        var firstRow: [String: Int] = [:]
        for (offset, fields) in csv.rows.enumerated() {
            let row = offset + 2  // the header is row 1
            func field(_ name: String) -> (text: String, column: Int) {
                let index = columns[name] ?? 0
                return (index < fields.count ? fields[index].trimmingSpacesAndNewlines() : "", index + 1)
            }
            let name = field("name"), type = field("type"), region = field("region")
            if fields.allSatisfy({ $0.trimmingSpacesAndNewlines().isEmpty }) { continue }
            var fine = true
            for (label, value) in [("name", name), ("type", type), ("region", region)] where value.text.isEmpty {
                fine = false
                collector.report(Diagnostic(.collectOrganisationInvalid, "row \(row) gives no \(label)", at: at(row, value.column)))
            }
            for (label, value, choices) in [("type", type, form?.organisationTypes ?? []), ("region", region, form?.regions ?? [])]
            where !value.text.isEmpty && !choices.contains(value.text) {
                fine = false
                let suggestion = Suggestion.closest(to: value.text, among: choices)
                collector.report(Diagnostic(
                    .collectOrganisationInvalid,
                    "row \(row) gives the \(label) '\(value.text)', which is not one of assessment.md's choices"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                    at: at(row, value.column)))
            }
            if !name.text.isEmpty {
                let key = StoredReturn.key(name.text)
                if let first = firstRow[key] {
                    fine = false
                    collector.report(Diagnostic(
                        .collectOrganisationInvalid, "row \(row) names '\(name.text)' again: each organisation is invited once",
                        at: at(row, name.column), notes: [.init("first named here", at: at(first, name.column))]))
                } else {
                    firstRow[key] = row
                }
            }
            if fine { organisations.append(.init(name: name.text, type: type.text, region: region.text)) }
        }
        guard !collector.diagnostics(since: mark).containsErrors else { return nil }
        guard !organisations.isEmpty else { return refuse("it names no organisation") }
        return organisations
    }

    /// The links file: one row per organisation, with its invitation link (the only copy of the token).
    static func links(_ invitations: [CollectStore.Invitation], baseURL: String) -> String {
        var lines = ["organisation,type,region,link"]
        for invitation in invitations {
            let organisation = invitation.organisation
            lines.append([organisation.name, organisation.type, organisation.region, invitationLink(invitation.token, baseURL: baseURL)]
                .map(CSVField.escaped).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Where a token's link points: the server's `/start/TOKEN`, under the base URL.
    public static func invitationLink(_ token: String, baseURL: String) -> String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/start/" + token
    }
}
