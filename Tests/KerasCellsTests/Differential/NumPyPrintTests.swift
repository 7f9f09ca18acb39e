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
    let array = NDArray(dtype: dtype, shape: c.shape, scalars: c.values.map { Float($0) })
    #expect(NumPyArrayText.text(array, repr: false) == c.str, "\n\(c.str)")
    #expect(NumPyArrayText.text(array, repr: true) == c.repr, "\n\(c.repr)")
  }
}
