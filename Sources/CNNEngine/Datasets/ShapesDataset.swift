/// ConvBook's own procedural data set for lessons: small grey images of one simple shape each
/// (0 square outline, 1 filled disc, 2 plus-shaped cross, 3 diagonal X), drawn at a random size,
/// with a random brightness, on a faintly noisy background. Not real data: it exists so that a
/// lesson can train in seconds, anywhere, with no download, and get the same images on every
/// machine.
///
/// Every value comes from `SeededGenerator` with integer arithmetic only, so a seed gives the same
/// bytes everywhere. `centred` places every shape in the middle of the image (up to one pixel
/// off); otherwise a shape lands anywhere it fits, which is what the shift experiment of the
/// training lesson contrasts with.
public enum ShapesDataset {
  public static let classNames = ["square", "disc", "cross", "x"]

  /// `count` images of `size`×`size` as uint8 values (held as Float), and their labels, from the
  /// stream `stream` of `seed` (train and test use different streams).
  public static func generate(
    count: Int, size: Int, seed: UInt64, stream: String, centred: Bool
  ) -> (images: [Float], labels: [Float]) {
    var generator = SeededGenerator(seed: seed, stream: "shapes/" + stream)
    func draw(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(generator.next() % UInt64(bound)) }
    var images = [Float](repeating: 0, count: count * size * size)
    var labels = [Float](repeating: 0, count: count)
    let smallest = max(3, size / 4)
    let largest = max(smallest, size / 2)
    for n in 0..<count {
      let label = draw(classNames.count)
      labels[n] = Float(label)
      let base = n * size * size
      for p in 0..<(size * size) { images[base + p] = Float(draw(40)) }
      // An odd side, so that a shape has a centre pixel.
      var side = smallest + draw(largest - smallest + 1)
      if side % 2 == 0 { side -= 1 }
      side = max(3, min(side, size))
      let top: Int
      let left: Int
      if centred {
        let middle = (size - side) / 2
        top = max(0, min(size - side, middle + draw(3) - 1))
        left = max(0, min(size - side, middle + draw(3) - 1))
      } else {
        top = draw(size - side + 1)
        left = draw(size - side + 1)
      }
      let brightness = Float(160 + draw(96))
      let half = side / 2
      for row in 0..<side {
        for column in 0..<side {
          let (dy, dx) = (row - half, column - half)
          let inside: Bool
          switch label {
          case 0:
            inside = row == 0 || column == 0 || row == side - 1 || column == side - 1
          case 1:
            inside = dy * dy + dx * dx <= half * half
          case 2:
            inside = abs(dy) <= side / 8 || abs(dx) <= side / 8
          default:
            inside = abs(abs(dy) - abs(dx)) <= side / 8
          }
          if inside { images[base + (top + row) * size + left + column] = brightness }
        }
      }
    }
    return (images, labels)
  }
}
