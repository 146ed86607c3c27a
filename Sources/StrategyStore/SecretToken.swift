import Crypto
import Foundation

/// The secrets of the online diagnostic (invitation and resume tokens, session ids): 256 random bits from
/// the system's generator, written in base64url so they travel in a link or a cookie unchanged, and kept
/// in the store only as their SHA-256, so that whoever reads a copy of the store cannot use them.
public enum SecretToken {
    /// A new secret: 43 characters of base64url (256 bits).
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64url(Data(bytes))
    }

    /// What the store keeps of a secret.
    public static func hash(_ secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// A value derived from a secret for one purpose (a session's CSRF token from its id), which says
    /// nothing about the secret.
    public static func derived(_ purpose: String, from secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        return base64url(Data(HMAC<SHA256>.authenticationCode(for: Data(purpose.utf8), using: key)))
    }

    /// Whether two secrets are the same, in time that does not depend on where they differ.
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Whether `text` could be a secret this type made: the length and alphabet, before any look-up.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
        }
    }

    private static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
