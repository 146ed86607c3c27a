import Foundation
import StrategyModel
import StrategyDiagnostics

/// The living-strategy rules across editions: a published id never silently disappears, never changes in
/// place, and once retired is never used again.
///
/// An element that is gone is reported where it would be seen: a deleted key-area file at its old path, a
/// deleted indicator in its key area's file where it used to sit. Each gets two fix-its, to restore it as
/// it was, or to keep it retired (then `replaced_by` can say what took its place); and a note at its place
/// in the previous edition. An id that may be in a file or heading that could not be built is never
/// reported as gone (`Strategy.unbuilt(mayHoldKeyArea:)`): the file is there, only broken, and says so.
struct ContinuityRule: Rule {
    var subject: RuleSubject { .previousEdition }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        guard let previous = context.previousEdition else { return }
        collector.report(Comparison(previous: previous.strategy, previousLabel: previous.label,
                                    displayPath: previous.displayPath, strategyFolder: previous.strategyFolder)
            .findings(in: context.strategy))
    }
}

/// One comparison of the current edition with the previous one.
private struct Comparison {
    let previous: Strategy
    let previousLabel: String
    let displayPath: (String) -> String
    let strategyFolder: String

    func findings(in current: Strategy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let currentAreas = Dictionary(current.allKeyAreas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let currentIndicators = Dictionary(
            current.allKeyAreas.flatMap { area in area.indicators.map { ($0.id, (area, $0)) } },
            uniquingKeysWith: { first, _ in first })
        let previousIDs = Set(previous.allKeyAreas.map(\.id) + previous.allIndicators.map(\.id))
        let edition = current.edition

        for old in previous.allKeyAreas {
            if let now = currentAreas[old.id] {
                if old.status == .retired && now.status == .active {
                    diagnostics.append(reused(old.id, what: "key area", retiredIn: old.retirement?.edition, at: now.idRange,
                                              previousRange: old.idRange))
                }
                for oldIndicator in old.indicators {
                    let holders = currentIndicators[oldIndicator.id] == nil ? current.unbuilt(mayHoldIndicator: oldIndicator.id) : []
                    guard holders.isEmpty else {
                        diagnostics += holders.map(\.uncheckedNote)
                        continue
                    }
                    diagnostics += checkIndicator(oldIndicator, of: old, in: now, currentIndicators: currentIndicators,
                                                  previousIDs: previousIDs, edition: edition)
                }
                continue
            }
            if currentIndicators[old.id] != nil { continue }  // became an indicator: a change of kind, still present
            // It may be in a file that could not be built: no verdict, and above all no fix-it restoring the
            // old file over what the editor wrote (the compiler says once that the file's ids were not checked).
            let holders = current.unbuilt(mayHoldKeyArea: old.id)
            guard holders.isEmpty else {
                diagnostics += holders.map(\.uncheckedNote)
                continue
            }
            if let renamed = current.allKeyAreas.first(where: { $0.source == old.source && !previousIDs.contains($0.id) }) {
                diagnostics.append(Diagnostic(
                    .idChanged,
                    "key area id changed from '\(old.id)' to '\(renamed.id)'; a published id never changes "
                        + "(links, returns and variants use it): keep '\(old.id)' and change only the title",
                    at: renamed.idRange,
                    notes: [.init("'\(old.id)' in \(previousLabel)", at: shown(old.idRange))],
                    fixIts: [FixIt("restore the id '\(old.id)'", range: renamed.idRange, replacement: old.id)]))
                continue
            }
            diagnostics.append(removedKeyArea(old, edition: edition))
        }
        for old in previous.allIndicators where old.status == .retired {
            guard let (_, now) = currentIndicators[old.id], now.status == .active else { continue }
            diagnostics.append(reused(old.id, what: "indicator", retiredIn: old.retirement?.edition, at: now.idRange,
                                      previousRange: old.idRange))
        }
        return diagnostics
    }

    // MARK: - Indicators

    private func checkIndicator(_ old: Indicator, of oldArea: KeyArea, in area: KeyArea,
                                currentIndicators: [String: (KeyArea, Indicator)], previousIDs: Set<String>,
                                edition: String) -> [Diagnostic] {
        guard currentIndicators[old.id] == nil else { return [] }  // still there (perhaps moved)
        let oldIndex = oldArea.indicators.firstIndex { $0.id == old.id } ?? 0
        let newcomers = area.indicators.filter { !previousIDs.contains($0.id) }
        if let renamed = newcomers.first(where: { $0.title == old.title })
            ?? (oldIndex < area.indicators.count && newcomers.contains(area.indicators[oldIndex]) ? area.indicators[oldIndex] : nil) {
            return [Diagnostic(
                .idChanged,
                "indicator id changed from '\(old.id)' to '\(renamed.id)'; a published id never changes "
                    + "(returns and variants use it): keep '\(old.id)', or retire it and add '\(renamed.id)' as a new indicator",
                at: renamed.idRange,
                notes: [.init("'\(old.id)' in \(previousLabel)", at: shown(old.idRange))],
                fixIts: [FixIt("restore the id '\(old.id)'", range: renamed.idRange, replacement: old.id)])]
        }
        // Where it used to sit: before the indicator that followed it, if that is still here.
        let followers = oldArea.indicators[(oldIndex + 1)...].compactMap { next in area.indicators.first { $0.id == next.id } }
        let line = followers.first?.range.start.line ?? area.range.end.line + 1
        let insertion = SourceRange(at: SourceLocation(path: area.sourcePath, line: line, column: 1))
        let block = indicatorText(old, of: oldArea)
        var fixIts: [FixIt] = []
        if let block {
            fixIts.append(FixIt("restore the indicator as it was in \(previousLabel)", range: insertion, replacement: block))
            if old.status == .active {
                fixIts.append(FixIt("keep it, retired in \(edition) (add `replaced_by=ID` if another indicator takes its place)",
                                    range: insertion, replacement: retiring(block, id: old.id, edition: edition)))
            }
        }
        return [Diagnostic(
            .idRemoved,
            "indicator '\(old.id)' (\(old.title)) of \(previousLabel) is gone from key area '\(area.id)'; "
                + "a published indicator is never deleted: restore it, or keep it with `retired_in=\(edition)`",
            at: insertion,
            notes: [.init("it was here in \(previousLabel)", at: shown(old.range))],
            fixIts: fixIts)]
    }

    /// The indicator's Markdown in the previous edition: its heading up to the next `###` or `##` heading.
    private func indicatorText(_ indicator: Indicator, of area: KeyArea) -> String? {
        guard let text = try? String(contentsOfFile: area.sourcePath, encoding: .utf8) else { return nil }
        let lines = text.components(separatedBy: "\n")
        let start = indicator.range.start.line - 1
        guard start >= 0, start < lines.count else { return nil }
        var end = start + 1
        while end < lines.count, !lines[end].hasPrefix("### "), !lines[end].hasPrefix("## ") { end += 1 }
        return lines[start..<end].joined(separator: "\n") + "\n"
    }

    /// `### Title {#id}` → `### Title {#id retired_in=EDITION}`.
    private func retiring(_ block: String, id: String, edition: String) -> String {
        block.replacingOccurrences(of: "{#\(id)}", with: "{#\(id) retired_in=\(edition)}")
    }

    // MARK: - Key areas

    private func removedKeyArea(_ old: KeyArea, edition: String) -> Diagnostic {
        let path = (strategyFolder.hasSuffix("/") ? strategyFolder : strategyFolder + "/") + old.source
        let start = SourceRange(at: SourceLocation(path: path, line: 1, column: 1))
        var fixIts: [FixIt] = []
        if let text = try? String(contentsOfFile: old.sourcePath, encoding: .utf8) {
            fixIts.append(FixIt("restore \(old.source) as it was in \(previousLabel)", range: start, replacement: text))
            if old.status == .active {
                let retired = text.replacingOccurrences(
                    of: "\nstatus: active", with: "\nstatus: retired\nretired_in: \(edition)")
                fixIts.append(FixIt("restore it retired in \(edition) (add `replaced_by:` if another key area takes its place)",
                                    range: start, replacement: retired))
            }
        }
        return Diagnostic(
            .idRemoved,
            "key area '\(old.id)' (\(old.title)) of \(previousLabel) is gone; a published key area is never "
                + "deleted: restore its file, or keep it with `status: retired` and `retired_in: \(edition)`",
            at: SourceRange(at: .wholeFile(path)),
            notes: [.init("it was defined here in \(previousLabel)", at: shown(old.idRange))],
            fixIts: fixIts)
    }

    // MARK: - Shared

    private func reused(_ id: String, what: String, retiredIn: String?, at range: SourceRange,
                        previousRange: SourceRange) -> Diagnostic {
        Diagnostic(
            .retiredIDReused,
            "\(what) id '\(id)' was retired\(retiredIn.map { " in edition \($0)" } ?? "") and is used again; "
                + "a retired id is never reused, so that old links and returns cannot be mistaken for it: give this a new id",
            at: range,
            notes: [.init("retired in \(previousLabel) here", at: shown(previousRange))])
    }

    private func shown(_ range: SourceRange) -> SourceRange {
        var range = range
        range.start.path = displayPath(range.start.path)
        range.end.path = displayPath(range.end.path)
        return range
    }
}
