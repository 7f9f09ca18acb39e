import CNNEngine
import KerasCells
import Testing

/// `from keras.utils import img_to_array` imports (scripts import it with `load_img` for helpers
/// they may never call, keras-io's ESPCN); a call is ConvBook's limitation.
@Suite struct ImageUtilityImportTests {
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func imgToArrayImportsAndRefusesCalls(_ version: KerasVersion) {
    let session = KerasSession(kerasVersion: version)
    let imported = session.run(
      """
      from keras.utils import load_img, img_to_array
      print("imported")

      """)
    #expect(imported.error == nil)
    let called = session.run(
      """
      import numpy as np
      img_to_array(np.zeros((2, 2)))

      """
    ).error
    #expect(called?.type == nil)
    #expect(called?.message.contains("keras.utils.img_to_array is not available") == true)
  }
}
