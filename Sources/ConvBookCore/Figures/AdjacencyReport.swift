import CNNEngine

/// `convbook adjacency`: the index arithmetic of flattening, with a small text picture of the grid
/// and of the vector.
public enum AdjacencyReport {
  public static func text(_ adjacency: FlatteningAdjacency) -> String {
    let map = adjacency.map
    let grouped = AnalysisFormat.grouped
    var text =
      "\(TerminalText.escaped(adjacency.modelName)): \(TerminalText.escaped(adjacency.flattenLayer)) receives \(map.shape), \(map.layout.rawValue): "
    text += "H=\(map.height), W=\(map.width), C=\(map.channels)\n"
    text += "Flatten order: index(h, w, c) = \(adjacency.formula)\n\n"
    let anchor = adjacency.anchor
    var marks: [(String, FlatteningAdjacency.Position, String)] = [("A", anchor, "")]
    if let right = adjacency.rightNeighbour {
      let why = adjacency.order == .channelsLast ? "C" : "1"
      marks.append(
        ("R", right, "  +\(grouped(adjacency.horizontalDistance)) = \(why) (horizontal neighbours)")
      )
    }
    if let below = adjacency.neighbourBelow {
      let why =
        adjacency.order == .channelsLast ? "W*C = \(map.width)*\(map.channels)" : "W = \(map.width)"
      marks.append(
        ("D", below, "  +\(grouped(adjacency.verticalDistance)) = \(why) (vertical neighbours)"))
    }
    for (letter, position, distance) in marks {
      let arithmetic =
        adjacency.order == .channelsLast
        ? "(\(position.h)*\(map.width) + \(position.w))*\(map.channels) + 0"
        : "(0*\(map.height) + \(position.h))*\(map.width) + \(position.w)"
      text +=
        "  \(letter) = (h=\(position.h), w=\(position.w), c=0)  index \(arithmetic) = \(grouped(adjacency.index(h: position.h, w: position.w, c: 0)))\(distance)\n"
    }
    text += "\nHorizontal neighbours: \(grouped(adjacency.horizontalDistance)) apart\n"
    text += "Vertical neighbours: \(grouped(adjacency.verticalDistance)) apart\n"
    text +=
      "Length: H*W*C = \(map.height)*\(map.width)*\(map.channels) = \(grouped(adjacency.length))\n"
    if let reader = adjacency.reader {
      text +=
        "\(TerminalText.escaped(reader.name)) (Dense, \(grouped(reader.units)) units): \(grouped(adjacency.length)) * \(grouped(reader.units)) = "
      text +=
        "\(grouped(reader.weights)) weights + \(grouped(reader.biases)) biases = \(grouped(reader.parameters)) parameters\n"
    }
    text += "\nGrid (h down, w across, middle elided):\n" + grid(adjacency)
    text +=
      "\nVector ("
      + (adjacency.order == .channelsLast
        ? "each [h,w] holds the \(grouped(map.channels)) channel values of one position"
        : "channel 0, one value per [h,w]") + "; @ its index; [… n …] n positions elided):\n"
    text += "  " + strip(adjacency) + "\n"
    let pooling = adjacency.pooling
    text +=
      "\nGlobal average pooling instead: \(grouped(map.channels)) channel maps of \(map.height) x \(map.width) -> \(grouped(pooling.values)) values"
    if let units = pooling.readerUnits, let parameters = pooling.readerParameters {
      text += "; a Dense of \(grouped(units)) units on them: \(grouped(parameters)) parameters"
    }
    return text + "\n"
  }

  /// The pooling path alone, for a model without Flatten.
  public static func text(pooling: GlobalPoolingPath) -> String {
    var text =
      "\(pooling.layer ?? pooling.className) turns \(pooling.map.shape) into \(AnalysisFormat.grouped(pooling.values)) values, one per channel"
    if let units = pooling.readerUnits, let parameters = pooling.readerParameters {
      text +=
        "; a Dense of \(units) units on them has \(AnalysisFormat.grouped(parameters)) parameters"
    }
    return text + "\n"
  }

  static func shown(_ count: Int, lead: Int) -> [Int?] {
    count <= lead + 2 ? Array(0..<count) : Array(0..<lead) + [nil, count - 1]
  }

  static func grid(_ adjacency: FlatteningAdjacency) -> String {
    let rows = shown(adjacency.map.height, lead: 3)
    let columns = shown(adjacency.map.width, lead: 4)
    let labelWidth = max(String(adjacency.map.height - 1).count, 3)
    func pad(_ text: String, _ width: Int) -> String {
      String(repeating: " ", count: max(width - text.count, 0)) + text
    }
    let cellWidth = max(String(adjacency.map.width - 1).count + 1, 3)
    var lines = [
      "  " + pad("h\\w", labelWidth) + " "
        + columns.map { pad($0.map(String.init) ?? "…", cellWidth) }.joined()
    ]
    for h in rows {
      var line = "  " + pad(h.map(String.init) ?? "⋮", labelWidth) + " "
      line += columns.map { w -> String in
        guard let h, let w else { return pad(h == nil ? " " : "…", cellWidth) }
        let position = FlatteningAdjacency.Position(h: h, w: w)
        if position == adjacency.anchor { return pad("A", cellWidth) }
        if position == adjacency.rightNeighbour { return pad("R", cellWidth) }
        if position == adjacency.neighbourBelow { return pad("D", cellWidth) }
        return pad(".", cellWidth)
      }.joined()
      // The elided row is blank past its label; no trailing spaces in the output.
      lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func strip(_ adjacency: FlatteningAdjacency) -> String {
    let width = adjacency.map.width
    let count = adjacency.map.height * width
    let a = adjacency.anchor.h * width + adjacency.anchor.w
    var wanted: Set<Int> = [a, a + 1]
    if adjacency.neighbourBelow != nil { wanted.formUnion([a + width - 1, a + width]) }
    let shown = wanted.filter { $0 >= 0 && $0 < count }.sorted()
    var parts: [String] = []
    var next = 0
    for k in shown {
      if k > next { parts.append("[… \(AnalysisFormat.grouped(k - next)) …]") }
      let position = FlatteningAdjacency.Position(h: k / width, w: k % width)
      var label = "\(position.h),\(position.w)"
      if position == adjacency.anchor { label = "A " + label }
      if position == adjacency.rightNeighbour { label = "R " + label }
      if position == adjacency.neighbourBelow { label = "D " + label }
      label += " @" + AnalysisFormat.grouped(adjacency.index(h: position.h, w: position.w, c: 0))
      parts.append("[\(label)]")
      next = k + 1
    }
    if next < count { parts.append("[… \(AnalysisFormat.grouped(count - next)) …]") }
    return parts.joined(separator: " ")
  }

  public static func json(_ adjacency: FlatteningAdjacency) -> JSONValue {
    let map = adjacency.map
    func position(_ position: FlatteningAdjacency.Position?) -> JSONValue {
      guard let position else { return .null }
      return .object([
        ("h", .int(position.h)), ("w", .int(position.w)),
        ("index", .int(adjacency.index(h: position.h, w: position.w, c: 0))),
      ])
    }
    return .object([
      ("model", .string(adjacency.modelName)), ("flatten_layer", .string(adjacency.flattenLayer)),
      ("input_shape", .shape(map.shape.dimensions)), ("layout", .string(map.layout.rawValue)),
      ("height", .int(map.height)), ("width", .int(map.width)), ("channels", .int(map.channels)),
      ("order", .string(adjacency.order.rawValue)), ("formula", .string(adjacency.formula)),
      ("length", .int(adjacency.length)),
      ("horizontal_distance", .int(adjacency.horizontalDistance)),
      ("vertical_distance", .int(adjacency.verticalDistance)),
      ("channel_distance", .int(adjacency.channelDistance)),
      ("anchor", position(adjacency.anchor)),
      ("right_neighbour", position(adjacency.rightNeighbour)),
      ("neighbour_below", position(adjacency.neighbourBelow)),
      (
        "reader",
        adjacency.reader.map { reader in
          .object([
            ("name", .string(reader.name)), ("units", .int(reader.units)),
            ("weights", .int(reader.weights)),
            ("biases", .int(reader.biases)),
          ])
        } ?? .null
      ),
      ("global_pooling_values", .int(adjacency.pooling.values)),
      (
        "global_pooling_reader_params",
        adjacency.pooling.readerParameters.map(JSONValue.int) ?? .null
      ),
    ])
  }
}
