import Foundation

/// A number as printed in an output or a page, with the value it denotes.
public struct PrintedNumber: Sendable, Hashable {
  /// The characters as printed, such as `−0.0388` or `3.34e-15`.
  public var text: String
  /// The value the text denotes.
  public var value: Double
  /// One unit in the last digit shown (`0.0001` for `0.0388`, `1e-17` for `3.34e-15`),
  /// or `nil` for an integer, whose last digit is exact.
  public var lastDigitStep: Double?

  /// A printed number.
  public init(text: String, value: Double, lastDigitStep: Double?) {
    self.text = text
    self.value = value
    self.lastDigitStep = lastDigitStep
  }
}

/// Printed text split into numbers and the text between them.
///
/// A number is an optional sign (`-`, `+` or `−`), digits, an optional fraction and an
/// optional exponent (`e-15`). Digits that continue a word (`x86`, `h2`, a hex digest's
/// `a3f9`) are text, so identifiers and hashes are compared exactly.
public enum NumericText {
  /// A run of text or one number.
  public enum Piece: Sendable, Hashable {
    /// Text between numbers.
    case text(String)
    /// A number.
    case number(PrintedNumber)
  }

  /// The pieces of `text`, in order; joining their texts gives `text` back.
  public static func pieces(of text: String) -> [Piece] {
    var scanner = Scanner(scalars: Array(text.unicodeScalars))
    return scanner.scan()
  }

  private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    var pieces: [Piece] = []
    var pendingText = String.UnicodeScalarView()

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func scan() -> [Piece] {
      while index < scalars.count {
        if let end = numberEnd(from: index) {
          flushText()
          pieces.append(.number(Self.number(String(String.UnicodeScalarView(scalars[index..<end])))))
          index = end
        } else {
          pendingText.append(scalars[index])
          index += 1
        }
      }
      flushText()
      return pieces
    }

    private mutating func flushText() {
      guard !pendingText.isEmpty else { return }
      pieces.append(.text(String(pendingText)))
      pendingText = String.UnicodeScalarView()
    }

    /// The end of a number starting at `start`, or nil if none starts there.
    private func numberEnd(from start: Int) -> Int? {
      if start > 0, Self.isWordScalar(scalars[start - 1]) { return nil }
      var position = start
      if Self.isSign(scalars[position]) { position += 1 }
      let digitsStart = position
      position = digitsEnd(from: position)
      let hasInteger = position > digitsStart
      if position < scalars.count, scalars[position] == ".", digitsEnd(from: position + 1) > position + 1 {
        position = digitsEnd(from: position + 1)
      } else if !hasInteger {
        return nil
      }
      if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
        var exponent = position + 1
        if exponent < scalars.count, Self.isSign(scalars[exponent]) { exponent += 1 }
        let exponentEnd = digitsEnd(from: exponent)
        if exponentEnd > exponent { position = exponentEnd }
      }
      return position
    }

    private func digitsEnd(from start: Int) -> Int {
      var position = start
      while position < scalars.count, ("0"..."9").contains(scalars[position]) { position += 1 }
      return position
    }

    private static func isSign(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "-" || scalar == "+" || scalar == "\u{2212}"
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "_" || scalar == "." || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func number(_ text: String) -> PrintedNumber {
      let ascii = text.replacingOccurrences(of: "\u{2212}", with: "-")
      let value = Double(ascii.hasPrefix("+") ? String(ascii.dropFirst()) : ascii) ?? .nan
      return PrintedNumber(text: text, value: value, lastDigitStep: lastDigitStep(of: ascii))
    }

    private static func lastDigitStep(of text: String) -> Double? {
      let lowered = text.lowercased()
      let mantissa = lowered.split(separator: "e", maxSplits: 1).first.map(String.init) ?? lowered
      let exponent = lowered.contains("e") ? Int(lowered.split(separator: "e")[1]) ?? 0 : nil
      let fractionDigits = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count
      guard fractionDigits != nil || exponent != nil else { return nil }
      return pow10(-(fractionDigits ?? 0) + (exponent ?? 0))
    }

    private static func pow10(_ power: Int) -> Double {
      var result = 1.0
      for _ in 0..<abs(power) { result *= 10 }
      return power < 0 ? 1 / result : result
    }
  }
}
