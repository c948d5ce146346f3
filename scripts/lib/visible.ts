// Text shown as it reads. Specs, pages, file names and error messages can hold characters that are not
// drawn as themselves: on a terminal ESC starts sequences that move the cursor, recolour, retitle the
// window or make links, CR and BS overwrite, a line break starts a line that is not one; everywhere
// bidi embeddings, overrides and isolates reorder what follows, and zero-width spaces and joiners, the
// soft hyphen, the BOM, tag characters and the Hangul fillers are invisible, so two different names
// look the same. The terminal and markdown outputs show each such character as its escape instead.

/**
 * C0 and C1 controls and DEL (Cc), format characters (Cf: bidi controls, zero-width characters, tags),
 * lone surrogates (Cs), the line and paragraph separators (Zl, Zp), and the Hangul fillers (letters
 * drawn as nothing).
 */
const NOT_AS_IT_READS = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/gu;

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `text` with every character that does not read as itself written as its JavaScript and JSON escape
 * (`\u001b`, `\u202e`, `\n`; a character beyond U+FFFF as its two UTF-16 halves), so printed JSON stays
 * valid JSON with the same value. Backslashes are left as they are: paths and patterns stay readable.
 */
export function visible(text: string): string {
  return text.replace(NOT_AS_IT_READS, (c) => SHORT[c] ?? unicodeEscape(c));
}

function unicodeEscape(c: string): string {
  let out = "";
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}
