/// The Mustache standalone rule: a non-variable tag alone on its line (only spaces or tabs around it)
/// removes the whole line, its indentation and its line end included, from the output.
enum TemplateStandalone {
    static func strip(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var result: [TemplateToken] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        for (index, token) in tokens.enumerated() {
            if case .text(let text) = token.kind, text.utf8.last == UInt8(ascii: "\n") {
                appendLine(tokens[lineStart...index], to: &result)
                lineStart = index + 1
            }
        }
        if lineStart < tokens.count {
            appendLine(tokens[lineStart...], to: &result)
        }
        return result
    }

    /// Appends one line's tokens, without its whitespace when it holds a single standalone tag.
    private static func appendLine(_ line: ArraySlice<TemplateToken>, to result: inout [TemplateToken]) {
        var tag: TemplateToken?
        var tagCount = 0
        var onlyBlankText = true
        for token in line {
            if token.isTag {
                tag = token
                tagCount += 1
            } else if !token.isBlankText {
                onlyBlankText = false
            }
        }
        if tagCount == 1, onlyBlankText, let tag, tag.canStandAlone {
            result.append(tag)
        } else {
            result.append(contentsOf: line)
        }
    }
}
