/// Element ids for a figure: the kind, the per-page number the caller passes in, and the models'
/// names, reduced to characters that are safe in ids and URL fragments. Two builds of a page give
/// the same ids, and two figures of one page never share one.
enum FigureIdentifier {
  static func make(kind: String, number: Int, models: [String]) -> String {
    let names = models.map { name in
      String(
        name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "-" }
      )
    }
    return (["fig", String(number), kind] + names).joined(separator: "-")
  }
}
