internal import SwiftSyntax

/// What a cell's top-level `let` says about its value's type, read from its syntax: the evidence
/// ``NotebookEffects`` needs to know that no later cell can change it.
///
/// A constant of a value type that holds no references cannot change after its declaration: calling
/// a method on it or passing it to a function leaves it as it was. The syntax proves the type in two
/// ways only — a type annotation, or an initializer call `TypeName(…)` / `Namespace.TypeName(…)` —
/// and literals (`let n = 200_000`). Whether the named types are such value types is decided later,
/// against the types the libraries declare.
enum ConstantEvidence: Hashable, Sendable {
  /// A number, string or Boolean literal, or an array of them.
  case literal
  /// Every type name the annotation or the initializer's callee spells.
  case typeNames(Set<String>)

  /// The evidence of each top-level single-name `let` in `file` that has any.
  static func scan(_ file: SourceFileSyntax) -> [String: ConstantEvidence] {
    var found: [String: ConstantEvidence] = [:]
    for statement in file.statements {
      guard let declaration = statement.item.as(VariableDeclSyntax.self),
        declaration.bindingSpecifier.tokenKind == .keyword(.let)
      else { continue }
      for binding in declaration.bindings {
        guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text,
          let evidence = evidence(binding)
        else { continue }
        found[name] = evidence
      }
    }
    return found
  }

  private static func evidence(_ binding: PatternBindingSyntax) -> ConstantEvidence? {
    if let annotation = binding.typeAnnotation?.type { return typeNames(in: annotation).map(Self.typeNames) }
    guard let value = binding.initializer?.value else { return nil }
    if isLiteral(value) { return .literal }
    guard let call = value.as(FunctionCallExprSyntax.self), call.trailingClosure == nil,
      call.additionalTrailingClosures.isEmpty, let path = typePath(call.calledExpression)
    else { return nil }
    return .typeNames(Set(path))
  }

  /// The names in a type made only of named types, arrays, dictionaries, optionals and tuples.
  private static func typeNames(in type: TypeSyntax) -> Set<String>? {
    if let named = type.as(IdentifierTypeSyntax.self) {
      var names: Set<String> = [named.name.text]
      for argument in named.genericArgumentClause?.arguments ?? [] {
        guard case .type(let argumentType) = argument.argument, let inner = typeNames(in: argumentType) else {
          return nil
        }
        names.formUnion(inner)
      }
      return names
    }
    if let member = type.as(MemberTypeSyntax.self), member.genericArgumentClause == nil {
      return typeNames(in: member.baseType).map { $0.union([member.name.text]) }
    }
    if let array = type.as(ArrayTypeSyntax.self) { return typeNames(in: array.element) }
    if let dictionary = type.as(DictionaryTypeSyntax.self) {
      guard let key = typeNames(in: dictionary.key), let value = typeNames(in: dictionary.value) else { return nil }
      return key.union(value)
    }
    if let optional = type.as(OptionalTypeSyntax.self) { return typeNames(in: optional.wrappedType) }
    if let tuple = type.as(TupleTypeSyntax.self) {
      var names: Set<String> = []
      for element in tuple.elements {
        guard let inner = typeNames(in: element.type) else { return nil }
        names.formUnion(inner)
      }
      return names
    }
    return nil
  }

  /// `Name` or `Namespace.Name`, every part capitalised: an initializer, never a method.
  private static func typePath(_ callee: ExprSyntax) -> [String]? {
    if let name = callee.as(DeclReferenceExprSyntax.self), name.argumentNames == nil {
      return isTypeName(name.baseName.text) ? [name.baseName.text] : nil
    }
    guard let member = callee.as(MemberAccessExprSyntax.self), let base = member.base,
      isTypeName(member.declName.baseName.text), let prefix = typePath(base)
    else { return nil }
    return prefix + [member.declName.baseName.text]
  }

  private static func isTypeName(_ name: String) -> Bool { name.first?.isUppercase ?? false }

  private static func isLiteral(_ value: ExprSyntax) -> Bool {
    if value.is(IntegerLiteralExprSyntax.self) || value.is(FloatLiteralExprSyntax.self)
      || value.is(BooleanLiteralExprSyntax.self)
    {
      return true
    }
    if let string = value.as(StringLiteralExprSyntax.self) {
      return string.segments.allSatisfy { $0.is(StringSegmentSyntax.self) }
    }
    if let negated = value.as(PrefixOperatorExprSyntax.self), negated.operator.text == "-" {
      return isLiteral(negated.expression)
    }
    if let array = value.as(ArrayExprSyntax.self) { return array.elements.allSatisfy { isLiteral($0.expression) } }
    return false
  }
}
