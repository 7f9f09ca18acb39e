import CNNEngine

/// Where each node of a `LayerGraph` goes in its drawing: one row per rank (inputs on top, every
/// edge pointing down), the nodes of a row side by side. An edge that skips rows runs through a
/// narrow passage in each row it crosses, so that it never crosses a box. Rows are ordered and
/// placed top to bottom, each item under the mean of the items above it that feed it, so that a
/// chain is a straight column and branches sit side by side under the node they leave. The same
/// graph always gives the same layout.
struct GraphLayout {
  static let boxWidth = 184.0
  static let boxHeight = 54.0
  static let passageWidth = 10.0
  static let columnGap = 16.0
  static let rowGap = 34.0
  static let margin = 12.0

  /// One thing in a row: a node, or an edge passing through the row.
  enum Item: Equatable {
    case node(Int)
    case passage(edge: Int)
  }

  /// An edge from one node's output to another's input, as the graph lists inputs.
  struct Edge: Equatable {
    var from: Int
    var to: Int
  }

  var edges: [Edge] = []
  var rows: [[Item]] = []
  /// Centre x of each row's items, in row order.
  var centres: [[Double]] = []
  /// Row and position of each node.
  var nodeSlots: [(row: Int, position: Int)] = []
  /// Row and position of an edge's passage through a row, by edge and row.
  var passageSlots: [Int: [Int: Int]] = [:]
  var width = 0.0
  var height = 0.0

  init(_ graph: LayerGraph) {
    let ranks = graph.ranks
    for (target, node) in graph.nodes.enumerated() {
      for source in node.inputs where !edges.contains(Edge(from: source, to: target)) {
        edges.append(Edge(from: source, to: target))
      }
    }
    let rowCount = (ranks.max() ?? 0) + 1
    var unordered = [[Item]](repeating: [], count: rowCount)
    for index in graph.nodes.indices { unordered[ranks[index]].append(.node(index)) }
    for (index, edge) in edges.enumerated() where ranks[edge.to] - ranks[edge.from] > 1 {
      for row in (ranks[edge.from] + 1)..<ranks[edge.to] {
        unordered[row].append(.passage(edge: index))
      }
    }
    nodeSlots = Array(repeating: (0, 0), count: graph.nodes.count)
    // First pass, top down: order each row by where its feeders stand.
    place(unordered, ranks: ranks, graph: graph, reorder: true)
    // Second pass, bottom up: order each row by where its readers stand and by which input of
    // theirs it is, so that branches stand in the order a merge lists them (no crossings above
    // a merge); then place the rows again, top down, in that order.
    var ordered = rows
    for row in stride(from: rows.count - 2, through: 0, by: -1) {
      // An item nothing in the next row reads keeps its place.
      let keys = ordered[row].indices.map { position in
        readerKey(of: ordered[row][position], row: row, ranks: ranks, graph: graph)
          ?? centres[row][position]
      }
      let order = ordered[row].indices.sorted { left, right in
        keys[left] != keys[right] ? keys[left] < keys[right] : left < right
      }
      // The items move into the row's slots in their new order; the slots stay where they are.
      ordered[row] = order.map { ordered[row][$0] }
      rows[row] = ordered[row]
      for (position, item) in ordered[row].enumerated() {
        record(item, row: row, position: position)
      }
    }
    rows = []
    centres = []
    place(ordered, ranks: ranks, graph: graph, reorder: false)
    // Shift everything so that the leftmost box starts at the margin.
    var left = Double.infinity
    var right = -Double.infinity
    for (items, xs) in zip(rows, centres) {
      for (item, x) in zip(items, xs) {
        left = min(left, x - Self.width(of: item) / 2)
        right = max(right, x + Self.width(of: item) / 2)
      }
    }
    if left == .infinity { left = 0 }
    if right == -.infinity { right = 0 }
    centres = centres.map { $0.map { $0 - left + Self.margin } }
    width = right - left + 2 * Self.margin
    height = Double(rowCount) * (Self.boxHeight + Self.rowGap) - Self.rowGap + 2 * Self.margin
  }

  private mutating func record(_ item: Item, row: Int, position: Int) {
    switch item {
    case .node(let index): nodeSlots[index] = (row, position)
    case .passage(let edge): passageSlots[edge, default: [:]][row] = position
    }
  }

  /// Places the rows top down: each item under the mean of its feeders, pushed right of its left
  /// neighbour, the whole row then moved so that on average the items sit where they wanted to.
  /// With `reorder`, each row is first sorted by those wanted positions (ties: nodes before
  /// passages, then the given order).
  private mutating func place(_ given: [[Item]], ranks: [Int], graph: LayerGraph, reorder: Bool) {
    rows = []
    centres = []
    for row in given.indices {
      let desired: [Double?] = given[row].map { item in
        let feeders = feeders(of: item, row: row, ranks: ranks, graph: graph)
        guard !feeders.isEmpty else { return nil }
        return feeders.reduce(0, +) / Double(feeders.count)
      }
      var order = Array(given[row].indices)
      if reorder {
        order.sort { left, right in
          let a = desired[left] ?? 0
          let b = desired[right] ?? 0
          if a != b { return a < b }
          let leftIsNode = if case .node = given[row][left] { true } else { false }
          let rightIsNode = if case .node = given[row][right] { true } else { false }
          if leftIsNode != rightIsNode { return leftIsNode }
          return left < right
        }
      }
      let items = order.map { given[row][$0] }
      let wanted = order.map { desired[$0] }
      var xs: [Double] = []
      if wanted.contains(where: { $0 == nil }) {
        // The inputs' row: side by side from 0.
        var x = 0.0
        for item in items {
          xs.append(x + Self.width(of: item) / 2)
          x += Self.width(of: item) + Self.columnGap
        }
      } else {
        for (position, item) in items.enumerated() {
          let want = wanted[position] ?? 0
          guard position > 0 else {
            xs.append(want)
            continue
          }
          let minimum =
            xs[position - 1] + (Self.width(of: items[position - 1]) + Self.width(of: item)) / 2
            + Self.columnGap
          xs.append(max(want, minimum))
        }
        let offsets = zip(xs, wanted).map { x, want in x - (want ?? x) }
        let shift = offsets.reduce(0, +) / Double(max(offsets.count, 1))
        xs = xs.map { $0 - shift }
      }
      rows.append(items)
      centres.append(xs)
      for (position, item) in items.enumerated() { record(item, row: row, position: position) }
    }
  }

  /// Where the readers of `item` in `row + 1` stand, each nudged by which of its target's
  /// inputs the edge is; nil for an item nothing in the next row reads.
  private func readerKey(of item: Item, row: Int, ranks: [Int], graph: LayerGraph) -> Double? {
    let outgoing: [Int]
    switch item {
    case .node(let index): outgoing = edges.indices.filter { edges[$0].from == index }
    case .passage(let edge): outgoing = [edge]
    }
    var keys: [Double] = []
    for edge in outgoing {
      let target = edges[edge].to
      let port = Double(graph.nodes[target].inputs.firstIndex(of: edges[edge].from) ?? 0)
      if ranks[target] == row + 1 {
        keys.append(centre(ofNode: target) + port)
      } else if let position = passageSlots[edge]?[row + 1] {
        keys.append(centres[row + 1][position] + port)
      }
    }
    guard !keys.isEmpty else { return nil }
    return keys.reduce(0, +) / Double(keys.count)
  }

  /// The x of the items in `row - 1` that feed `item`.
  private func feeders(of item: Item, row: Int, ranks: [Int], graph: LayerGraph) -> [Double] {
    guard row > 0 else { return [] }
    let sources: [Int]
    switch item {
    case .node(let index):
      sources = edges.indices.filter { edges[$0].to == index }
    case .passage(let edge):
      sources = [edge]
    }
    return sources.compactMap { edge in
      if ranks[edges[edge].from] == row - 1 {
        let slot = nodeSlots[edges[edge].from]
        return centres[slot.row][slot.position]
      }
      return passageSlots[edge]?[row - 1].map { centres[row - 1][$0] }
    }
  }

  static func width(of item: Item) -> Double {
    if case .node = item { return boxWidth }
    return passageWidth
  }

  /// The top of row `row`.
  static func top(ofRow row: Int) -> Double { margin + Double(row) * (boxHeight + rowGap) }

  /// The centre x of node `index`.
  func centre(ofNode index: Int) -> Double {
    let slot = nodeSlots[index]
    return centres[slot.row][slot.position]
  }

  /// The points an edge runs through: the bottom of its source, down each passage, the top of its
  /// target (at `arrival`, where on the target's top edge it ends).
  func points(of edgeIndex: Int, arrival: Double) -> [(x: Double, y: Double)] {
    let edge = edges[edgeIndex]
    let from = nodeSlots[edge.from]
    let to = nodeSlots[edge.to]
    var points = [(centre(ofNode: edge.from), Self.top(ofRow: from.row) + Self.boxHeight)]
    for row in (from.row + 1)..<max(to.row, from.row + 1) {
      guard let position = passageSlots[edgeIndex]?[row] else { continue }
      let x = centres[row][position]
      points.append((x, Self.top(ofRow: row)))
      points.append((x, Self.top(ofRow: row) + Self.boxHeight))
    }
    points.append((arrival, Self.top(ofRow: to.row)))
    return points
  }
}
