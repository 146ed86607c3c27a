/// libyaml's problems in the words of someone editing a Markdown file, not a parser author.
///
/// The parser's own text still follows as a note, for the rare case it says more.
enum YAMLProblemWording {
    /// Whether libyaml's context names a construct that its mark opens (`while scanning a simple key`, `a
    /// quoted scalar`, `parsing a flow sequence` or `mapping`): the mistake is there, not where the parser
    /// gave up.
    static func opensConstruct(_ context: String) -> Bool {
        let context = context.lowercased()
        return ["simple key", "quoted scalar", "flow sequence", "flow mapping"].contains { context.contains($0) }
    }

    static func plain(problem: String, context: String?) -> String {
        let problem = problem.lowercased(), context = context?.lowercased() ?? ""
        switch true {
        case context.contains("flow sequence") || problem.contains("expected ',' or ']'"):
            return "a list opened with `[` is never closed with `]`; if the value is text that starts with `[`, "
                + "put it in quotes"
        case context.contains("flow mapping") || problem.contains("expected ',' or '}'"):
            return "a value opened with `{` is never closed with `}`; if it is text, put it in quotes"
        case context.contains("quoted scalar"):
            return "a quoted text is never closed; end it with the same quote mark it starts with"
        case problem.contains("mapping values are not allowed"):
            return "a value holds `: ` (a colon and a space), or a line is indented more than the keys above it; "
                + "put such a value in quotes, and start every key at the beginning of its line"
        case problem.contains("could not find expected ':'"):
            return "a line has no `:` after its key; write `key: value`"
        case problem.contains("did not find expected key"):
            return "a line is indented differently from the keys around it; start every key at the beginning of "
                + "its line and indent only the items of a list"
        case problem.contains("cannot start any token"):
            return "a value starts with a character YAML keeps for itself (such as `@`, a backtick or a tab); "
                + "put the value in quotes"
        case problem.contains("did not find expected node content"):
            return "a value is missing, or starts with a character YAML keeps for itself; put the value in quotes"
        case problem.contains("block sequence entries are not allowed"):
            return "a list item (`- `) is where a value was expected; put list items on their own lines, "
                + "indented under their key"
        default:
            return "the front matter is not valid YAML; each line is `key: value`, and list items are indented "
                + "`- ` lines under their key"
        }
    }
}
