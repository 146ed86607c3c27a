import Crypto
import Foundation

/// SHA-256 written as 64 lowercase hex digits: the one spelling of a digest in strategyc, shared by the
/// content hash on every page, the output manifest that proves a folder is ours, and the stored return's
/// fingerprint that refuses the same file twice. Those three compare digests with each other's and with
/// `sha256sum`'s, so they must never differ in case or width.
public enum SHA256Hex {
    public static func of(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
