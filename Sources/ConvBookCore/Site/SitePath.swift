/// Links between the files of a site, built from lesson file names.
enum SitePath {
  /// A file name of the site as a relative URL: every byte other than letters, digits and `-._~`
  /// is percent-encoded, so `a#b.html`, `c?d.html` and `e%20f.html` link to those very files
  /// instead of to a fragment, a query or `e f.html`.
  static func href(_ fileName: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var output: [UInt8] = []
    for byte in fileName.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        output.append(byte)
      default:
        output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
