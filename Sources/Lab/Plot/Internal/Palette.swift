/// Series colours and colour maps.
///
/// Series use CSS variables (`--series-1` … `--series-8`) so the site's stylesheet can tune
/// them per theme; the fallbacks are the Okabe–Ito colour-blind-safe palette (without its
/// black, which vanishes on dark pages).
enum Palette {
  static let fallbacks = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#999999",
  ]

  /// The colour of series number `index` (0-based); the palette cycles after eight.
  static func series(_ index: Int) -> SeriesColor { SeriesColor(slot: index % fallbacks.count) }

  /// The colour of a series that is number `index` among the figure's series: the author's
  /// choice if there is one, else its turn in the palette.
  static func color(of mark: Mark, index: Int) -> SeriesColor {
    mark.chosenColor.map { SeriesColor(slot: $0.rawValue - 1) } ?? series(index)
  }
}

/// A series colour, written so that browsers use the page's theme variable and renderers
/// without CSS custom properties (librsvg, image viewers) still get the fallback colour.
struct SeriesColor: Equatable {
  var slot: Int

  var hex: String { Palette.fallbacks[slot] }
  var variable: String { "var(--series-\(slot + 1),\(hex))" }

  /// Attributes painting `properties` such as `["stroke"]` or `["fill", "stroke"]` in this colour:
  /// `stroke="#0072b2" style="stroke:var(--series-1,#0072b2)"`.
  func paint(_ properties: String...) -> [(String, String)] {
    properties.map { ($0, hex) } + [
      ("style", properties.map { "\($0):\(variable)" }.joined(separator: ";"))
    ]
  }
}

/// A colour map from [0, 1] to sRGB, as piecewise-linear interpolation between stops.
struct ColorStops: Sendable {
  var stops: [(Double, Double, Double)]

  /// viridis (perceptually uniform, colour-blind safe), sampled at 11 points.
  static let viridis = ColorStops(hex: [
    0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151,
    0xbddf26, 0xfde725,
  ])
  /// A blue–white–red diverging map (ColorBrewer RdBu, reversed so negative is blue).
  static let diverging = ColorStops(hex: [
    0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b,
  ])

  init(hex: [Int]) {
    stops = hex.map { (Double($0 >> 16 & 0xff), Double($0 >> 8 & 0xff), Double($0 & 0xff)) }
  }

  /// `#rrggbb` for a fraction in [0, 1] (clamped).
  func color(_ fraction: Double) -> String {
    let t = min(max(fraction.isNaN ? 0 : fraction, 0), 1) * Double(stops.count - 1)
    let index = min(Int(t), stops.count - 2)
    let local = t - Double(index)
    let (a, b) = (stops[index], stops[index + 1])
    let channels = [
      a.0 + (b.0 - a.0) * local, a.1 + (b.1 - a.1) * local, a.2 + (b.2 - a.2) * local,
    ]
    let digits = Array("0123456789abcdef")
    var text = "#"
    for channel in channels {
      let value = Int(channel.rounded())
      text.append(digits[value >> 4])
      text.append(digits[value & 15])
    }
    return text
  }
}
