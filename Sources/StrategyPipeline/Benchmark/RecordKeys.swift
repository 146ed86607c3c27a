import Crypto
import Foundation

/// Every council's record key for the benchmark's rounding: the first 32 bits of HMAC-SHA256 of its
/// council key under the store's secret. The same council has the same key in every round and every
/// table, which is what keeps the rounding consistent; without the secret, nobody can work a key out.
struct RecordKeys {
    let key: SymmetricKey

    init(secret: [UInt8]) {
        key = SymmetricKey(data: secret)
    }

    func of(_ councilKey: String) -> UInt32 {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(councilKey.utf8), using: key)
        return mac.withUnsafeBytes { bytes in bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    }

    /// The key of a cell with no council (`DisclosureControl.emptyCellKey`): the key of a name no council
    /// key can be, since council keys are slugs.
    var emptyCell: UInt32 { of("\u{0}empty cell") }
}
