import ConvBookCore
import Foundation
import KerasCells
import Testing

/// The exported notebook's copy of the `shapes` data set is the reference Python file, and that
/// file draws what the cells draw (sums recorded by running it with NumPy).
@Suite struct ShapesExportTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func exportCarriesTheReferencePython() throws {
    let file = try String(
      contentsOf: Self.root.appendingPathComponent("Tools/keras-reference/convbook_shapes.py"),
      encoding: .utf8)
    #expect(ShapesDatasetExport.python + "\n" == file)
  }

  @Test func cellsDrawWhatThePythonDraws() {
    let session = KerasSession(kerasVersion: .keras2)
    let result = session.run(
      """
      from convbook.datasets import shapes
      (x, y), (xt, yt) = shapes.load_data(n_train=500, n_test=200, size=16, seed=1)
      print(y[:12], x[0].sum(), x.sum(), xt.sum(), yt[:10])
      """)
    #expect(result.error == nil)
    // ~/keras-ref/bin/python: shapes.load_data(n_train=500, n_test=200, size=16, seed=1)
    #expect(
      result.printed(footer: .modern)
        == "[3 3 1 1 1 3 3 1 1 3 3 0] 6216 3820168 1526524 [2 0 0 3 2 0 2 1 1 0]\n")
  }
}
