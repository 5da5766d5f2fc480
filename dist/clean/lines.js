// The shape every format is brought to before the common cleaning rules: lines
// of text pieces, each piece remembering where it starts in the source body.
export const lineText = (l) => l.pieces.map((p) => p.text).join('');
export const isBreak = (l) => l.pieces.length === 0;
export const BREAK = { pieces: [] };
/** Plain text: one line per source line, blank lines as paragraph breaks. */
export function textLines(body) {
    const out = [];
    let pos = 0;
    while (pos <= body.length) {
        let nl = body.indexOf('\n', pos);
        if (nl < 0)
            nl = body.length;
        const raw = body.slice(pos, nl);
        const lead = raw.length - raw.trimStart().length;
        const text = raw.trim();
        out.push(text ? { pieces: [{ text, src: pos + lead }] } : BREAK);
        pos = nl + 1;
    }
    return out;
}
//# sourceMappingURL=lines.js.map