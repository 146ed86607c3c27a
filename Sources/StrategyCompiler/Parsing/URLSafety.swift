/// Which link and image URLs are too dangerous to publish, by the same rule cmark's safe mode applies.
enum URLSafety {
    /// `javascript:`, `vbscript:`, `file:` and `data:` URLs are dangerous, except `data:` images in PNG,
    /// GIF, JPEG or WebP, which cannot run code. Case and leading white space do not matter.
    static func isDangerous(_ url: String) -> Bool {
        let lowered = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) { return true }
        if lowered.hasPrefix("data:") {
            let safe = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !safe.contains { lowered.hasPrefix($0) }
        }
        return false
    }
}
