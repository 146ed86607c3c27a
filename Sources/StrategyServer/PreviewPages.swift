import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// The preview's own additions: the reload script and the error banner put into built pages as they are
/// served (never into the build itself, so published output never carries them), the diagnostics page,
/// and the source view its links lead to.
public enum PreviewPages {
    /// Where the preview's own routes live; no built file can sit there, since output paths are slugs.
    public static let prefix = "/_strategyc/"

    /// A built HTML page with the reload script, and the banner when the latest build failed.
    public static func inject(into page: Data, generation: Int, failedBuild: (errors: Int, warnings: Int)?) -> Data {
        guard var html = String(data: page, encoding: .utf8) else { return page }
        let script = "<script src=\"\(prefix)reload.js\" data-generation=\"\(generation)\" defer></script>\n"
        if let head = html.range(of: "</head>") {
            html.insert(contentsOf: script, at: head.lowerBound)
        } else {
            html = script + html
        }
        if let failedBuild, let body = html.range(of: "<body>") {
            html.insert(contentsOf: "\n" + banner(errors: failedBuild.errors, warnings: failedBuild.warnings), at: body.upperBound)
        }
        return Data(html.utf8)
    }

    /// Says that the sources have errors and that the page is the last good build. Styled inline: the site's
    /// stylesheet knows nothing of it.
    static func banner(errors: Int, warnings: Int) -> String {
        """
        <div id="strategyc-preview-banner" role="alert" style="background:#b10e1e;color:#fff;padding:0.75em 1em;\
        font:1rem/1.4 system-ui,sans-serif;border-bottom:4px solid #000">\
        <strong>The sources have \(count(errors, "error"))\(warnings > 0 ? " and \(count(warnings, "warning"))" : "").</strong> \
        This page is the last good build. <a style="color:#fff;text-decoration:underline" href="\(prefix)diagnostics">\
        See the diagnostics</a>.</div>
        """
    }

    /// Every diagnostic of the latest build, each linked to the line of its file in the source view.
    public static func diagnosticsPage(_ diagnostics: [Diagnostic], succeeded: Bool, hasSite: Bool,
                                       generation: Int, sourceNumber: (String) -> Int?) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var summary: String
        if generation == 0 {
            summary = "The first build has not finished yet."
        } else if succeeded {
            summary = diagnostics.isEmpty ? "The latest build succeeded with no problems."
                : "The latest build succeeded with \(count(warnings, "warning"))."
        } else {
            summary = "The latest build failed with \(count(errors, "error"))"
                + (warnings > 0 ? " and \(count(warnings, "warning"))" : "") + ". "
            summary += hasSite ? "The preview shows the last good build until they are fixed."
                : "There is no good build to show yet: fix these and the preview appears."
        }
        var items = ""
        for diagnostic in diagnostics {
            items += "<li class=\"\(diagnostic.severity.rawValue)\">" + location(of: diagnostic, sourceNumber: sourceNumber)
                + ": <strong>\(diagnostic.severity.rawValue)</strong>: \(HTMLEscaping.escape(diagnostic.message))"
                + " <code>[\(HTMLEscaping.escape(diagnostic.code.rawValue))]</code>"
            let extras = diagnostic.notes.map { "note: " + $0.message } + diagnostic.fixIts.map { "fix-it: " + $0.message }
            if !extras.isEmpty {
                items += "<ul>" + extras.map { "<li>\(HTMLEscaping.escape($0))</li>" }.joined() + "</ul>"
            }
            items += "</li>\n"
        }
        let list = diagnostics.isEmpty ? "" : "<ol class=\"diagnostics\">\n\(items)</ol>\n"
        return page(title: "Diagnostics", generation: generation, body: """
            <h1>Diagnostics</h1>
            <p class="summary">\(HTMLEscaping.escape(summary))</p>
            \(list)<p><a href="/">Back to the preview</a></p>
            """)
    }

    private static func location(of diagnostic: Diagnostic, sourceNumber: (String) -> Int?) -> String {
        let location = diagnostic.location
        let text = HTMLEscaping.escape(location.description)
        guard location.sheet == nil, let number = sourceNumber(location.path) else { return "<code>\(text)</code>" }
        let anchor = location.isWholeFile ? "" : "#L\(location.line)"
        return "<a href=\"\(prefix)source/\(number)\(anchor)\"><code>\(text)</code></a>"
    }

    /// A diagnosed file with numbered lines; each diagnosed line is marked, with its messages and a caret
    /// under the column beneath it.
    public static func sourcePage(path: String, text: String, diagnostics: [Diagnostic], generation: Int) -> String {
        let here = diagnostics.filter { $0.location.path == path && !$0.location.isWholeFile }
        var rows = ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let marked = here.filter { $0.location.line == number }
            let content = HTMLEscaping.escape(String(line))
            rows += "<tr id=\"L\(number)\"\(marked.isEmpty ? "" : " class=\"diagnosed\"")><th scope=\"row\">\(number)</th><td><code>"
                + (marked.isEmpty ? content : "<mark>\(content)</mark>") + "</code>"
            for diagnostic in marked {
                // Columns count UTF-8 bytes; the caret sits under the character that starts there.
                let prefixBytes = Array(line.utf8.prefix(max(0, diagnostic.location.column - 1)))
                let width = String(decoding: prefixBytes, as: UTF8.self).count
                rows += "<div class=\"message\"><code>\(String(repeating: " ", count: width))^</code> "
                    + "\(diagnostic.severity.rawValue): \(HTMLEscaping.escape(diagnostic.message)) [\(HTMLEscaping.escape(diagnostic.code.rawValue))]</div>"
            }
            rows += "</td></tr>\n"
        }
        return page(title: path, generation: generation, body: """
            <h1><code>\(HTMLEscaping.escape(path))</code></h1>
            <p><a href="\(prefix)diagnostics">All diagnostics</a></p>
            <table class="source"><caption>The file as it is now, with the lines diagnosed in the latest build marked</caption>
            \(rows)</table>
            """)
    }

    /// A page of the preview's own, with the reload script so that it follows the sources too.
    static func page(title: String, generation: Int, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscaping.escape(title)) – strategyc preview</title>
        <style>
        body { font: 1rem/1.5 system-ui, sans-serif; margin: 2em; color: #0b0c0c; }
        li.error strong { color: #b10e1e; } li.warning strong { color: #8a4b00; }
        table.source { border-collapse: collapse; } table.source th { text-align: right; padding-right: 1em; color: #505a5f; font-weight: normal; vertical-align: top; }
        table.source code { white-space: pre; } tr.diagnosed { background: #fff2d6; } tr:target { outline: 3px solid #fd0; }
        div.message { color: #b10e1e; }
        </style>
        <script src="\(prefix)reload.js" data-generation="\(generation)" defer></script>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Reloads the page when a build completes after the one it shows. Server-sent events where the browser
    /// has them; otherwise it asks for the status once a second.
    public static let reloadScript = """
        (function () {
          var script = document.currentScript;
          var shown = script ? Number(script.getAttribute('data-generation')) : -1;
          function check(generation) { if (generation !== shown) { location.reload(); } }
          if (window.EventSource) {
            var events = new EventSource('\(prefix)events');
            events.addEventListener('build', function (event) { check(Number(event.data)); });
          } else {
            setInterval(function () {
              var request = new XMLHttpRequest();
              request.open('GET', '\(prefix)status.json');
              request.onload = function () { check(JSON.parse(request.responseText).generation); };
              request.send();
            }, 1000);
          }
        })();

        """
}
