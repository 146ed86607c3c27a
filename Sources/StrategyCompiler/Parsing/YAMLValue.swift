import StrategyModel
import StrategyDiagnostics

/// A YAML node with its position in the source file, independent of the YAML library.
///
/// Only `YAMLParser.swift` knows about Yams; everything after it works with these values, so a change of
/// YAML library touches one file.
indirect enum YAMLValue: Sendable {
    /// A scalar: its text, what YAML resolves it to, and where it is.
    case scalar(String, YAMLScalarType, SourceRange)
    case mapping([YAMLPair], SourceRange)
    case sequence([YAMLValue], SourceRange)

    var range: SourceRange {
        switch self {
        case .scalar(_, _, let range), .mapping(_, let range), .sequence(_, let range): range
        }
    }

    /// How the value is described in diagnostics ("a list", "text", "a number").
    var kindDescription: String {
        switch self {
        case .scalar(_, let type, _): type.description
        case .mapping: "a set of `key: value` pairs"
        case .sequence: "a list"
        }
    }
}

/// One `key: value` entry of a mapping.
struct YAMLPair: Sendable {
    var key: String
    var keyRange: SourceRange
    var value: YAMLValue
}

/// What YAML's core schema makes of a plain scalar.
enum YAMLScalarType: Sendable, CustomStringConvertible {
    case string
    case integer
    case float
    case boolean
    case null
    case timestamp

    var description: String {
        switch self {
        case .string: "text"
        case .integer: "a whole number"
        case .float: "a decimal number"
        case .boolean: "true or false"
        case .null: "nothing (null)"
        case .timestamp: "a date"
        }
    }
}
