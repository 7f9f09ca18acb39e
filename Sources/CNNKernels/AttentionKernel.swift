import Foundation

/// The attention of Keras' `MultiHeadAttention`, `Attention` and `AdditiveAttention`: scores of
/// every query position against every key position, a softmax over the key positions (TensorFlow's:
/// `exp(x - max) / sum`), and the weighted sum of the values. The projections around it are
/// `DenseKernel` calls made by the layers.
public enum AttentionKernel {
  /// How `Attention` and `AdditiveAttention` score a query against a key.
  public enum Score: Sendable {
    /// `q . k`, times `scale` when the layer learns one (`Attention(use_scale=True)`).
    case dot(scale: Float?)
    /// `weight * sum(tanh(scale * (q + k)))` (`Attention(score_mode="concat")`).
    case concat(scale: Float?, weight: Float)
    /// `sum(scale * tanh(q + k))` with one scale per feature (`AdditiveAttention`).
    case additive(scale: [Float]?)
  }

  /// Multi-head attention over grouped positions.
  ///
  /// query (B, Pq..., H*D) already projected and scaled; key (B, Pk..., H*D); value
  /// (B, Pk..., H*Dv) -> context (B, Pq..., H*Dv). `queryPositions` and `keyPositions` are the
  /// axes between batch and features; `attentionAxes` index them: positions that differ only along
  /// those axes attend to each other, the other axes (equal in query and key) act as batch axes.
  /// `causal` masks key slots after the query slot.
  public static func multiHead(
    query: Tensor, queryPositions: [Int], key: Tensor, value: Tensor, keyPositions: [Int],
    heads: Int, attentionAxes: [Int], causal: Bool = false
  ) throws(KernelError) -> Tensor {
    try multiHeadWithScores(
      query: query, queryPositions: queryPositions, key: key, value: value,
      keyPositions: keyPositions, heads: heads, attentionAxes: attentionAxes, causal: causal,
      keepScores: false
    ).output
  }

  /// Like `multiHead`, also returning the softmax scores with `keepScores` (Keras'
  /// `return_attention_scores=True`), laid out as Keras' einsum gives them: batch, the positions
  /// not attended over, heads, query positions, key positions (zeros where a causal mask hides a
  /// key).
  ///
  /// `queryMask` (batch * query positions) and `keyMask` (batch * key positions) are Keras' masks
  /// of the query and of the value (`Embedding(mask_zero=True)`, `Masking`): Keras adds -1e9 to
  /// the scores of masked keys, and of every key of a masked query, so masked keys weigh 0 and a
  /// query that sees no key weighs every key of its group alike.
  public static func multiHeadWithScores(
    query: Tensor, queryPositions: [Int], key: Tensor, value: Tensor, keyPositions: [Int],
    heads: Int, attentionAxes: [Int], causal: Bool = false, keepScores: Bool,
    queryMask: [Bool]? = nil, keyMask: [Bool]? = nil, pairMask: [Bool]? = nil
  ) throws(KernelError) -> (output: Tensor, scores: [Float]) {
    let batch = query.shape.first ?? 0
    let queryCount = queryPositions.reduce(1, *)
    let keyCount = keyPositions.reduce(1, *)
    guard batch > 0, heads > 0, queryCount > 0, keyCount > 0 else {
      throw KernelError("attention needs at least one position and one head")
    }
    let depth = query.count / (batch * queryCount * heads)
    let valueDepth = value.count / (batch * keyCount * heads)
    guard query.count == batch * queryCount * heads * depth,
      key.count == batch * keyCount * heads * depth,
      value.count == batch * keyCount * heads * valueDepth
    else {
      throw KernelError(
        "attention inputs do not agree: query \(query.shape), key \(key.shape), value \(value.shape)"
      )
    }
    let queryGroups = groups(positions: queryPositions, attentionAxes: attentionAxes)
    let keyGroups = groups(positions: keyPositions, attentionAxes: attentionAxes)
    guard queryGroups.count == keyGroups.count else {
      throw KernelError("query and key positions differ along axes that are not attended over")
    }
    guard queryMask.map({ $0.count == batch * queryCount }) ?? true,
      keyMask.map({ $0.count == batch * keyCount }) ?? true,
      pairMask.map({ $0.count == batch * queryCount * keyCount }) ?? true
    else {
      throw KernelError("attention masks do not fit \(batch) samples of the query and the key")
    }
    let masked = queryMask != nil || keyMask != nil || pairMask != nil
    var output = try Tensor(shape: Array(query.shape.dropLast()) + [heads * valueDepth])
    var scores = [Float](repeating: 0, count: keyCount)
    var taken = [Int](repeating: 0, count: keyCount)
    let groupSize = (queryGroups.first?.count ?? 0) * (keyGroups.first?.count ?? 0)
    var kept = [Float](
      repeating: 0, count: keepScores ? batch * queryGroups.count * heads * groupSize : 0)
    query.withUnsafeBufferPointer { q in
      key.withUnsafeBufferPointer { k in
        value.withUnsafeBufferPointer { v in
          output.withUnsafeMutableBufferPointer { out in
            for b in 0..<batch {
              for (g, (queryGroup, keyGroup)) in zip(queryGroups, keyGroups).enumerated() {
                for h in 0..<heads {
                  for (i, qp) in queryGroup.enumerated() {
                    let qBase = ((b * queryCount + qp) * heads + h) * depth
                    let visible = causal ? min(i + 1, keyGroup.count) : keyGroup.count
                    if masked {
                      // The keys this query attends to, their softmax, then the weighted values.
                      var count = 0
                      if queryMask?[b * queryCount + qp] ?? true {
                        for j in 0..<visible
                        where keyMask?[b * keyCount + keyGroup[j]] ?? true
                          && pairMask?[(b * queryCount + qp) * keyCount + keyGroup[j]] ?? true
                        {
                          taken[count] = j
                          count += 1
                        }
                      }
                      var largest = -Float.infinity
                      for c in 0..<count {
                        let kBase = ((b * keyCount + keyGroup[taken[c]]) * heads + h) * depth
                        var sum: Float = 0
                        for d in 0..<depth { sum += q[qBase + d] * k[kBase + d] }
                        scores[c] = sum
                        largest = max(largest, sum)
                      }
                      normalize(&scores, count: count, largest: largest)
                      if count == 0 {
                        count = keyGroup.count
                        for j in 0..<count {
                          taken[j] = j
                          scores[j] = 1 / Float(count)
                        }
                      }
                      if keepScores {
                        let base =
                          ((b * queryGroups.count + g) * heads + h) * groupSize + i
                          * keyGroup.count
                        for c in 0..<count { kept[base + taken[c]] = scores[c] }
                      }
                      let oBase = ((b * queryCount + qp) * heads + h) * valueDepth
                      for d in 0..<valueDepth { out[oBase + d] = 0 }
                      for c in 0..<count {
                        let vBase = ((b * keyCount + keyGroup[taken[c]]) * heads + h) * valueDepth
                        let weight = scores[c]
                        for d in 0..<valueDepth { out[oBase + d] += weight * v[vBase + d] }
                      }
                      continue
                    }
                    var largest = -Float.infinity
                    for j in 0..<visible {
                      let kBase = ((b * keyCount + keyGroup[j]) * heads + h) * depth
                      var sum: Float = 0
                      for d in 0..<depth { sum += q[qBase + d] * k[kBase + d] }
                      scores[j] = sum
                      largest = max(largest, sum)
                    }
                    normalize(&scores, count: visible, largest: largest)
                    if keepScores {
                      let base =
                        ((b * queryGroups.count + g) * heads + h) * groupSize + i * keyGroup.count
                      for j in 0..<visible { kept[base + j] = scores[j] }
                    }
                    let oBase = ((b * queryCount + qp) * heads + h) * valueDepth
                    for d in 0..<valueDepth { out[oBase + d] = 0 }
                    for j in 0..<visible {
                      let vBase = ((b * keyCount + keyGroup[j]) * heads + h) * valueDepth
                      let weight = scores[j]
                      for d in 0..<valueDepth { out[oBase + d] += weight * v[vBase + d] }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (output, kept)
  }

  /// Attention of `Attention`/`AdditiveAttention` on sequences.
  ///
  /// query (B, Tq, D), key (B, Tk, D), value (B, Tk, Dv) -> (B, Tq, Dv).
  ///
  /// `keyMask` (B*Tk) and `queryMask` (B*Tq): the Keras masks of the value and the query. Keras
  /// subtracts 1e9 from the scores of masked keys (they weigh 0; a query that sees no key weighs
  /// every key alike) and zeroes the outputs of masked queries.
  public static func sequence(
    query: Tensor, key: Tensor, value: Tensor, score: Score, causal: Bool = false,
    queryMask: [Bool]? = nil, keyMask: [Bool]? = nil
  ) throws(KernelError) -> Tensor {
    guard query.rank == 3, key.rank == 3, value.rank == 3, query.shape[0] == key.shape[0],
      key.shape[0] == value.shape[0], query.shape[2] == key.shape[2],
      key.shape[1] == value.shape[1]
    else {
      throw KernelError(
        "attention inputs do not agree: query \(query.shape), key \(key.shape), value \(value.shape)"
      )
    }
    let (batch, queries, depth) = (query.shape[0], query.shape[1], query.shape[2])
    let (keys, valueDepth) = (key.shape[1], value.shape[2])
    if case .additive(let scale?) = score, scale.count != depth {
      throw KernelError("additive attention scale has \(scale.count) values for \(depth) features")
    }
    guard queryMask.map({ $0.count == batch * queries }) ?? true,
      keyMask.map({ $0.count == batch * keys }) ?? true
    else {
      throw KernelError("attention masks do not fit \(batch) samples of the query and the value")
    }
    var output = try Tensor(shape: [batch, queries, valueDepth])
    var scores = [Float](repeating: 0, count: max(keys, 1))
    var taken = [Int](repeating: 0, count: max(keys, 1))
    query.withUnsafeBufferPointer { q in
      key.withUnsafeBufferPointer { k in
        value.withUnsafeBufferPointer { v in
          output.withUnsafeMutableBufferPointer { out in
            for b in 0..<batch {
              for i in 0..<queries {
                let qBase = (b * queries + i) * depth
                let visible = causal ? min(i + 1, keys) : keys
                // The keys this query weighs (all visible ones without a mask).
                var count = 0
                for j in 0..<visible where keyMask?[b * keys + j] ?? true {
                  taken[count] = j
                  count += 1
                }
                var largest = -Float.infinity
                for c in 0..<count {
                  let j = taken[c]
                  let kBase = (b * keys + j) * depth
                  var sum: Float = 0
                  switch score {
                  case .dot(let scale):
                    for d in 0..<depth { sum += q[qBase + d] * k[kBase + d] }
                    if let scale { sum *= scale }
                  case .concat(let scale, let weight):
                    for d in 0..<depth {
                      let added = q[qBase + d] + k[kBase + d]
                      sum += EigenMath.tanh(scale.map { $0 * added } ?? added)
                    }
                    sum *= weight
                  case .additive(let scale):
                    for d in 0..<depth {
                      let t = EigenMath.tanh(q[qBase + d] + k[kBase + d])
                      sum += scale.map { $0[d] * t } ?? t
                    }
                  }
                  scores[c] = sum
                  largest = max(largest, sum)
                }
                normalize(&scores, count: count, largest: largest)
                if count == 0 {
                  count = keys
                  for j in 0..<keys {
                    taken[j] = j
                    scores[j] = 1 / Float(keys)
                  }
                }
                let oBase = (b * queries + i) * valueDepth
                for d in 0..<valueDepth { out[oBase + d] = 0 }
                if !(queryMask?[b * queries + i] ?? true) { continue }
                for c in 0..<count {
                  let vBase = (b * keys + taken[c]) * valueDepth
                  for d in 0..<valueDepth { out[oBase + d] += scores[c] * v[vBase + d] }
                }
              }
            }
          }
        }
      }
    }
    return output
  }

  /// TensorFlow's softmax of `scores[0..<count]` in place: `exp(x - max) / sum`.
  private static func normalize(_ scores: inout [Float], count: Int, largest: Float) {
    var total: Float = 0
    for j in 0..<count {
      let e = expf(scores[j] - largest)
      scores[j] = e
      total += e
    }
    for j in 0..<count { scores[j] /= total }
  }

  /// The positions (row-major over `positions`) grouped by their coordinates along the axes not in
  /// `attentionAxes`; within a group, in row-major order of the attended coordinates.
  public static func groups(positions: [Int], attentionAxes: [Int]) -> [[Int]] {
    let count = positions.reduce(1, *)
    let batchAxes = positions.indices.filter { !attentionAxes.contains($0) }
    var groupIndex: [[Int]: Int] = [:]
    var groups: [[Int]] = []
    var coordinates = [Int](repeating: 0, count: positions.count)
    for position in 0..<count {
      var rest = position
      for axis in positions.indices.reversed() {
        coordinates[axis] = rest % positions[axis]
        rest /= positions[axis]
      }
      let groupKey = batchAxes.map { coordinates[$0] }
      if let index = groupIndex[groupKey] {
        groups[index].append(position)
      } else {
        groupIndex[groupKey] = groups.count
        groups.append([position])
      }
    }
    return groups
  }
}
