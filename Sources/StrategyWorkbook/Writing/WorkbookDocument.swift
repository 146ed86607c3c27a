/// A spreadsheet described as Swift values: what to write, not how.
///
/// The assessment layout is decided in `AssessmentWorkbook.swift` against this description, which tests
/// can inspect directly; `XLSXWriter.swift`, the only file that calls libxlsxwriter, turns it into a file.
struct WorkbookDocument: Equatable {
    struct Properties: Equatable {
        var title: String
        var subject: String
        var author: String
        var company: String
        var keywords: String
        var comments: String
        /// The creation date written into the file: the strategy's publication date, never the clock.
        var created: SimpleDate
    }

    struct NamedValue: Equatable {
        var name: String
        var value: String
    }

    var properties: Properties
    var customProperties: [NamedValue]
    /// Defined names and what they refer to (`Levels` → `=Lists!$A$2:$A$6`).
    var definedNames: [NamedValue]
    var sheets: [Sheet]
}

struct SimpleDate: Equatable {
    var year: Int
    var month: Int
    var day: Int
}

/// The area a sheet's filter buttons cover.
struct FilterArea: Equatable {
    var firstRow: Int
    var lastRow: Int
    var lastColumn: Int
}

/// The cell styles the workbook uses. Each becomes one libxlsxwriter format.
enum CellStyle: CaseIterable, Equatable {
    /// Sheet title: large and bold.
    case title
    /// Section heading on the How to use sheet.
    case heading
    /// A table's header row: bold, white on dark blue, wrapped, locked.
    case header
    /// Locked text, wrapped at the top of the cell.
    case text
    /// A cell the assessor fills in: unlocked, pale yellow, wrapped.
    case input
    /// An unlocked date cell shown as YYYY-MM-DD, which reads the same in every locale.
    case inputDate
    /// A locked computed value.
    case computed
}

struct Sheet: Equatable {
    var name: String
    var hidden = false
    /// Protected without a password: structure and locked cells cannot be changed, unlocked cells can.
    var protected = true
    /// Rows kept in view while scrolling (the header row).
    var frozenRows = 0
    /// Columns kept in view while scrolling sideways (the row labels).
    var frozenColumns = 0
    var columns: [Column] = []
    var cells: [Cell] = []
    var validations: [Validation] = []
    var charts: [Chart] = []
    /// The header row and last row of a filterable table, if any.
    var autofilter: FilterArea?
    var print = PrintLayout.portraitFitToWidth
    /// Heights in points of rows whose wrapped text needs more than one line. Spreadsheet programs do not
    /// all grow rows to fit wrapped text on opening, so the heights are estimated and written.
    var rowHeights: [Int: Double] = [:]
}

/// How a sheet prints on A4.
enum PrintLayout: Equatable {
    /// Portrait, scaled to one page wide.
    case portraitFitToWidth
    /// Landscape, scaled to fit one page (a table with its chart).
    case landscapeOnePage
    /// Landscape, one page wide, printing only the columns up to `lastColumn` and repeating the header
    /// row on every page.
    case landscapeColumns(through: Int, lastRow: Int)
}

/// Estimates the height of a row of wrapped cells: Arial 11 fits about 1.15 characters per unit of
/// column width, and a line takes 15 points.
func estimatedRowHeight(_ cells: [(text: String, width: Double)]) -> Double {
    // Counted in Unicode scalars, not characters: an estimate either way, and breaking graphemes cost a
    // noticeable part of a batch build.
    func wrapped(_ length: Int, _ width: Double) -> Int { max(1, Int((Double(length) / (width * 1.15)).rounded(.up))) }
    let lines = cells.map { text, width in
        var total = 0, length = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                total += wrapped(length, width)
                length = 0
            } else {
                length += 1
            }
        }
        return total + wrapped(length, width)
    }.max() ?? 1
    return Double(max(lines, 1)) * 15 + 3
}

struct Column: Equatable {
    var width: Double
    var hidden = false
}

struct Cell: Equatable {
    enum Value: Equatable {
        /// Always written as a string cell, so text that starts with `=`, `+`, `-` or `@` is never a formula.
        case text(String)
        case number(Double)
        /// A formula the workbook itself defines (never built from content).
        case formula(String)
        case blank
    }

    /// Zero-based.
    var row: Int
    var column: Int
    var value: Value
    var style: CellStyle
}

struct Validation: Equatable {
    enum Rule: Equatable {
        /// A dropdown whose choices come from a defined name, so no list separator (comma or semicolon)
        /// is ever parsed under the user's locale.
        case list(definedName: String)
        /// A date on or after this one.
        case dateOnOrAfter(SimpleDate)
        /// A whole number in this range (a year, such as the round of an assessment).
        case wholeNumber(ClosedRange<Int>)
    }

    var firstRow: Int
    var lastRow: Int
    var column: Int
    var rule: Rule
    var inputTitle: String
    var inputMessage: String
    var errorMessage: String
}

struct Chart: Equatable {
    struct Series: Equatable {
        var name: String
        var categories: String
        var values: String
    }

    var title: String
    /// Alt text, read by screen readers.
    var description: String
    var series: [Series]
    var maximum: Double
    var row: Int
    var column: Int
}
