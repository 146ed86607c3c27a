import Foundation
import Testing
import TestSupport

/// The tool that writes the views' field lists on every build, run as the build runs it: each struct
/// declaring `TemplateFields` gets its stored properties (`let` and `var`, with or without a type, never
/// `static` or computed), nested types by their full names, and a view with none the empty dictionary.
@Suite struct ListTemplateFieldsTests {
    /// The tool beside the test bundle, which `swift build --build-tests` builds with the plugin.
    private static let tool: URL = {
        let beside = Bundle.main.bundleURL.appendingPathComponent("ListTemplateFields")
        return FileManager.default.isExecutableFile(atPath: beside.path)
            ? beside : TestPaths.packageRoot.appendingPathComponent(".build/debug/ListTemplateFields")
    }()

    @Test func storedPropertiesBecomeTheList() throws {
        let scratch = try TestPaths.scratch("fields")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = scratch.appendingPathComponent("Views.swift"), output = scratch.appendingPathComponent("Lists.swift")
        try Data("""
            struct Empty: TemplateFields {
                static let shared = Empty()
            }

            /// Not a view: no list.
            struct Helper {
                let ignored: String
            }

            struct Page: Sendable, TemplateFields {
                let title: String
                var count = 0 // a comment with { a brace
                private(set) var note: String?
                static var sample: Page { Page(title: "{", count: 1) }
                var computed: String { "}" }
                func render() -> String { let local = 1; return "\\(local)" }

                struct Row: TemplateFields {
                    let cells: [String]
                }
            }

            extension Page {
                struct Cell: TemplateFields {
                    let text: String
                }
            }

            """.utf8).write(to: source)
        let ran = try ProcessRunner.run(Self.tool, [output.path, source.path])
        #expect(ran.status == 0, "\(ran.stderrText)")
        #expect(try String(contentsOf: output, encoding: .utf8) == """
            // Generated on every build by the TemplateFieldsPlugin from the views' declarations; never in git,
            // never edited.

            extension Empty {
                nonisolated(unsafe) static let fields: [String: PartialKeyPath<Empty>] = [:]
            }

            extension Page {
                nonisolated(unsafe) static let fields: [String: PartialKeyPath<Page>] = [
                    "title": \\Page.title,
                    "count": \\Page.count,
                    "note": \\Page.note,
                ]
            }

            extension Page.Cell {
                nonisolated(unsafe) static let fields: [String: PartialKeyPath<Page.Cell>] = [
                    "text": \\Page.Cell.text,
                ]
            }

            extension Page.Row {
                nonisolated(unsafe) static let fields: [String: PartialKeyPath<Page.Row>] = [
                    "cells": \\Page.Row.cells,
                ]
            }

            """)
    }
}
