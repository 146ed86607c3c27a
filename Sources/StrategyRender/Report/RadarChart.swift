import Foundation
import StrategyModel
import StrategySupport

/// The report's radar chart as inline SVG: one spoke per key area, numbered as in the table beside it,
/// current against target on a fixed scale from 0 to the number of levels, so it never looks flat through
/// auto-scaling. No script, no external request; every text is escaped. Screen readers get the chart's
/// title and a description that points to the table holding the same figures.
struct RadarChart {
    /// One spoke: its number in the table, and the levels plotted (nil plots as 0, the centre).
    struct Spoke {
        var number: Int
        var current: Int?
        var target: Int?
    }

    var spokes: [Spoke]
    var levelCount: Int
    var title: String
    var description: String

    static let size = 420.0
    static let radius = 160.0

    var svg: String {
        let centre = Self.size / 2
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(spokes.count, 1))
            let distance = Self.radius * value / Double(max(levelCount, 1))
            return (centre + distance * cos(angle), centre + distance * sin(angle))
        }
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        func polygon(_ values: [Double]) -> String {
            values.enumerated().map { index, value in
                let (x, y) = point(index, value)
                return "\(format(x)),\(format(y))"
            }.joined(separator: " ")
        }
        var lines = [
            "<svg class=\"radar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.size)) \(Int(Self.size))\" width=\"\(Int(Self.size))\" height=\"\(Int(Self.size))\" role=\"img\" aria-labelledby=\"radar-title radar-desc\">",
            "<title id=\"radar-title\">\(HTMLEscaping.escape(title))</title>",
            "<desc id=\"radar-desc\">\(HTMLEscaping.escape(description))</desc>",
        ]
        guard !spokes.isEmpty, levelCount > 0 else { return (lines + ["</svg>"]).joined(separator: "\n") }
        for level in 1...levelCount {
            lines.append("<polygon class=\"radar__ring\" points=\"\(polygon(Array(repeating: Double(level), count: spokes.count)))\" fill=\"none\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>")
        }
        for index in spokes.indices {
            let (x, y) = point(index, Double(levelCount))
            lines.append("<line x1=\"\(format(centre))\" y1=\"\(format(centre))\" x2=\"\(format(x))\" y2=\"\(format(y))\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>")
        }
        lines.append("<polygon class=\"radar__target\" points=\"\(polygon(spokes.map { Double($0.target ?? 0) }))\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>")
        lines.append("<polygon class=\"radar__current\" points=\"\(polygon(spokes.map { Double($0.current ?? 0) }))\" fill=\"#1d70b8\" fill-opacity=\"0.35\" stroke=\"#1d70b8\" stroke-width=\"2\"/>")
        for (index, spoke) in spokes.enumerated() {
            let (x, y) = point(index, Double(levelCount) + 0.55)
            lines.append("<text x=\"\(format(x))\" y=\"\(format(y + 5))\" text-anchor=\"middle\" font-size=\"14\" fill=\"#0b0c0c\">\(spoke.number)</text>")
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }
}
