import Foundation

/// Python's `unicodedata` as text preprocessing uses it (the translation tutorials'
/// `unicode_to_ascii`: `normalize('NFD', s)` and dropping `category(c) == 'Mn'`): `normalize`,
/// `is_normalized`, `category`, `combining` and `unidata_version`. The reference Python (3.11)
/// reads Unicode 14.0: a character assigned later is unassigned there (`Cn`, combining class 0),
/// and normalizing text that holds one is refused, since its mapping could differ.
enum StandardUnicodedata {
  static let names: Set<String> = [
    "normalize", "is_normalized", "category", "combining", "unidata_version",
  ]

  static func attribute(_ name: String) -> Value? {
    if name == "unidata_version" { return .string("14.0.0") }
    return names.contains(name) ? StandardLibrary.function("unicodedata", name) : nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    // The module's functions are C functions: positional arguments only.
    guard arguments.keywords.isEmpty else {
      throw arguments.typeError("unicodedata.\(name)() takes no keyword arguments")
    }
    let given = arguments.positional
    switch name {
    case "normalize", "is_normalized":
      guard given.count == 2 else {
        throw arguments.typeError("\(name) expected 2 arguments, got \(given.count)")
      }
      let form = try arguments.string(given[0], "\(name)() argument 1")
      let text = try arguments.string(given[1], "\(name)() argument 2")
      guard ["NFC", "NFD", "NFKC", "NFKD"].contains(form) else {
        throw CellError(
          type: "ValueError", message: "invalid normalization form", range: arguments.range)
      }
      guard text.unicodeScalars.allSatisfy({ !isNewer($0) }) else {
        throw .unsupported(
          "ConvBook does not support `unicodedata.\(name)` of text holding characters newer than Unicode 14.0 (the reference Python's tables) yet",
          at: arguments.range)
      }
      let normalized = normalize(text, form: form)
      if name == "is_normalized" {
        return .bool(Array(normalized.unicodeScalars) == Array(text.unicodeScalars))
      }
      return .string(normalized)
    case "category", "combining":
      guard given.count == 1 else {
        throw arguments.typeError(
          "unicodedata.\(name)() takes exactly one argument (\(given.count) given)")
      }
      guard case .string(let text) = given[0], text.unicodeScalars.count == 1,
        let scalar = text.unicodeScalars.first
      else {
        let shown = given[0].typeName
        throw arguments.typeError("\(name)() argument must be a unicode character, not \(shown)")
      }
      if name == "combining" {
        return .int(isNewer(scalar) ? 0 : Int(scalar.properties.canonicalCombiningClass.rawValue))
      }
      if isNewer(scalar) { return .string("Cn") }
      guard let code = category(scalar.properties.generalCategory) else {
        throw .unsupported(
          "ConvBook does not support `unicodedata.category` of this character yet",
          at: arguments.range)
      }
      return .string(code)
    default:
      return nil
    }
  }

  /// Assigned after Unicode 14.0, which Python 3.11's tables do not know.
  private static func isNewer(_ scalar: Unicode.Scalar) -> Bool {
    guard let age = scalar.properties.age else { return false }
    return age.major > 14 || (age.major == 14 && age.minor > 0)
  }

  private static func normalize(_ text: String, form: String) -> String {
    switch form {
    case "NFD": return text.decomposedStringWithCanonicalMapping
    case "NFKD": return text.decomposedStringWithCompatibilityMapping
    case "NFKC": return text.precomposedStringWithCompatibilityMapping
    default: return text.precomposedStringWithCanonicalMapping
    }
  }

  /// The two-letter general category Python prints.
  private static func category(_ category: Unicode.GeneralCategory) -> String? {
    switch category {
    case .uppercaseLetter: return "Lu"
    case .lowercaseLetter: return "Ll"
    case .titlecaseLetter: return "Lt"
    case .modifierLetter: return "Lm"
    case .otherLetter: return "Lo"
    case .nonspacingMark: return "Mn"
    case .spacingMark: return "Mc"
    case .enclosingMark: return "Me"
    case .decimalNumber: return "Nd"
    case .letterNumber: return "Nl"
    case .otherNumber: return "No"
    case .connectorPunctuation: return "Pc"
    case .dashPunctuation: return "Pd"
    case .openPunctuation: return "Ps"
    case .closePunctuation: return "Pe"
    case .initialPunctuation: return "Pi"
    case .finalPunctuation: return "Pf"
    case .otherPunctuation: return "Po"
    case .mathSymbol: return "Sm"
    case .currencySymbol: return "Sc"
    case .modifierSymbol: return "Sk"
    case .otherSymbol: return "So"
    case .spaceSeparator: return "Zs"
    case .lineSeparator: return "Zl"
    case .paragraphSeparator: return "Zp"
    case .control: return "Cc"
    case .format: return "Cf"
    case .surrogate: return "Cs"
    case .privateUse: return "Co"
    case .unassigned: return "Cn"
    // A category a later Swift adds: refused rather than guessed.
    @unknown default: return nil
    }
  }
}
