// The shape every format is brought to before the common cleaning rules: lines
// of text pieces, each piece remembering where it starts in the source body.

export interface Piece {
  text: string;
  /** Offset of the piece in the source body, or -1 when not known. */
  src: number;
}

/** One block of text. A line with no pieces is a paragraph break. */
export interface Line {
  pieces: Piece[];
}

export const lineText = (l: Line): string => l.pieces.map((p) => p.text).join('');
export const isBreak = (l: Line): boolean => l.pieces.length === 0;
export const BREAK: Line = { pieces: [] };

/** Plain text: one line per source line, blank lines as paragraph breaks. */
export function textLines(body: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl < 0) nl = body.length;
    const raw = body.slice(pos, nl);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    out.push(text ? { pieces: [{ text, src: pos + lead }] } : BREAK);
    pos = nl + 1;
  }
  return out;
}
