import CCmark

/// Converts CommonMark text into a ``MarkdownNode`` tree with cmark.
///
/// This is the only file that touches C. It walks cmark's tree once with an
/// iterator (no recursion, so deep nesting cannot overflow the stack), copies every
/// borrowed string, and frees all of cmark's memory before it returns.
enum CommonMarkConverter {
  /// How deep containers nest in the converted tree; deeper ones are flattened into their ancestor.
  static let maximumDepth = 64

  /// Parses `text` and returns its document node. Line numbers are those of `text`.
  static func convert(_ text: String) -> MarkdownNode {
    var source = text
    let root: OpaquePointer? = source.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
      }
    }
    guard let root else { preconditionFailure("cmark_parse_document returned no document") }
    defer { cmark_node_free(root) }
    guard let iterator = cmark_iter_new(root) else { preconditionFailure("cmark_iter_new failed") }
    defer { cmark_iter_free(iterator) }

    var stack: [MarkdownNode] = []
    // Whether each open container got its own node: past `maximumDepth` its children join the
    // deepest kept ancestor, so that consumers that recurse over the tree stay within the stack.
    var kept: [Bool] = []
    var finished: MarkdownNode?
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      if event == CMARK_EVENT_ENTER {
        let converted = MarkdownNode(
          kind(of: node), line: Int(cmark_node_get_start_line(node)),
          endLine: Int(cmark_node_get_end_line(node)))
        if isLeaf(node) {
          append(converted, to: &stack, finished: &finished)
        } else {
          let keep = stack.count < maximumDepth
          kept.append(keep)
          if keep { stack.append(converted) }
        }
      } else if event == CMARK_EVENT_EXIT, kept.popLast() == true, let done = stack.popLast() {
        append(done, to: &stack, finished: &finished)
      }
    }
    return finished ?? MarkdownNode(.document, line: 1)
  }

  private static func append(
    _ node: MarkdownNode, to stack: inout [MarkdownNode], finished: inout MarkdownNode?
  ) {
    if stack.isEmpty {
      finished = node
    } else {
      stack[stack.count - 1].children.append(node)
    }
  }

  private static func isLeaf(_ node: OpaquePointer) -> Bool {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
      CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
      CMARK_NODE_THEMATIC_BREAK:
      return true
    default:
      return false
    }
  }

  private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST: return listKind(node)
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK:
      return .codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(node))
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal(node))
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_TEXT: return .text(literal(node))
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code(literal(node))
    case CMARK_NODE_HTML_INLINE: return .htmlInline(literal(node))
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK:
      return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_IMAGE:
      return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    default:
      return .paragraph
    }
  }

  private static func listKind(_ node: OpaquePointer) -> MarkdownNode.Kind {
    .list(
      ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
      start: Int(cmark_node_get_list_start(node)),
      tight: cmark_node_get_list_tight(node) != 0)
  }

  private static func literal(_ node: OpaquePointer) -> String {
    string(cmark_node_get_literal(node))
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }
}
