import CNNEngine
import Foundation
import Testing

@testable import KerasCells

/// Arrays print as NumPy prints them: the cases of Tests/Fixtures/numpy/print.json, recorded from
/// NumPy 2.4 by Tools/keras-reference/make_numpy_print_fixtures.py (values, `str`, `repr`).
@Suite struct NumPyPrintTests {
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var dtype: String
    var shape: [Int]
    var values: [Double]
    var str: String
    var repr: String
    var description: String { name }
  }

  static let cases: [Case] = {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/numpy/print.json")
    guard let data = try? Data(contentsOf: url),
      let records = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else { return [] }
    return records.map { record in
      Case(
        name: record["name"] as? String ?? "", dtype: record["dtype"] as? String ?? "",
        shape: record["shape"] as? [Int] ?? [],
        values: (record["values"] as? [Any] ?? []).map {
          if let text = $0 as? String { return Double(text) ?? .nan }
          return ($0 as? Double) ?? Double($0 as? Int ?? 0)
        },
        str: record["str"] as? String ?? "", repr: record["repr"] as? String ?? "")
    }
  }()

  @Test func fixturesExist() { #expect(Self.cases.count >= 20) }

  @Test(arguments: cases) func printsAsNumPy(_ c: Case) throws {
    let dtype = try #require(NDArray.DType(name: c.dtype))
    let array = NDArray(dtype: dtype, shape: c.shape, doubles: c.values)
    #expect(NumPyArrayText.text(array, repr: false) == c.str, "\n\(c.str)")
    #expect(NumPyArrayText.text(array, repr: true) == c.repr, "\n\(c.repr)")
  }
}

/// Array arithmetic in cells prints NumPy's digits: float32 means summed in float32 (pairwise
/// along rows, in order down columns) and `np.round` in float32; expected text printed by NumPy 2.4.
@Suite struct NumPyCellPrintTests {
  /// `np.arange` with a start, a step and floats, printed as NumPy 2.4 prints them.
  @Test func arangeTakesStepsAndFloats() {
    let result = CellRunner().run(
      """
      import numpy as np
      print(np.arange(5), np.arange(2, 9, 3), np.arange(5, 0, -2), np.arange(3, 1))
      print(np.arange(12.0).reshape(4, 3) / 10)
      print(np.arange(0, 1, 0.25))
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(
      result.printed == """
        [0 1 2 3 4] [2 5 8] [5 3 1] []
        [[0.  0.1 0.2]
         [0.3 0.4 0.5]
         [0.6 0.7 0.8]
         [0.9 1.  1.1]]
        [0.   0.25 0.5  0.75]

        """)
    let zero = CellRunner().run("import numpy as np\nnp.arange(0, 3, 0)")
    #expect(zero.error?.type == "ZeroDivisionError")
  }

  @Test func meansAndRoundingPrintNumPysDigits() {
    let cells = CellRunner()
    let result = cells.run(
      """
      import numpy as np
      x = np.arange(12).reshape(3, 4).astype("float32") / 7.0
      print(x)
      print(x[0, :3])
      print(x.mean(axis=0))
      print(np.round(x, 2))
      print(repr(x[0]))
      print(x.round(1)[2], np.round(np.array([15, 25, -35]), -1))
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(
      result.printed == """
        [[0.         0.14285715 0.2857143  0.42857143]
         [0.5714286  0.71428573 0.85714287 1.        ]
         [1.1428572  1.2857143  1.4285715  1.5714285 ]]
        [0.         0.14285715 0.2857143 ]
        [0.5714286 0.7142857 0.8571429 1.       ]
        [[0.   0.14 0.29 0.43]
         [0.57 0.71 0.86 1.  ]
         [1.14 1.29 1.43 1.57]]
        array([0.        , 0.14285715, 0.2857143 , 0.42857143], dtype=float32)
        [1.1 1.3 1.4 1.6] [ 20  20 -40]

        """)
  }

  @Test func pairwiseSumIsNumPys() {
    // 0.1 summed 1000 times in float32: NumPy's pairwise sum prints np.float32(100.000015).
    let values = [Float](repeating: 0.1, count: 1000)
    let sum = values.withUnsafeBufferPointer {
      NumPyKernel.pairwiseSum($0.baseAddress!, count: 1000)
    }
    #expect(sum == 100.000015)
  }
}

/// NumPy's dtype rules in cells: the expressions of Tests/Fixtures/numpy/expressions.json
/// (float64 from Python floats, float32 kept against Python scalars, promotion between arrays,
/// reductions, casts), each printed in a cell and compared with the `str` NumPy 2.4 printed.
@Suite struct NumPyExpressionTests {
  struct Case: Sendable, CustomStringConvertible {
    var source: String
    var str: String
    var description: String { source }
  }

  static let cases: [Case] = {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/numpy/expressions.json")
    guard let data = try? Data(contentsOf: url),
      let records = try? JSONSerialization.jsonObject(with: data) as? [[String: String]]
    else { return [] }
    return records.map { Case(source: $0["source"] ?? "", str: $0["str"] ?? "") }
  }()

  @Test func fixturesExist() { #expect(Self.cases.count >= 40) }

  @Test(arguments: cases) func printsAsNumPy(_ c: Case) {
    let result = CellRunner().run("import numpy as np\nprint(\(c.source))")
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(result.printed == c.str + "\n")
  }
}
