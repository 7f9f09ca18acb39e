import CNNEngine
import Foundation

/// `train_test_split(..., stratify=y)`: the first split of scikit-learn 1.9's
/// `StratifiedShuffleSplit(test_size=n_test, train_size=n_train)`. The classes are `np.unique`'s
/// (sorted; the rows of a 2-D `y`, such as one-hot labels, as the strings `" ".join(row)` of their
/// values), each class's rows in their order; `_approximate_mode` gives the train counts per class
/// and then the test counts of the rest (floors of the class shares, the remainders handed out
/// largest first, ties broken by `choice(..., replace=False)`); each class's rows are taken in the
/// order of `permutation(count)`, the first ones to train and the next to test; the two sets are
/// permuted last.
extension TrainTestSplit {
  static func stratified(
    _ labels: Value, samples: Int, train: Int, test: Int, state: inout NumPyRandomState,
    range: SourceRange
  ) throws(CellError) -> (train: [Int], test: [Int]) {
    func limitation() -> CellError {
      .unsupported(
        "ConvBook does not support train_test_split(stratify=...) with these labels yet",
        at: range)
    }
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    // The class of each row, as a key that sorts as `np.unique` sorts it, and its Python form.
    var numbers: [Double] = []
    var texts: [String] = []
    var integral = true
    switch labels {
    case .array(let array) where array.rank == 1 && array.dtype != .bool:
      numbers = (0..<array.count).map { array.value(at: $0) }
      integral = array.dtype.isInteger
    case .array(let array) where array.rank == 2 && array.dtype != .bool:
      let width = array.shape[1]
      texts = (0..<array.shape[0]).map { row in
        (0..<width).map { column in
          let value = array.value(at: row * width + column)
          return array.dtype.isInteger ? String(Int(value)) : PythonText.repr(.float(value))
        }.joined(separator: " ")
      }
    case .list(let items):
      for item in items.items {
        switch NumPyScalar.number(item) {
        case .int(let number): numbers.append(Double(number))
        case .float(let number):
          numbers.append(number)
          integral = false
        default: throw limitation()
        }
      }
    default: throw limitation()
    }
    guard numbers.count + texts.count == samples, !numbers.contains(where: \.isNaN) else {
      throw limitation()
    }
    var classOf: [Int]
    var names: [String]
    if texts.isEmpty {
      let classes = Array(Set(numbers)).sorted()
      let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
      classOf = numbers.map { index[$0]! }
      names = classes.map {
        integral ? String(Int($0)) : PythonText.repr(.float($0))
      }
    } else {
      let classes = Array(Set(texts)).sorted {
        $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value }
      }
      let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
      classOf = texts.map { index[$0]! }
      names = classes.map { PythonText.repr(.string($0)) }
    }
    var members = [[Int]](repeating: [], count: names.count)
    for (row, label) in classOf.enumerated() { members[label].append(row) }
    let counts = members.map(\.count)
    let few = counts.indices.filter { counts[$0] < 2 }
    if !few.isEmpty {
      throw valueError(
        "The least populated classes in y have only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2. Classes with too few members are: [\(few.map { names[$0] }.joined(separator: ", "))]"
      )
    }
    if train < names.count {
      throw valueError(
        "The train_size = \(train) should be greater or equal to the number of classes = \(names.count)"
      )
    }
    if test < names.count {
      throw valueError(
        "The test_size = \(test) should be greater or equal to the number of classes = \(names.count)"
      )
    }
    let trainCounts = approximateMode(counts, draws: train, &state)
    let testCounts = approximateMode(
      zip(counts, trainCounts).map { $0 - $1 }, draws: test, &state)
    var trainRows: [Int] = []
    var testRows: [Int] = []
    for label in members.indices {
      let order = permutation(members[label].count, &state).map { members[label][$0] }
      trainRows += order[0..<trainCounts[label]]
      testRows += order[trainCounts[label]..<(trainCounts[label] + testCounts[label])]
    }
    NumPyRandomIntegers.shuffle(count: trainRows.count, &state) { trainRows.swapAt($0, $1) }
    NumPyRandomIntegers.shuffle(count: testRows.count, &state) { testRows.swapAt($0, $1) }
    return (trainRows, testRows)
  }

  /// `np.random.permutation(count)`: `arange(count)` shuffled.
  private static func permutation(_ count: Int, _ state: inout NumPyRandomState) -> [Int] {
    var order = Array(0..<count)
    NumPyRandomIntegers.shuffle(count: count, &state) { order.swapAt($0, $1) }
    return order
  }

  /// `sklearn.utils.extmath._approximate_mode(class_counts, n_draws, rng)`.
  private static func approximateMode(
    _ counts: [Int], draws: Int, _ state: inout NumPyRandomState
  ) -> [Int] {
    let total = Double(counts.reduce(0, +))
    let continuous = counts.map { Double($0) / total * Double(draws) }
    var floored = continuous.map { $0.rounded(.down) }
    var needed = Int(Double(draws) - floored.reduce(0, +))
    if needed > 0 {
      let remainders = zip(continuous, floored).map { $0 - $1 }
      for value in Set(remainders).sorted(by: >) {
        let tied = remainders.indices.filter { remainders[$0] == value }
        let adding = min(tied.count, needed)
        for pick in permutation(tied.count, &state).prefix(adding) { floored[tied[pick]] += 1 }
        needed -= adding
        if needed == 0 { break }
      }
    }
    return floored.map { Int($0) }
  }
}
