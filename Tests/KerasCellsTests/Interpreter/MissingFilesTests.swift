import Testing

@testable import KerasCells

/// A script run as `python FILE.py` looks up the files it reads (`KerasSession.pathExists`): a
/// missing one fails with Python's own error, one that is there stays ConvBook's limitation, and
/// a lesson (no lookup) refuses as before.
struct MissingFilesTests {
  private func run(_ source: String, exists: Bool?) -> CellError? {
    let runner = CellRunner()
    if let exists { runner.session.pathExists = { _ in exists } }
    return runner.run("import numpy as np\nfrom tensorflow import keras\n" + source).error
  }

  @Test func missingPathsAreFileNotFoundErrors() {
    for source in [
      "open('labels.txt')", "open('labels.txt', 'rb')", "np.load('x.npy')",
      "keras.preprocessing.image.load_img('labels.txt')", "keras.utils.load_img('labels.txt')",
      "keras.preprocessing.image.ImageDataGenerator().flow_from_directory('labels.txt')",
    ] {
      let error = run(source, exists: false)
      #expect(error?.type == "FileNotFoundError", "\(source)")
      let name = source.contains("x.npy") ? "'x.npy'" : "'labels.txt'"
      #expect(error?.message == "[Errno 2] No such file or directory: \(name)", "\(source)")
    }
    let model = run("keras.models.load_model('m.h5')", exists: false)
    #expect(model?.type == "OSError")
    #expect(model?.message == "No file or directory found at m.h5")
  }

  @Test func presentFilesWritesAndLessonsStayRefused() {
    for (source, exists) in [
      ("open('labels.txt')", true), ("open('labels.txt', 'w')", false),
      ("np.load('x.npy')", true), ("keras.models.load_model('m.h5')", true),
      ("open('labels.txt')", nil), ("keras.models.load_model('m.h5')", nil),
    ] as [(String, Bool?)] {
      let error = run(source, exists: exists)
      #expect(error != nil && error?.type == nil, "\(source)")
    }
  }

  @Test func folderLookupsAnswerForMissingPathsOnly() {
    let runner = CellRunner()
    runner.session.pathExists = { _ in false }
    let (printed, error) = runner.run(
      """
      import os, glob
      print(os.path.exists('data'), os.path.isdir('data/a'), os.path.isfile('m.h5'))
      print(glob.glob('data/*/*.jpg'), glob.glob('labels.csv'))
      """)
    #expect(error == nil)
    #expect(printed == "False False False\n[] []\n")
    let listed = run("import os\nos.listdir('data/train')", exists: false)
    #expect(listed?.type == "FileNotFoundError")
    #expect(listed?.message == "[Errno 2] No such file or directory: 'data/train'")
    // A folder that is there, a pattern matched in the current folder and a lesson: refused.
    for (source, exists) in [
      ("import os\nos.path.isdir('data')", true), ("import os\nos.listdir('data')", true),
      ("import glob\nglob.glob('*.png')", false), ("import os\nos.path.exists('data')", nil),
    ] as [(String, Bool?)] {
      let error = run(source, exists: exists)
      #expect(error != nil && error?.type == nil, "\(source)")
    }
  }

  @Test func sysPathTakesAdditionsButIsNotRead() {
    let runner = CellRunner()
    let added = runner.run("import sys\nsys.path.append('..')\nsys.path.insert(0, 'src')")
    #expect(added.error == nil)
    for source in ["print(sys.path)", "len(sys.path)", "'src' in sys.path", "sys.path[0]"] {
      let error = runner.run(source).error
      #expect(error != nil && error?.type == nil, "\(source)")
    }
  }
}
