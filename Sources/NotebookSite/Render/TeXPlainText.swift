/// A formula's TeX as plain text for places that cannot show math, such as `<meta name="description">`:
/// Greek letters and common operators become their characters, `\frac{a}{b}` becomes `a/b`, other
/// commands and braces are dropped and their arguments kept.
enum TeXPlainText {
  private static let symbols: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "sum": "Σ", "prod": "Π", "int": "∫", "infty": "∞", "partial": "∂",
    "nabla": "∇", "cdot": "·", "times": "×", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠",
    "neq": "≠", "approx": "≈", "sim": "∼", "to": "→", "rightarrow": "→", "in": "∈", "ldots": "…", "dots": "…",
    "cdots": "⋯", ",": " ", ";": " ", ":": " ", "quad": " ", "qquad": " ", "!": "", "{": "{", "}": "}",
    "$": "$", "%": "%", "_": "_", "&": "&", "#": "#",
  ]

  /// `tex` as plain text.
  static func text(_ tex: String) -> String {
    var output = ""
    var characters = Substring(tex)
    while let first = characters.first {
      characters = characters.dropFirst()
      switch first {
      case "\\": output += command(&characters)
      case "{", "}": continue
      case "~": output += " "
      default: output.append(first)
      }
    }
    return output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private static func command(_ rest: inout Substring) -> String {
    guard let first = rest.first else { return "" }
    let name: Substring
    if first.isLetter {
      name = rest.prefix(while: \.isLetter)
    } else {
      name = rest.prefix(1)
    }
    rest = rest.dropFirst(name.count)
    if name == "frac", let numerator = group(&rest), let denominator = group(&rest) {
      return "\(text(String(numerator)))/\(text(String(denominator)))"
    }
    return symbols[String(name)] ?? ""
  }

  /// The text of a braced group at the start of `rest` (after spaces), consumed; nil if there is none.
  private static func group(_ rest: inout Substring) -> Substring? {
    let trimmed = rest.drop(while: \.isWhitespace)
    guard trimmed.first == "{" else { return nil }
    var depth = 0
    for index in trimmed.indices {
      if trimmed[index] == "{" { depth += 1 }
      if trimmed[index] == "}" { depth -= 1 }
      if depth == 0 {
        rest = trimmed[trimmed.index(after: index)...]
        return trimmed[trimmed.index(after: trimmed.startIndex)..<index]
      }
    }
    return nil
  }
}
