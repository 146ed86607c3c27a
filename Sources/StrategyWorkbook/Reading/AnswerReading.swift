import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Reads the answers out of a return's rows against the strategy it is read for, reporting every problem
/// at its cell in one pass, and carrying the answers of retired indicators to their replacements.
///
/// Rows are matched by the hidden indicator id, never by position or title, so a council that sorts,
/// filters or inserts rows reads back the same. A level cell must hold one of the strategy's level names
/// as text: a formula is refused even when its cached result is a level, since anything can be written
/// into a cached result.
struct AnswerReading {
    let strategy: Strategy
    let collector: DiagnosticCollector

    func read(_ table: ReturnTable, edition: String) -> (answers: [String: CompletedReturn.Answer], migration: CompletedReturn.Migration?) {
        let publishedIDs = PublishedStrategy(strategy).keyAreas.flatMap(\.indicators).map(\.id)
        let published = Set(publishedIDs)
        let all = Dictionary(strategy.allIndicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let levelIDs = Dictionary(strategy.levels.map { (Suggestion.normalize($0.name), $0.id) }, uniquingKeysWith: { first, _ in first })
        let levelNames = strategy.levels.map(\.name)
        guard let idColumn = table.columns[CompletedReturn.Column.indicatorID.rawValue] else { return ([:], nil) }

        var answers: [String: CompletedReturn.Answer] = [:]
        var firstRow: [String: Int] = [:]
        var migration = CompletedReturn.Migration(fromEdition: edition)
        var carriedAnswers: [(to: String, answer: CompletedReturn.Answer)] = []
        for row in table.rows.keys.filter({ $0 > 1 }).sorted() {
            guard let idCell = table.rows[row]?[idColumn] else { continue }
            if idCell.formula != nil {
                reportFormula(at: table.range(row, idColumn), what: "an indicator id", in: table, field: idCell.text)
                continue
            }
            let id = idCell.text
            guard !id.isEmpty else { continue }
            if let first = firstRow[id] {
                collector.report(Diagnostic(
                    .returnDuplicateIndicator, "a second row for indicator '\(id)': the hidden ids must not be copied or edited",
                    at: table.range(row, idColumn),
                    notes: [.init("the first row for it", at: table.range(first, idColumn))]))
                continue
            }
            firstRow[id] = row
            guard let indicator = all[id] else {
                collector.report(Diagnostic(
                    .returnUnknownIndicator, "row \(row) is for indicator '\(id)', which edition \(strategy.edition) does not have",
                    at: table.range(row, idColumn)))
                continue
            }
            let answer = readAnswer(row, in: table, levelIDs: levelIDs, levelNames: levelNames)
            if published.contains(id) {
                answers[id] = answer
                continue
            }
            // A retired indicator: its answers go to whatever replaced it, followed to the active ones.
            let replacements = activeReplacements(of: indicator, all: all, published: published)
            if replacements.isEmpty {
                migration.dropped.append(id)
            }
            for replacement in replacements {
                migration.carried.append(.init(from: id, to: replacement))
                carriedAnswers.append((replacement, answer))
            }
        }
        // An answer given directly wins over one carried; the first carried wins over later ones.
        for (to, answer) in carriedAnswers where answers[to] == nil {
            answers[to] = answer
        }
        let carriedTo = Set(carriedAnswers.map(\.to))
        let rowless = publishedIDs.filter { firstRow[$0] == nil && !carriedTo.contains($0) }
        // Only a return from another edition, or that carried or dropped something, has a migration: a
        // return of this edition with rows missing has had them deleted, which is not a migration.
        if edition != strategy.edition || !migration.carried.isEmpty || !migration.dropped.isEmpty {
            migration.new = rowless
            return (answers, migration)
        }
        return (answers, nil)
    }

    /// The active indicators that replace a retired one, following replacements that were retired in turn
    /// (a chain of editions), each once, in the order written.
    private func activeReplacements(of indicator: Indicator, all: [String: Indicator], published: Set<String>) -> [String] {
        var result: [String] = []
        var seen: Set<String> = [indicator.id]
        var queue = indicator.retirement?.replacementIDs ?? []
        while !queue.isEmpty {
            let id = queue.removeFirst()
            guard seen.insert(id).inserted else { continue }
            if published.contains(id) {
                result.append(id)
            } else if let next = all[id] {
                queue += next.retirement?.replacementIDs ?? []
            }
        }
        return result
    }

    private func readAnswer(_ row: Int, in table: ReturnTable, levelIDs: [String: String], levelNames: [String]) -> CompletedReturn.Answer {
        var answer = CompletedReturn.Answer()
        for (column, keyPath) in [(CompletedReturn.Column.current, \CompletedReturn.Answer.current), (.target, \.target)] {
            guard let number = table.columns[column.rawValue], let cell = table.rows[row]?[number] else { continue }
            let range = table.range(row, number)
            if cell.formula != nil {
                reportFormula(at: range, what: "a level", in: table, field: cell.text)
                continue
            }
            let value = cell.text
            guard !value.isEmpty else { continue }
            if let level = levelIDs[Suggestion.normalize(value)] {
                answer[keyPath: keyPath] = level
            } else {
                let suggestion = Suggestion.closest(to: value, among: levelNames)
                collector.report(Diagnostic(
                    .returnUnknownLevel,
                    "\"\(visible(value))\" is not a level; the levels are \(levelNames.joined(separator: ", "))"
                        + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    at: range, fixIts: suggestion.map { [FixIt("write '\($0)'", range: range, replacement: $0)] } ?? []))
            }
        }
        func text(_ column: CompletedReturn.Column) -> String {
            guard let number = table.columns[column.rawValue], let cell = table.rows[row]?[number] else { return "" }
            if cell.formula != nil {
                reportFormula(at: table.range(row, number), what: "an answer", in: table, field: cell.text)
                return ""
            }
            return cell.text
        }
        answer.evidence = text(.evidence)
        answer.actions = text(.actions)
        answer.owner = text(.owner)
        answer.reviewDate = text(.reviewDate)
        // A date typed into a spreadsheet is stored as a day number: given back as the date it shows.
        if let number = table.columns[CompletedReturn.Column.reviewDate.rawValue], let cell = table.rows[row]?[number],
           cell.isNumber, cell.formula == nil, let day = Double(cell.text) {
            answer.reviewDate = ReturnReader.isoDate(fromSerial: day)
        }
        return answer
    }

    private func reportFormula(at range: SourceRange, what: String, in table: ReturnTable, field: String) {
        guard table.isCSV, let first = field.first else { return collector.report(Self.formula(at: range, what: what)) }
        collector.report(Diagnostic(
            .returnFormula,
            "this field starts with '\(first)', so a spreadsheet opening the file would run it as a formula where \(what) is expected: write the value itself"
                + (what == "an answer" ? " (a leading apostrophe keeps it as text)" : ""),
            at: range))
    }

    /// A formula where `what` (a level, an answer) is expected: one message wherever in a return it is found.
    static func formula(at range: SourceRange, what: String) -> Diagnostic {
        Diagnostic(.returnFormula,
                   "this cell holds a formula where \(what) is expected; its stored result is not trusted: type the value itself",
                   at: range)
    }
}
