import Foundation
import KerasCells

/// The files a lesson's cells may use: its own folder (`model.save_weights("w.npz")`, written
/// atomically; `load_weights`), and Keras' data set cache, `$KERAS_HOME/datasets` or
/// `~/.keras/datasets`, for `keras.datasets.mnist.load_data()`. Nothing is downloaded.
enum LessonFiles {
  /// Arrays and weights read by cells stay below this size.
  static let readLimit = 512 << 20

  static func access(forLesson sourceFile: String) -> CellFiles {
    let folder = (sourceFile as NSString).deletingLastPathComponent
    func path(_ name: String) -> String {
      folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }
    return CellFiles(
      read: { name in try TextFile.readBytes(path(name), limit: readLimit) },
      write: { name, bytes in
        try AtomicFileWriter.write(bytes, to: path(name), inputs: [sourceFile])
      },
      kerasDataset: { name in
        let environment = ProcessInfo.processInfo.environment
        let home =
          environment["KERAS_HOME"]
          ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(
            ".keras")
        let file = ((home as NSString).appendingPathComponent("datasets") as NSString)
          .appendingPathComponent(name)
        return try? TextFile.readBytes(file, limit: readLimit)
      })
  }
}
