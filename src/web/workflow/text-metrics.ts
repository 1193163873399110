/**
 * Text sizes for the SVG flow diagram, estimated without a DOM so that the layout is a pure function
 * (and testable in Node): full-width characters (CJK, full-width punctuation) take about 1 em, others
 * about 0.6 em. Boxes are sized generously so the estimate never clips a label.
 */

/** Whether a character is drawn full-width (CJK ideographs, kana, Hangul, full-width forms). */
function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** The estimated width of a text in pixels at a font size. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += isWide(char) ? 1 : 0.6;
  return ems * fontSize;
}

/**
 * Breaks a text into lines no wider than `maxWidth`: between words for Latin text, between any two
 * characters for Chinese (never before closing or after opening punctuation), and inside a word only
 * when the word alone is too wide.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const tokens = tokenise(text);
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  for (const token of tokens) {
    const candidate = line + token;
    if (textWidth(candidate.trim(), fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    push();
    if (textWidth(token.trim(), fontSize) <= maxWidth) {
      line = token.trimStart();
      continue;
    }
    // A single word wider than a line: cut it by characters.
    for (const char of token.trim()) {
      if (textWidth(line + char, fontSize) > maxWidth) push();
      line += char;
    }
  }
  push();
  return lines.length > 0 ? lines : [''];
}

const CLOSING = new Set([...'，。、；：？！）」』】〉》,.;:?!)]}']);
const OPENING = new Set([...'（「『【〈《([{']);

/** Latin words (with the space before them) and single wide characters, keeping punctuation attached. */
function tokenise(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const char of text) {
    const wide = isWide(char);
    if (CLOSING.has(char) && current === '' && tokens.length > 0) {
      tokens[tokens.length - 1] += char;
      continue;
    }
    if (wide) {
      if (current !== '' && !OPENING.has(current.at(-1) ?? '')) {
        tokens.push(current);
        current = '';
      }
      current += char;
      if (!OPENING.has(char)) {
        tokens.push(current);
        current = '';
      }
      continue;
    }
    if (char === ' ' && current.trim() !== '' && !OPENING.has(current.at(-1) ?? '')) {
      tokens.push(current);
      current = '';
    }
    current += char;
  }
  if (current !== '') tokens.push(current);
  return tokens;
}
