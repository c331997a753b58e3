import NotebookCore

extension Notebook {
  /// The prose's top-level blocks, in document order.
  var proseBlocks: [MarkdownNode] {
    blocks.flatMap { block -> [MarkdownNode] in
      if case .prose(let node) = block { return node.children }
      return []
    }
  }

  /// Every node of the prose, in document order (depth first, parents before children).
  ///
  /// Iterative, so that deeply nested input cannot overflow the stack.
  var proseNodes: [MarkdownNode] {
    var found: [MarkdownNode] = []
    var pending = Array(proseBlocks.reversed())
    while let node = pending.popLast() {
      found.append(node)
      pending.append(contentsOf: node.children.reversed())
    }
    return found
  }
}
