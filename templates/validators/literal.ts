// Every string that comes from a spec reaches generated code through these functions: JSON.stringify, plus
// the two line terminators JSON allows inside strings but a JavaScript comment does not (U+2028, U+2029).
// Nothing from a spec is ever pasted as an identifier, a regex literal or inside a block comment.

const LINE_SEPARATORS = /[\u2028\u2029]/g;

function escapeSeparators(text: string): string {
  return text.replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
}

/** A JavaScript expression for a JSON primitive (string, number, boolean, null). */
export function lit(value: string | number | boolean | null): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a JSON number: ${String(value)}`);
    // -0 prints as "0" with JSON.stringify; keep it (it equals 0 for every check anyway).
    return Object.is(value, -0) ? "-0" : JSON.stringify(value);
  }
  return escapeSeparators(JSON.stringify(value));
}

/**
 * A JavaScript expression for any JSON value. Objects and arrays go through JSON.parse so a key such as
 * "__proto__" is an own property, never the prototype setter of an object literal.
 */
export function jsonValue(value: unknown): string {
  if (value === null || typeof value !== "object") return lit(value as string | number | boolean | null);
  return `JSON.parse(${lit(JSON.stringify(value))})`;
}

/** A line comment naming a schema location: the text is a JSON string, so it cannot end the comment. */
export function locationComment(location: string): string {
  return `// ${lit(location)}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if import in instanceof new null return super switch this throw true try typeof var void " +
    "while with yield let static implements interface package private protected public await arguments eval"
  ).split(" "),
);

/** True for a name usable as an exported function name. */
export function isSafeIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}
