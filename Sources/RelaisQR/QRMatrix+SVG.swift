extension QRMatrix {
    /// Modules of light margin around the symbol, as ISO/IEC 18004 requires for reliable reading.
    public static let quietZone = 4

    /// The symbol as a compact SVG: one path (one rectangle per run of dark modules in a row) on a white
    /// square that includes the quiet zone, in module units so that CSS sets its size. `label` names it
    /// for screen readers (`role="img"`, `aria-label` and `<title>`); it is escaped here.
    public func svg(label: String) -> String {
        let side = width + 2 * Self.quietZone
        let escaped = Self.escapeXML(label)
        var path = ""
        path.reserveCapacity(width * width)
        for row in 0..<width {
            var column = 0
            while column < width {
                guard self[row, column] else { column += 1; continue }
                let start = column
                while column < width, self[row, column] { column += 1 }
                let run = column - start
                path += "M\(start + Self.quietZone) \(row + Self.quietZone)h\(run)v1h-\(run)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" role=\"img\" aria-label=\"\(escaped)\""
            + " shape-rendering=\"crispEdges\"><title>\(escaped)</title>"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    /// & < > " ' as entities: the label may hold a venue's name.
    static func escapeXML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
