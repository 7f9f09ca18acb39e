/// A fenced code block's info string split into words: `keras hide-code id=conv` has the
/// language `keras` and the options `hide-code` and `id=conv`.
///
/// Words are separated by spaces or tabs; there is no quoting, so option values cannot contain
/// spaces.
struct FenceInfo {
  /// The first word, empty when there is no info string.
  let language: String
  /// The words after the first.
  let options: [String]

  init(_ info: String) {
    let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    language = words.first ?? ""
    options = Array(words.dropFirst())
  }
}
