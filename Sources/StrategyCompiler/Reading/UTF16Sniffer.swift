import Foundation

/// Recognises UTF-16 text, which Windows tools (Notepad's "Unicode", PowerShell's `>`) still write, so that
/// such a file is named for what it is, not reported as binary for its NUL bytes.
enum UTF16Sniffer {
    enum Order: String {
        case littleEndian = "little-endian"
        case bigEndian = "big-endian"

        var encoding: String.Encoding { self == .littleEndian ? .utf16LittleEndian : .utf16BigEndian }
        var iconvName: String { self == .littleEndian ? "UTF-16LE" : "UTF-16BE" }
    }

    /// The byte order, from the byte-order mark or, without one, from where the NUL bytes fall: mostly
    /// ASCII text in UTF-16 has a NUL in every other byte.
    static func order(of data: Data) -> Order? {
        let bytes = [UInt8](data.prefix(1024))
        if bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return .littleEndian }
        if bytes.starts(with: [0xFE, 0xFF]) { return .bigEndian }
        guard bytes.count >= 4 else { return nil }
        let pairs = bytes.count / 2
        let evenNULs = stride(from: 0, to: pairs * 2, by: 2).filter { bytes[$0] == 0 }.count
        let oddNULs = stride(from: 1, to: pairs * 2, by: 2).filter { bytes[$0] == 0 }.count
        if oddNULs * 10 >= pairs * 7 && evenNULs * 10 <= pairs { return .littleEndian }
        if evenNULs * 10 >= pairs * 7 && oddNULs * 10 <= pairs { return .bigEndian }
        return nil
    }

    /// The text, decoded, without its byte-order mark.
    static func decode(_ data: Data, _ order: Order) -> String? {
        guard var text = String(data: data, encoding: order.encoding) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
