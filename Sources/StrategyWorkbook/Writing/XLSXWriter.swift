import CXLSXWriter
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The project's only door to libxlsxwriter: writes a `WorkbookDocument` to XLSX bytes.
///
/// libxlsxwriter writes to a file, so the workbook goes to a private temporary file that is read back and
/// removed; no C pointer outlives `write(_:)`. The creation time comes from the document, so the same
/// document always gives the same bytes.
struct XLSXWriter {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    func write(_ document: WorkbookDocument) throws -> Data {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("strategyc-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var strings = CStrings()
        defer { strings.free() }
        guard let workbook = workbook_new(path) else { throw WriteError(description: "cannot create \(path)") }
        var session = Session(workbook: workbook, strings: strings)
        session.writeProperties(document)
        for sheet in document.sheets { session.writeSheet(sheet) }
        strings = session.strings
        let closed = workbook_close(workbook)
        if let failure = session.failure { throw WriteError(description: failure) }
        guard closed == LXW_NO_ERROR else { throw WriteError(description: String(cString: lxw_strerror(closed))) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WriteError(description: "the workbook was not written")
        }
        return data
    }

    /// C copies of Swift strings that must live until libxlsxwriter has read them.
    struct CStrings {
        private var pointers: [UnsafeMutablePointer<CChar>] = []

        mutating func make(_ text: String) -> UnsafeMutablePointer<CChar> {
            let pointer = strdup(text)!
            pointers.append(pointer)
            return pointer
        }

        func free() {
            for pointer in pointers { Glibc.free(pointer) }
        }
    }

    /// The state of one write: the workbook, its formats, and the first error met.
    private struct Session {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        var strings: CStrings
        var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
        var failure: String?

        init(workbook: UnsafeMutablePointer<lxw_workbook>, strings: CStrings) {
            self.workbook = workbook
            self.strings = strings
            for style in CellStyle.allCases { formats[style] = makeFormat(style) }
        }

        mutating func check(_ result: lxw_error, _ what: String) {
            if result != LXW_NO_ERROR && failure == nil {
                failure = "\(what): \(String(cString: lxw_strerror(result)))"
            }
        }

        private func makeFormat(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format> {
            let format = workbook_add_format(workbook)!
            format_set_font_name(format, "Arial")
            format_set_font_size(format, 11)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            switch style {
            case .title:
                format_set_bold(format)
                format_set_font_size(format, 16)
            case .heading:
                format_set_bold(format)
                format_set_font_size(format, 13)
            case .header:
                format_set_bold(format)
                format_set_text_wrap(format)
                format_set_font_color(format, 0xFFFFFF)
                format_set_bg_color(format, 0x1D3557)
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            case .text:
                format_set_text_wrap(format)
            case .input:
                format_set_text_wrap(format)
                format_set_unlocked(format)
                format_set_bg_color(format, 0xFFF4C2)
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            case .inputDate:
                format_set_unlocked(format)
                format_set_num_format(format, "yyyy-mm-dd")
                format_set_bg_color(format, 0xFFF4C2)
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            case .computed:
                format_set_bg_color(format, 0xF3F2F1)
            }
            return format
        }

        mutating func writeProperties(_ document: WorkbookDocument) {
            let p = document.properties
            var date = tm()
            date.tm_year = Int32(p.created.year - 1900)
            date.tm_mon = Int32(p.created.month - 1)
            date.tm_mday = Int32(p.created.day)
            date.tm_hour = 12
            var properties = lxw_doc_properties()
            properties.title = strings.make(p.title)
            properties.subject = strings.make(p.subject)
            properties.author = strings.make(p.author)
            properties.company = strings.make(p.company)
            properties.keywords = strings.make(p.keywords)
            properties.comments = strings.make(p.comments)
            properties.created = timegm(&date)
            check(workbook_set_properties(workbook, &properties), "document properties")
            for custom in document.customProperties {
                check(workbook_set_custom_property_string(workbook, custom.name, custom.value), "property \(custom.name)")
            }
            for name in document.definedNames {
                check(workbook_define_name(workbook, name.name, name.value), "defined name \(name.name)")
            }
        }

        mutating func writeSheet(_ sheet: Sheet) {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                failure = failure ?? "cannot add sheet \(sheet.name)"
                return
            }
            for (index, column) in sheet.columns.enumerated() {
                var options = lxw_row_col_options()
                options.hidden = column.hidden ? 1 : 0
                check(worksheet_set_column_opt(worksheet, lxw_col_t(index), lxw_col_t(index), column.width, nil, &options),
                      "column width")
            }
            for cell in sheet.cells { write(cell, to: worksheet) }
            for validation in sheet.validations { write(validation, to: worksheet) }
            for chart in sheet.charts { insert(chart, into: worksheet) }
            if let filter = sheet.autofilter {
                check(worksheet_autofilter(worksheet, lxw_row_t(filter.firstRow), 0, lxw_row_t(filter.lastRow),
                                           lxw_col_t(filter.lastColumn)), "filter")
            }
            if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
                worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), lxw_col_t(sheet.frozenColumns))
            }
            for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
                check(worksheet_set_row(worksheet, lxw_row_t(row), height, nil), "row height")
            }
            worksheet_set_paper(worksheet, 9)  // A4
            switch sheet.print {
            case .portraitFitToWidth:
                worksheet_fit_to_pages(worksheet, 1, 0)
            case .landscapeOnePage:
                worksheet_set_landscape(worksheet)
                worksheet_fit_to_pages(worksheet, 1, 1)
            case .landscapeColumns(let lastColumn, let lastRow):
                worksheet_set_landscape(worksheet)
                worksheet_fit_to_pages(worksheet, 1, 0)
                check(worksheet_print_area(worksheet, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "print area")
                check(worksheet_repeat_rows(worksheet, 0, 0), "print titles")
            }
            if sheet.protected {
                var protection = lxw_protection()
                protection.format_columns = 1
                protection.format_rows = 1
                protection.autofilter = 1
                worksheet_protect(worksheet, nil, &protection)
            }
            if sheet.hidden { worksheet_hide(worksheet) }
        }

        private mutating func write(_ cell: Cell, to worksheet: UnsafeMutablePointer<lxw_worksheet>) {
            let row = lxw_row_t(cell.row), column = lxw_col_t(cell.column), format = formats[cell.style]
            switch cell.value {
            case .text(let text):
                check(text.isEmpty ? worksheet_write_blank(worksheet, row, column, format)
                                   : worksheet_write_string(worksheet, row, column, text, format), "cell \(cell.row),\(cell.column)")
            case .number(let number):
                check(worksheet_write_number(worksheet, row, column, number, format), "cell \(cell.row),\(cell.column)")
            case .formula(let formula):
                check(worksheet_write_formula_str(worksheet, row, column, "=" + formula, format, ""), "formula \(cell.row),\(cell.column)")
            case .blank:
                check(worksheet_write_blank(worksheet, row, column, format), "cell \(cell.row),\(cell.column)")
            }
        }

        private mutating func write(_ validation: Validation, to worksheet: UnsafeMutablePointer<lxw_worksheet>) {
            var rule = lxw_data_validation()
            switch validation.rule {
            case .list(let name):
                rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
                rule.value_formula = strings.make("=" + name)
            case .dateOnOrAfter(let date):
                rule.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
                rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
                rule.value_datetime = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day),
                                                   hour: 0, min: 0, sec: 0)
            case .wholeNumber(let range):
                rule.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
                rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
                rule.minimum_number = Double(range.lowerBound)
                rule.maximum_number = Double(range.upperBound)
            }
            rule.input_title = strings.make(String(validation.inputTitle.prefix(32)))
            rule.input_message = strings.make(String(validation.inputMessage.prefix(255)))
            rule.error_title = strings.make("Not a valid entry")
            rule.error_message = strings.make(String(validation.errorMessage.prefix(255)))
            check(worksheet_data_validation_range(worksheet, lxw_row_t(validation.firstRow), lxw_col_t(validation.column),
                                                  lxw_row_t(validation.lastRow), lxw_col_t(validation.column), &rule),
                  "validation")
        }

        private mutating func insert(_ chart: Chart, into worksheet: UnsafeMutablePointer<lxw_worksheet>) {
            guard let lxwChart = workbook_add_chart(workbook, UInt8(LXW_CHART_RADAR.rawValue)) else {
                failure = failure ?? "cannot add chart"
                return
            }
            chart_title_set_name(lxwChart, chart.title)
            for series in chart.series {
                let lxwSeries = chart_add_series(lxwChart, series.categories, series.values)
                chart_series_set_name(lxwSeries, series.name)
            }
            chart_axis_set_min(lxwChart.pointee.y_axis, 0)
            chart_axis_set_max(lxwChart.pointee.y_axis, chart.maximum)
            chart_axis_set_major_unit(lxwChart.pointee.y_axis, 1)
            chart_legend_set_position(lxwChart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
            var options = lxw_chart_options()
            options.description = strings.make(chart.description)
            options.x_scale = 1.8
            options.y_scale = 1.6
            check(worksheet_insert_chart_opt(worksheet, lxw_row_t(chart.row), lxw_col_t(chart.column), lxwChart, &options),
                  "chart")
        }
    }
}
