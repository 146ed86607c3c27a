import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// A relative link in the strategy's text must lead somewhere the site publishes: a key area's page
/// (`engaging-councillors.html`, from another key area; `key-areas/engaging-councillors.html` from the
/// introduction), an indicator's row (`#councillors-champions`, `other.html#its-indicator`), the home page
/// or one of the files every build writes. A link to a key area's source file (`engaging-councillors.md`)
/// is the commonest slip, and gets a fix-it to its page. Links with a scheme (`https:`, `mailto:`) are not
/// followed. In a variant, a link to a key area the variant leaves out is named as such, with the reason.
struct LinkRule: Rule {
    var subject: RuleSubject { .model }

    /// Files every build writes at the site's root.
    static let siteFiles: Set<String> = ["index.html", "changes.html", "toolkit.md", "model.json", "assessment.xlsx",
                                         "assessment.csv"]

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        let excluded = Dictionary((context.variant?.exclusions ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for diagnostic in findings(in: context.strategy) {
            guard diagnostic.code == .brokenLink, let target = diagnostic.linkTarget,
                  let exclusion = excluded[Self.keyAreaID(linkedBy: target)] else {
                collector.report(diagnostic)
                continue
            }
            collector.report(Diagnostic(
                .variantExcludedReferenced,
                "this link leads to '\(exclusion.id)', which '\(exclusion.layer)' leaves out (\(exclusion.reason)); remove the "
                    + "link or keep the key area", at: diagnostic.range))
        }
    }

    /// The key area a link's page is named after: `../key-areas/engaging-councillors.html#x` →
    /// `engaging-councillors`. For a variant, a link that leads nowhere may lead to what the variant left out.
    private static func keyAreaID(linkedBy url: String) -> String {
        let page = url.split(separator: "#").first.map { String($0.split(separator: "/").last ?? $0) } ?? ""
        return page.hasSuffix(".html") ? String(page.dropLast(5)) : page
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        let published = strategy.allKeyAreas.filter { $0.status == .active }
        let pages = Set(published.map(\.id))
        var anchors = Set(published.flatMap { area in area.indicators.filter { $0.status == .active }.map(\.id) })
        anchors.formUnion(published.map { "maturity-\($0.id)" })
        anchors.formUnion(strategy.themes.map { "theme-\($0.id)" })
        anchors.formUnion(["main", "how-to-use", "overview", "levels", "retired", "help", "maturity"])
        var texts: [RichText] = [strategy.introduction] + strategy.themes.map(\.description)
        for area in published {
            texts += [area.description] + [area.whatItIs, area.whyItIsImportant].compactMap { $0 }
            texts += area.indicators.flatMap { $0.descriptors.map(\.text) }
        }
        return texts.flatMap(\.links).flatMap { link in
            problem(with: link, pages: pages, anchors: anchors, mayBeUnbuilt: { strategy.unbuilt(mayHold: $0) })
        }
    }

    /// - Parameter mayBeUnbuilt: what could not be built that may hold a page's or anchor's id; a link to it
    ///   is then left alone rather than "corrected" to a near name, and each holder's note said instead.
    private func problem(with link: RichText.LinkReference, pages: Set<String>, anchors: Set<String>,
                         mayBeUnbuilt: (String) -> [UnbuiltSource]) -> [Diagnostic] {
        let url = link.url
        guard !url.isEmpty, !Self.hasScheme(url), !url.hasPrefix("//") else { return [] }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var path = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        while path.hasPrefix("../") { path.removeFirst(3) }
        if path.hasPrefix("./") { path.removeFirst(2) }
        if path.hasPrefix("key-areas/") { path.removeFirst("key-areas/".count) }
        let stem = path.hasSuffix(".html") ? String(path.dropLast(5)) : (path.hasSuffix(".md") ? String(path.dropLast(3)) : path)
        if path.hasSuffix(".md"), pages.contains(stem) {
            let target = stem + ".html" + (fragment.map { "#" + $0 } ?? "")
            return [Diagnostic(
                .brokenLink, "link '\(url)' points at a source file, which is not published; link to its page '\(target)'",
                at: link.range, fixIts: [FixIt("link to '\(target)'", range: link.range, replacement: target)], linkTarget: url)]
        }
        let pageExists = path.isEmpty || Self.siteFiles.contains(path) || (path.hasSuffix(".html") && pages.contains(stem))
        let pageHolders = !pageExists && path.hasSuffix(".html") ? mayBeUnbuilt(stem) : []
        if !pageHolders.isEmpty { return pageHolders.map(\.uncheckedNote) }
        guard pageExists else {
            let suggestion = Suggestion.closest(to: stem, among: pages.sorted())
            return [Diagnostic(
                .brokenLink,
                "link '\(url)' leads to no published page" + (suggestion.map { "; did you mean '\($0).html'?" } ?? ""),
                at: link.range,
                fixIts: suggestion.map { [FixIt("link to '\($0).html'", range: link.range, replacement: "\($0).html")] } ?? [],
                linkTarget: url)]
        }
        if let fragment, !fragment.isEmpty, !anchors.contains(fragment) {
            let holders = mayBeUnbuilt(fragment.hasPrefix("maturity-") ? String(fragment.dropFirst("maturity-".count)) : fragment)
            if !holders.isEmpty { return holders.map(\.uncheckedNote) }
            let suggestion = Suggestion.closest(to: fragment, among: anchors.sorted())
            return [Diagnostic(
                .brokenLink,
                "link '\(url)' names '#\(fragment)', which no published page has"
                    + (suggestion.map { "; did you mean '#\($0)'?" } ?? ""),
                at: link.range, linkTarget: url)]
        }
        return []
    }

    /// `https:`, `mailto:`, `tel:`: a scheme is letters (and `+.-`) then a colon, before any `/`.
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
            && scheme.first?.isLetter == true
    }
}
