import Foundation
import StrategyModel
import StrategyRender
import StrategyDiagnostics
import StrategySupport

/// The blank assessment workbook and its CSV twin, laid out from the model.
///
/// Layout (documented for councils in docs/workbook.md, and stable so that completed workbooks can be read
/// back by id):
/// - **How to use**: purpose, steps, the levels, the scoring rule, the edition and content hash.
/// - **Assessment**: one row per published indicator (key areas, then enablers, in toolkit order). Theme,
///   key area and indicator are repeated on every row rather than merged, so filters and screen readers
///   see each row whole. Current and target level are dropdowns; evidence, actions, owner and review date
///   are free; each level's descriptor sits in a wrapped column beside the row, so the assessor reads
///   the descriptions while choosing, without switching sheets. Hidden, locked columns at the end hold
///   the key-area and indicator ids and each row's level numbers.
/// - **Summary**: one row per key area and enabler, with target, current and gap computed by formula, a
///   weight, the weighted target and current levels below the table, and a radar chart of current against
///   target.
///
/// A variant's workbook (`variant` set) keeps every national column where it is, so a completed return
/// reads the same whichever workbook it came from, and adds: its default targets filled into the Target
/// cells (still editable), its weights, an Origin column after the level descriptions (national, changed
/// by a layer, or local), a hidden column holding each row's default target (so that a workbook that only
/// holds the defaults is still recognised as blank), and the variant, base edition and base hash in its
/// stamp.
/// - **Lists** (hidden): the level names, behind the defined name `Levels` that every dropdown uses.
/// - **Metadata** (hidden): edition, content hash, title, generator, layout version.
struct AssessmentWorkbook {
    /// Raised when the layout changes in a way a reader of completed workbooks must know about.
    static let layoutVersion = AssessmentLayout.versionPrefix + "3"
    static let assessmentSheetName = AssessmentLayout.assessmentSheetName
    static let summarySheetName = AssessmentLayout.summarySheetName
    /// Excel's limit on the characters in one cell.
    static let cellLimit = 32_767

    let published: PublishedStrategy
    let stamp: PublicationStamp
    /// The variant's targets, weights, origins and base, or nil for the national workbook.
    var variant: WorkbookVariant? = nil
    /// The answers to fill in, or nil for a blank workbook.
    var filled: FilledReturn? = nil

    var strategy: Strategy { published.strategy }
    var hash: ContentHash { stamp.hash }
    var generator: String { stamp.generator }

    /// The published rows: every indicator of every active key area and enabler, in toolkit order.
    struct Row {
        var theme: Theme
        var keyArea: KeyArea
        var indicator: Indicator
    }

    var rows: [Row] {
        published.themes.flatMap { group in
            group.keyAreas.flatMap { area in area.indicators.map { Row(theme: group.theme, keyArea: area, indicator: $0) } }
        }
    }

    // MARK: - Assessment columns

    var levelCount: Int { strategy.levels.count }
    static let themeColumn = 0, keyAreaColumn = 1, indicatorColumn = 2, currentColumn = 3, targetColumn = 4
    static let evidenceColumn = 5, actionsColumn = 6, ownerColumn = 7, reviewDateColumn = 8, firstDescriptorColumn = 9
    /// A variant's Origin column, right after the level descriptions.
    var originColumn: Int? { variant == nil ? nil : Self.firstDescriptorColumn + levelCount }
    var keyAreaIDColumn: Int { Self.firstDescriptorColumn + levelCount + (variant == nil ? 0 : 1) }
    var indicatorIDColumn: Int { keyAreaIDColumn + 1 }
    var currentNumberColumn: Int { keyAreaIDColumn + 2 }
    var targetNumberColumn: Int { keyAreaIDColumn + 3 }
    /// A variant's hidden column of default targets.
    var defaultTargetColumn: Int? { variant == nil ? nil : keyAreaIDColumn + 4 }

    var assessmentHeaders: [String] {
        typealias Header = CompletedReturn.Column
        return ["Theme", "Key area or enabler", "Indicator"]
            + [Header.current, .target, .evidence, .actions, .owner, .reviewDate].map(\.rawValue)
            + strategy.levels.map { "\($0.name): what it looks like" }
            + (variant == nil ? [] : ["Origin"])
            + ["Key area id", Header.indicatorID.rawValue, "Current level number", "Target level number"]
            + (variant == nil ? [] : [AssessmentLayout.defaultTargetHeader])
    }

    /// The level name a row's Target cell starts with: the variant's default target for its key area.
    func defaultTarget(of row: Row) -> String? {
        guard let id = variant?.defaultTargets[row.keyArea.id] else { return nil }
        return strategy.levels.first { $0.id == id }?.name
    }

    // MARK: - Building

    func document(reportingTo collector: DiagnosticCollector) -> WorkbookDocument {
        checkCellLimits(reportingTo: collector)
        let levelRange = "Lists!$A$2:$A$\(levelCount + 1)"
        return WorkbookDocument(
            properties: .init(
                title: "\(strategy.title): assessment workbook",
                subject: "Self-assessment against the \(strategy.edition) edition",
                author: strategy.publisher, company: strategy.publisher,
                keywords: "edition \(strategy.edition); sha256 \(hash.hex)"
                    + (variant.map { "; variant \($0.id); base sha256 \($0.baseHash)" } ?? ""),
                comments: "Generated by \(generator) from the model with content hash \(hash.hex).",
                created: creationDate),
            customProperties: [
                .init(name: "Edition", value: strategy.edition), .init(name: "Content hash", value: hash.hex),
                .init(name: "Strategy title", value: strategy.title), .init(name: "Generator", value: generator),
                .init(name: "Workbook layout", value: Self.layoutVersion),
            ] + variantStamp.map { .init(name: $0.0, value: $0.1) },
            definedNames: [.init(name: "Levels", value: "=" + levelRange)] + aboutDefinedNames,
            sheets: [howToUseSheet, aboutSheet, assessmentSheet, summarySheet, listsSheet, metadataSheet])
    }

    /// The strategy's publication date, or 1 January of a numeric edition: a fixed, meaningful timestamp.
    var creationDate: SimpleDate {
        if let published = strategy.published?.split(separator: "-").compactMap({ Int($0) }), published.count == 3 {
            return SimpleDate(year: published[0], month: published[1], day: published[2])
        }
        return SimpleDate(year: Int(strategy.edition.prefix(4)) ?? 2000, month: 1, day: 1)
    }

    private func checkCellLimits(reportingTo collector: DiagnosticCollector) {
        for row in rows {
            for descriptor in row.indicator.descriptors where descriptor.text.plainText.utf16.count > Self.cellLimit {
                collector.report(Diagnostic(
                    .workbookCellTooLong,
                    "the '\(descriptor.levelID)' descriptor of '\(row.indicator.title)', in '\(row.keyArea.title)', has \(descriptor.text.plainText.utf16.count) characters; a spreadsheet cell holds at most \(Self.cellLimit)",
                    at: descriptor.range))
            }
        }
    }

    private var howToUseSheet: Sheet {
        var lines: [(String, CellStyle)] = [
            ("\(strategy.title): assessment workbook", .title),
            ("Edition \(strategy.edition). Content hash (SHA-256 of model.json): \(hash.hex).", .text),
        ]
        if let variant {
            lines += [
                ("A local variant: \(variant.layers.joined(separator: " on ")), built on the national strategy, edition \(variant.baseEdition) (content hash \(variant.baseHash)).", .text),
                ("The Target level cells start at the variant's default targets; change them where the council aims elsewhere. The Origin column says whether an indicator is national, national with local wording, or local. Local indicators are the variant's own: they never count in a comparison with the national strategy.", .text),
            ]
        }
        lines += [
            ("", .text),
            ("What this workbook is for", .heading),
            ("Use it to set a target level of maturity for each key area and enabler, record where the council stands today, and plan how to close the gap. It matches the published toolkit of the same edition and content hash exactly.", .text),
            ("", .text),
            ("How to fill it in", .heading),
            ("1. On the About sheet, say who is answering: organisation, type, region, your role and department, the date and round, and whether the answers were checked by someone outside the council.", .text),
            ("2. On the Assessment sheet, each row is one indicator. Read the descriptions in the level columns to the right of the row.", .text),
            ("3. Choose the Target level you want to reach for the indicator from the dropdown.", .text),
            ("4. Choose the Current level: the highest level whose description matches what the council does today.", .text),
            ("5. Note the evidence, the actions that will close the gap, an owner and a review date (YYYY-MM-DD).", .text),
            ("6. The Summary sheet then shows each key area's target, current level and gap, and a radar chart.", .text),
            ("Only the yellow cells can be changed. Several people can each fill in a copy; keep one file per respondent.", .text),
        ]
        if let form = strategy.assessmentForm {
            lines += [("", .text), ("Who is answering", .heading)]
            lines += form.guidance.plainText.components(separatedBy: "\n\n").map { ($0.replacingOccurrences(of: "\n", with: " "), .text) }
        }
        lines += [
            ("", .text),
            ("How the summary is scored", .heading),
            ("Levels are numbered from 1 (\(strategy.levels.first?.name ?? "")) to \(levelCount) (\(strategy.levels.last?.name ?? "")).", .text),
            ("Current level of a key area: the lowest current level among its indicators, because an area is only as mature as its weakest indicator. It is shown once every indicator of the area has a current level.", .text),
            ("Target level of a key area: the highest target set for any of its indicators.", .text),
            ("Gap: target minus current, in levels (0 when the target is met).", .text),
            ("Weighted levels, below the table: the average of the key areas' target levels, and of their current levels, each area counted as many times as its weight. Only areas with a value count. \(variant == nil ? "In the national workbook every weight is 1." : "The weights are the variant's priorities.")", .text),
            ("", .text),
            ("The levels", .heading),
        ]
        for (index, level) in strategy.levels.enumerated() {
            lines.append(("\(index + 1). \(level.name)" + (level.summary.map { ": \($0)" } ?? ""), .text))
        }
        lines += [
            ("", .text),
            ("About this file", .heading),
            ("Generated by \(generator). Workbook layout \(Self.layoutVersion). The hidden columns at the end of the Assessment sheet hold the stable ids of key areas and indicators, so a completed workbook can be read back even if titles change in a later edition.", .text),
        ]
        let cells = lines.enumerated().map { Cell(row: $0.offset, column: 0, value: .text($0.element.0), style: $0.element.1) }
        var sheet = Sheet(name: "How to use", columns: [Column(width: 100)], cells: cells)
        for (index, line) in lines.enumerated() where line.1 == .text {
            sheet.rowHeights[index] = estimatedRowHeight([(line.0, 100)])
        }
        sheet.rowHeights[0] = 24
        return sheet
    }

    private var assessmentSheet: Sheet {
        // Printed, the sheet is the action plan (theme to review date); the level descriptions, which would
        // need several pages across, are read on screen or in the published toolkit.
        var sheet = Sheet(name: Self.assessmentSheetName, frozenRows: 1, frozenColumns: 3,
                          print: .landscapeColumns(through: Self.reviewDateColumn, lastRow: rows.count))
        sheet.columns = [18, 26, 30, 15, 15, 40, 40, 18, 14].map { Column(width: $0) }
            + Array(repeating: Column(width: 45), count: levelCount)
            + (variant == nil ? [] : [Column(width: 30)])
            + [Column(width: 24, hidden: true), Column(width: 30, hidden: true), Column(width: 8, hidden: true),
               Column(width: 8, hidden: true)]
            + (variant == nil ? [] : [Column(width: 15, hidden: true)])
        sheet.cells = assessmentHeaders.enumerated().map { Cell(row: 0, column: $0.offset, value: .text($0.element), style: .header) }
        for (index, row) in rows.enumerated() {
            let r = index + 1, excelRow = r + 1
            var cells: [Cell] = [
                Cell(row: r, column: Self.themeColumn, value: .text(row.theme.title), style: .text),
                Cell(row: r, column: Self.keyAreaColumn, value: .text(row.keyArea.title), style: .text),
                Cell(row: r, column: Self.indicatorColumn, value: .text(row.indicator.title), style: .text),
            ]
            for column in [Self.currentColumn, Self.targetColumn, Self.evidenceColumn, Self.actionsColumn, Self.ownerColumn] {
                cells.append(Cell(row: r, column: column, value: .blank, style: .input))
            }
            cells.append(Cell(row: r, column: Self.reviewDateColumn, value: .blank, style: .inputDate))
            if let target = defaultTarget(of: row), let index = cells.firstIndex(where: { $0.column == Self.targetColumn }) {
                cells[index].value = .text(target)
            }
            if let answer = filled?.rows[row.indicator.id] {
                for (column, value) in Self.answerColumns(answer) where !value.isEmpty {
                    if let index = cells.firstIndex(where: { $0.column == column }) { cells[index].value = .text(value) }
                }
            }
            for (offset, level) in strategy.levels.enumerated() {
                let text = row.indicator.descriptor(for: level.id)?.text.plainText ?? ""
                cells.append(Cell(row: r, column: Self.firstDescriptorColumn + offset,
                                  value: .text(text), style: .text))
            }
            if let originColumn {
                cells.append(Cell(row: r, column: originColumn, value: .text(variant?.origins[row.indicator.id] ?? "National"),
                                  style: .text))
            }
            cells.append(Cell(row: r, column: keyAreaIDColumn, value: .text(row.keyArea.id), style: .text))
            cells.append(Cell(row: r, column: indicatorIDColumn, value: .text(row.indicator.id), style: .text))
            let current = "\(columnLetter(Self.currentColumn))\(excelRow)", target = "\(columnLetter(Self.targetColumn))\(excelRow)"
            cells.append(Cell(row: r, column: currentNumberColumn,
                              value: .formula("IF(\(current)=\"\",\"\",IFERROR(MATCH(\(current),Levels,0),\"\"))"), style: .computed))
            cells.append(Cell(row: r, column: targetNumberColumn,
                              value: .formula("IF(\(target)=\"\",\"\",IFERROR(MATCH(\(target),Levels,0),\"\"))"), style: .computed))
            if let defaultTargetColumn {
                cells.append(Cell(row: r, column: defaultTargetColumn, value: defaultTarget(of: row).map(Cell.Value.text) ?? .blank,
                                  style: .text))
            }
            sheet.cells += cells
            sheet.rowHeights[r] = estimatedRowHeight(cells.compactMap { cell in
                guard case .text(let text) = cell.value, !sheet.columns[cell.column].hidden else { return nil }
                return (text, sheet.columns[cell.column].width)
            })
        }
        sheet.rowHeights[0] = 32
        let last = rows.count
        let levelNames = strategy.levels.map(\.name).joined(separator: ", ")
        sheet.validations = [
            Validation(firstRow: 1, lastRow: last, column: Self.currentColumn, rule: .list(definedName: "Levels"),
                       inputTitle: "Current level", inputMessage: "The level whose description matches practice today.",
                       errorMessage: "Choose one of the levels: \(levelNames)."),
        ] + targetGuidance.map { run in
            Validation(firstRow: run.first, lastRow: run.last, column: Self.targetColumn, rule: .list(definedName: "Levels"),
                       inputTitle: "Target level", inputMessage: run.message,
                       errorMessage: "Choose one of the levels: \(levelNames).")
        } + [
            Validation(firstRow: 1, lastRow: last, column: Self.reviewDateColumn, rule: .dateOnOrAfter(SimpleDate(year: 2000, month: 1, day: 1)),
                       inputTitle: "Review date", inputMessage: "A date, written YYYY-MM-DD.",
                       errorMessage: "Enter a date on or after 2000-01-01, written YYYY-MM-DD."),
        ]
        sheet.autofilter = FilterArea(firstRow: 0, lastRow: last, lastColumn: Self.reviewDateColumn)
        return sheet
    }

    /// The guidance of the Target cells, by runs of rows (0-based, header at 0) with the same message: a key
    /// area a variant prioritises says so, with what its weight does, where the target is chosen.
    var targetGuidance: [(first: Int, last: Int, message: String)] {
        var runs: [(first: Int, last: Int, message: String)] = []
        for (index, row) in rows.enumerated() {
            var message = "The level the council aims to reach."
            if let priority = variant?.priorities[row.keyArea.id] {
                message += " This variant gives this key area \(priority)."
            }
            if let previous = runs.last, previous.message == message, previous.last == index {
                runs[runs.count - 1].last = index + 1
            } else {
                runs.append((index + 1, index + 1, message))
            }
        }
        return runs
    }

    /// The Summary sheet's columns, by what they hold; formulas name these, never letters.
    enum Summary {
        static let theme = 0, keyArea = 1, targetLevel = 2, currentLevel = 3, gap = 4, weight = 5, targetNumber = 6,
                   currentNumber = 7, keyAreaID = 8
    }

    /// Key areas and enablers with the first and last Assessment rows (Excel numbering) of their indicators.
    var summaryAreas: [(theme: Theme, area: KeyArea, first: Int, last: Int)] {
        var result: [(Theme, KeyArea, Int, Int)] = []
        var excelRow = 2
        for group in published.themes {
            for area in group.keyAreas where !area.indicators.isEmpty {
                result.append((group.theme, area, excelRow, excelRow + area.indicators.count - 1))
                excelRow += area.indicators.count
            }
        }
        return result
    }

    private var summarySheet: Sheet {
        var sheet = Sheet(name: Self.summarySheetName, frozenRows: 1, frozenColumns: 2, print: .landscapeOnePage)
        sheet.columns = [22, 40, 15, 15, 12, 10, 12, 12].map { Column(width: $0) } + [Column(width: 30, hidden: true)]
        let headers = ["Theme", "Key area or enabler", "Target level", "Current level", "Gap (levels)", "Weight",
                       "Target (1 to \(levelCount))", "Current (1 to \(levelCount))", "Key area id"]
        sheet.cells = headers.enumerated().map { Cell(row: 0, column: $0.offset, value: .text($0.element), style: .header) }
        let currentNumbers = columnLetter(currentNumberColumn), targetNumbers = columnLetter(targetNumberColumn)
        let targetNumber = columnLetter(Summary.targetNumber), currentNumber = columnLetter(Summary.currentNumber)
        for (index, entry) in summaryAreas.enumerated() {
            let r = index + 1, n = r + 1
            let currentRange = "Assessment!$\(currentNumbers)$\(entry.first):$\(currentNumbers)$\(entry.last)"
            let targetRange = "Assessment!$\(targetNumbers)$\(entry.first):$\(targetNumbers)$\(entry.last)"
            let target = "\(targetNumber)\(n)", current = "\(currentNumber)\(n)"
            sheet.cells += [
                Cell(row: r, column: Summary.theme, value: .text(entry.theme.title), style: .text),
                Cell(row: r, column: Summary.keyArea, value: .text(entry.area.title), style: .text),
                Cell(row: r, column: Summary.targetLevel,
                     value: .formula("IF(\(target)=\"\",\"\",INDEX(Levels,\(target)))"), style: .computed),
                Cell(row: r, column: Summary.currentLevel,
                     value: .formula("IF(\(current)=\"\",\"\",INDEX(Levels,\(current)))"), style: .computed),
                Cell(row: r, column: Summary.gap,
                     value: .formula("IF(OR(\(target)=\"\",\(current)=\"\"),\"\",MAX(0,\(target)-\(current)))"),
                     style: .computed),
                Cell(row: r, column: Summary.weight, value: .number(variant?.weight(of: entry.area.id) ?? 1), style: .text),
                // The target is the highest target set for any indicator; the current level is the lowest
                // reached, and only once every indicator is assessed.
                Cell(row: r, column: Summary.targetNumber,
                     value: .formula("IF(COUNT(\(targetRange))=0,\"\",MAX(\(targetRange)))"), style: .computed),
                Cell(row: r, column: Summary.currentNumber,
                     value: .formula("IF(COUNT(\(currentRange))<ROWS(\(currentRange)),\"\",MIN(\(currentRange)))"),
                     style: .computed),
                Cell(row: r, column: Summary.keyAreaID, value: .text(entry.area.id), style: .text),
            ]
            sheet.rowHeights[r] = estimatedRowHeight([(entry.theme.title, 22), (entry.area.title, 40)])
        }
        sheet.rowHeights[0] = 32
        let last = summaryAreas.count + 1
        func summaryRange(_ column: Int) -> String {
            let letter = columnLetter(column)
            return "=\(Self.summarySheetName)!$\(letter)$2:$\(letter)$\(last)"
        }
        // Each weighted level is Σ weight × level / Σ weight over the areas that have a level; non-numbers
        // (an area not yet assessed shows "") count as 0 in SUMPRODUCT, and ISNUMBER leaves their weight out.
        let weights = "$\(columnLetter(Summary.weight))$2:$\(columnLetter(Summary.weight))$\(last)"
        for (offset, (label, column)) in [("Weighted target level (1 to \(levelCount))", Summary.targetNumber),
                                           ("Weighted current level (1 to \(levelCount))", Summary.currentNumber)].enumerated() {
            let letter = columnLetter(column), levels = "$\(letter)$2:$\(letter)$\(last)"
            let counted = "SUMPRODUCT(\(weights),--ISNUMBER(\(levels)))"
            sheet.cells += [
                Cell(row: last + 1 + offset, column: Summary.keyArea, value: .text(label), style: .header),
                Cell(row: last + 1 + offset, column: Summary.targetLevel,
                     value: .formula("IF(\(counted)=0,\"\",ROUND(SUMPRODUCT(\(weights),\(levels))/\(counted),2))"),
                     style: .computed),
            ]
        }
        sheet.charts = [Chart(
            title: "Current and target maturity by key area",
            description: "Radar chart comparing, for each key area and enabler, the current level (lowest level reached across its indicators) with the target level, on a scale from 1 (\(strategy.levels.first?.name ?? "")) to \(levelCount) (\(strategy.levels.last?.name ?? "")). The same figures are in the table above.",
            series: [
                .init(name: "Target", categories: summaryRange(Summary.keyArea), values: summaryRange(Summary.targetNumber)),
                .init(name: "Current", categories: summaryRange(Summary.keyArea), values: summaryRange(Summary.currentNumber)),
            ],
            maximum: Double(levelCount), row: last + 4, column: 0)]
        return sheet
    }

    private var listsSheet: Sheet {
        var sheet = Sheet(name: "Lists", hidden: true,
                          columns: [Column(width: 20), Column(width: 10)] + aboutLists.map { _ in Column(width: 30) })
        sheet.cells = [Cell(row: 0, column: 0, value: .text("Level"), style: .header),
                       Cell(row: 0, column: 1, value: .text("Number"), style: .header)] + aboutListCells
        for (index, level) in strategy.levels.enumerated() {
            sheet.cells.append(Cell(row: index + 1, column: 0, value: .text(level.name), style: .text))
            sheet.cells.append(Cell(row: index + 1, column: 1, value: .number(Double(index + 1)), style: .text))
        }
        return sheet
    }

    /// Key/value rows a reader checks before trusting a completed workbook.
    var metadata: [(String, String)] {
        [("Strategy title", strategy.title), ("Edition", strategy.edition), ("Publisher", strategy.publisher),
         ("Published", strategy.published ?? ""), ("Content hash", hash.hex), ("Generator", generator),
         ("Workbook layout", Self.layoutVersion), ("Level ids", strategy.levels.map(\.id).joined(separator: " ")),
         ("Indicator rows", String(rows.count))] + variantStamp
    }

    /// What a variant's stamp adds: which variant, and the national base it was built on.
    var variantStamp: [(String, String)] {
        guard let variant else { return [] }
        return [("Variant", variant.id), ("Variant title", variant.title),
                ("Variant layers", variant.layers.joined(separator: " > ")), ("Base edition", variant.baseEdition),
                ("Base content hash", variant.baseHash), ("Variant content hash", hash.hex),
                ("Local indicators", variant.localIndicators.sorted().joined(separator: " "))]
    }

    private var metadataSheet: Sheet {
        var sheet = Sheet(name: AssessmentLayout.metadataSheetName, hidden: true, columns: [Column(width: 20), Column(width: 70)])
        sheet.cells = [Cell(row: 0, column: 0, value: .text("Key"), style: .header),
                       Cell(row: 0, column: 1, value: .text("Value"), style: .header)]
        for (index, entry) in metadata.enumerated() {
            sheet.cells.append(Cell(row: index + 1, column: 0, value: .text(entry.0), style: .text))
            sheet.cells.append(Cell(row: index + 1, column: 1, value: .text(entry.1), style: .text))
        }
        return sheet
    }

    /// A filled row's answers by the column each goes in.
    static func answerColumns(_ answer: FilledReturn.Row) -> [(Int, String)] {
        [(currentColumn, answer.current), (targetColumn, answer.target), (evidenceColumn, answer.evidence),
         (actionsColumn, answer.actions), (ownerColumn, answer.owner), (reviewDateColumn, answer.reviewDate)]
    }

    // MARK: - CSV

    /// The Assessment rows as RFC 4180 CSV in UTF-8, without the computed columns, followed by one column
    /// per About question (a CSV has no second sheet: a respondent fills them in on the first row, or on
    /// every row). A field that a spreadsheet would read as a formula (starting `=`, `+`, `-`, `@`, tab or
    /// carriage return) gets a leading apostrophe, as OWASP advises against CSV injection.
    func csv() -> String {
        let headers = Array(assessmentHeaders.prefix(indicatorIDColumn + 1)) + AssessmentLayout.aboutQuestions.map(\.label)
        var lines = [headers.map(CSVField.escaped).joined(separator: ",")]
        for row in rows {
            var fields = [row.theme.title, row.keyArea.title, row.indicator.title, "", defaultTarget(of: row) ?? "", "", "", "", ""]
            if let answer = filled?.rows[row.indicator.id] {
                for (column, value) in Self.answerColumns(answer) where !value.isEmpty { fields[column] = value }
            }
            fields += strategy.levels.map { row.indicator.descriptor(for: $0.id)?.text.plainText ?? "" }
            if variant != nil { fields.append(variant?.origins[row.indicator.id] ?? "National") }
            fields += [row.keyArea.id, row.indicator.id]
            // The About answers stand in the first row (where the reader takes them from).
            fields += AssessmentLayout.aboutQuestions.map { row.indicator.id == rows.first?.indicator.id ? filled?.about(named: $0.definedName) ?? "" : "" }
            lines.append(fields.map(CSVField.escaped).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
