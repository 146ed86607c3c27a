import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import StrategyModel
import StrategyDiagnostics

/// Reads and checks a variant's `branding:` (an accent colour and a logo file in the variant's folder).
///
/// The accent colour becomes the header's background behind white text, so it must give that text at
/// least WCAG AA contrast (4.5:1); a darker shade that passes is offered as a fix-it. The logo is published
/// as a file of the site, so it must be a PNG or an SVG inside the variant folder, of modest size, and an
/// SVG may hold no script, event handler or reference to anything outside itself: opened on its own, an
/// SVG runs its scripts with the site's origin.
struct BrandingReader {
    let collector: DiagnosticCollector
    /// The variant's folder, as given.
    let root: String

    /// Larger than any sensible header logo, small enough that a mistaken photo is caught.
    static let maximumLogoBytes = 200 * 1024
    /// WCAG 2.2 success criterion 1.4.3, normal text.
    static let minimumContrast = 4.5

    func read(_ fields: FrontMatterFields) -> VariantLayer.Branding {
        guard let pair = fields.pair("branding"),
              let branding = FrontMatterFields(pair.value, schema: .branding, what: "`branding`", collector: collector) else {
            return .init()
        }
        var result = VariantLayer.Branding()
        if let accent = branding.text("accent") { result.accent = self.accent(accent.value, at: accent.range) }
        if let logo = branding.text("logo"), let (data, format) = self.logo(logo.value, at: logo.range) {
            result.logo = data
            result.logoFormat = format
        }
        return result
    }

    // MARK: - Accent colour

    private func accent(_ value: String, at range: SourceRange) -> String? {
        let hex = value.hasPrefix("#") ? String(value.dropFirst()) : value
        guard let colour = Colour(hex: hex) else {
            collector.report(Diagnostic(.variantAccentColour,
                                   "accent colour '\(value)' is not a colour: write six hex digits, quoted, such as \"#1d3557\"",
                                   at: range))
            return nil
        }
        let contrast = colour.contrast(with: .white)
        guard contrast >= Self.minimumContrast else {
            let darker = colour.darkened(toContrast: Self.minimumContrast)
            collector.report(Diagnostic(
                .variantAccentColour,
                "white text on accent colour #\(colour.hex) has a contrast of \(Self.ratio(contrast)):1; "
                    + "WCAG AA needs at least 4.5:1, which #\(darker.hex) (\(Self.ratio(darker.contrast(with: .white))):1) gives",
                at: range, fixIts: [FixIt("use #\(darker.hex)", range: range, replacement: "\"#\(darker.hex)\"")]))
            return nil
        }
        return "#" + colour.hex
    }

    /// Rounded down to one decimal place, so that a ratio shown as 4.5 really is at least 4.5.
    static func ratio(_ value: Double) -> String {
        String(format: "%.1f", (value * 10).rounded(.down) / 10)
    }

    // MARK: - Logo

    private func logo(_ value: String, at range: SourceRange) -> (Data, VariantLayer.Branding.LogoFormat)? {
        func refuse(_ message: String) -> (Data, VariantLayer.Branding.LogoFormat)? {
            collector.report(Diagnostic(.variantLogoRefused, message, at: range))
            return nil
        }
        let components = value.split(separator: "/", omittingEmptySubsequences: false)
        guard !value.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) else {
            return refuse("logo '\(value)' must be a file inside the variant folder, named from it (such as logo.svg)")
        }
        guard let format = VariantLayer.Branding.LogoFormat(rawValue: (value.split(separator: ".").last ?? "").lowercased()),
              value.contains(".") else {
            return refuse("logo '\(value)' must be a PNG or an SVG file (.png or .svg)")
        }
        let path = root + "/" + value
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else { return refuse("logo '\(value)' does not exist in \(root)") }
        let inside = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            .hasPrefix(URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/")
        guard attributes[.type] as? FileAttributeType == .typeRegular, inside else {
            return refuse("logo '\(value)' is a link or not a plain file; put the file itself in the variant folder")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.maximumLogoBytes else {
            return refuse("logo '\(value)' is \(size / 1024) KB; a logo may be at most \(Self.maximumLogoBytes / 1024) KB")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return refuse("logo '\(value)' cannot be read") }
        switch format {
        case .png:
            guard data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
                return refuse("logo '\(value)' is not a PNG image (its first bytes are not a PNG signature)")
            }
        case .svg:
            let problems = SVGSafety.problems(in: data)
            for problem in problems {
                collector.report(Diagnostic(.variantLogoRefused, "the logo is refused: \(problem.message)",
                                       at: SourceRange(at: SourceLocation(path: path, line: max(problem.line, 1),
                                                                          column: max(problem.column, 1))),
                                       notes: [.init("named as the logo here", at: range)]))
            }
            guard problems.isEmpty else { return nil }
        }
        return (data, format)
    }
}

/// An sRGB colour, for the contrast rule.
struct Colour: Equatable {
    var red: Int, green: Int, blue: Int

    static let white = Colour(red: 255, green: 255, blue: 255)

    init(red: Int, green: Int, blue: Int) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    init?(hex: String) {
        guard hex.utf8.count == 6, hex.allSatisfy(\.isHexDigit), let value = Int(hex, radix: 16) else { return nil }
        self.init(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF)
    }

    var hex: String { String(format: "%02x%02x%02x", red, green, blue) }

    /// WCAG 2.x relative luminance.
    var luminance: Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    func contrast(with other: Colour) -> Double {
        let (light, dark) = luminance > other.luminance ? (luminance, other.luminance) : (other.luminance, luminance)
        return (light + 0.05) / (dark + 0.05)
    }

    /// The same hue, darkened in small steps until white text on it reaches `target`.
    func darkened(toContrast target: Double) -> Colour {
        var factor = 1.0
        var colour = self
        while colour.contrast(with: .white) < target && factor > 0 {
            factor -= 0.01
            colour = Colour(red: Int((Double(red) * factor).rounded(.down)), green: Int((Double(green) * factor).rounded(.down)),
                            blue: Int((Double(blue) * factor).rounded(.down)))
        }
        return colour
    }
}
