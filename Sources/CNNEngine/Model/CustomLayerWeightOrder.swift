/// The order Keras lists a custom layer's weights in (`layer.weights`, and so `model.weights`
/// and `get_weights()`), measured with tf-keras 2.21 and Keras 3.15: the layer's own `add_weight`
/// variables first (in creation order), then those of the layers it holds as attributes, in the
/// order it assigned them (a held custom layer in the same order, recursively). tf-keras lists
/// every trainable weight of that walk first, then the non-trainable ones (a BatchNormalization's
/// moving statistics go last); Keras 3 lists each layer's own trainable then non-trainable weights
/// as the walk meets it. A weight whose layer the walk does not meet (a layer made inside `call`)
/// keeps its traced place after the others.
public struct CustomLayerWeightOrder {
  /// The layers that own weights, in the walk's order, grouped by the layer that holds them
  /// directly: one group for a custom layer's own weight nodes, one per held built-in layer.
  public var groups: [[ObjectIdentifier]]
  public var keras3: Bool

  public init(groups: [[ObjectIdentifier]], keras3: Bool) {
    self.groups = groups
    self.keras3 = keras3
  }

  /// `variables` (in the traced graph's order) in Keras' order.
  func ordered(_ variables: [WeightVariable]) -> [WeightVariable] {
    var place: [ObjectIdentifier: (group: Int, position: Int)] = [:]
    var position = 0
    for (group, owners) in groups.enumerated() {
      for owner in owners where place[owner] == nil {
        place[owner] = (group, position)
        position += 1
      }
    }
    let keyed = variables.enumerated().map { index, variable in
      let found = variable.owner.flatMap { place[ObjectIdentifier($0)] }
      return (
        variable: variable, index: index, group: found?.group ?? groups.count,
        position: found?.position ?? position, trainable: variable.spec.trainable
      )
    }
    let sorted = keyed.sorted { a, b in
      if keras3 {
        if a.group != b.group { return a.group < b.group }
        if a.trainable != b.trainable { return a.trainable }
      } else if a.trainable != b.trainable {
        return a.trainable
      }
      if a.position != b.position { return a.position < b.position }
      return a.index < b.index
    }
    return sorted.map(\.variable)
  }
}
