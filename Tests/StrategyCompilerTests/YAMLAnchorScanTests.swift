@testable import StrategyCompiler
import Testing

/// The anchor and alias scan finds them where YAML starts a node, and nowhere else.
@Suite struct YAMLAnchorScanTests {
    @Test(arguments: [
        ("order: &o 1", 1, 8, false),
        ("a: 1\nb: *a", 2, 4, true),
        ("list:\n  - &first x\n", 2, 5, false),
        ("list: [a, *b]", 1, 11, true),
        ("map: {k: &v x}", 1, 10, false),
        ("*key : value", 1, 1, true),
        ("? &k x\n: y", 1, 3, false),
        ("text: |\n  fine *here*\nafter: *alias", 3, 8, true),
    ])
    func findsAnchorsAndAliases(_ yaml: String, _ line: Int, _ column: Int, _ isAlias: Bool) {
        #expect(YAMLAnchorScan.first(in: yaml) == .init(line: line, column: column, isAlias: isAlias))
    }

    @Test(arguments: [
        "reason: R&D is led by the county",
        "reason: costs & benefits * 2",
        "title: '*Starred* & quoted'",
        "title: \"&not an anchor\"",
        "order: 1 # &comment *too",
        "text: |\n  *Markdown emphasis* and &amp;\n  - * a list item\n",
        "text: >-\n  &folded\nnext: plain",
        "url: https://example.org/a*b&c=d",
        "items: ['a, *b', \"c, &d\"]",
    ])
    func leavesTextAlone(_ yaml: String) {
        #expect(YAMLAnchorScan.first(in: yaml) == nil)
    }
}
