// JSDoc lines for a member of src/openapi.ts, from the words of the schema (or parameter, operation,
// response) it types: the fields openapi-typescript shows, in its order. Every line goes through docText,
// so a "*/" in the spec cannot end the comment.
import { docText } from "../js-doc.ts";

type Obj = Record<string, unknown>;

function pushText(lines: string[], prefix: string, text: string): void {
  const clean = docText(text);
  if (clean === "" && prefix === "") return;
  const parts = clean.split("\n");
  lines.push(prefix + (parts[0] as string));
  for (let i = 1; i < parts.length; i++) lines.push(`    ${parts[i] as string}`);
}

function valueText(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value, null, 2) : String(value);
}

/** The doc lines, or undefined when the object says nothing worth a comment. */
export function docLines(source: unknown): string[] | undefined {
  if (typeof source !== "object" || source === null || Array.isArray(source)) return undefined;
  const s = source as Obj;
  // Most schemas carry none of these: test them all before allocating anything.
  if (
    s.title === undefined &&
    s.summary === undefined &&
    s.format === undefined &&
    s.deprecated === undefined &&
    s.description === undefined &&
    s.default === undefined &&
    s.examples === undefined
  ) {
    return undefined;
  }
  const lines: string[] = [];
  if (typeof s.title === "string" && s.title !== "") pushText(lines, "", s.title);
  if (typeof s.summary === "string" && s.summary !== "") pushText(lines, "", s.summary);
  if (typeof s.format === "string" && s.format !== "") pushText(lines, "Format: ", s.format);
  if (s.deprecated === true) lines.push("@deprecated");
  if (typeof s.description === "string" && s.description.trim() !== "") {
    pushText(lines, "@description ", s.description);
  }
  if (s.default !== undefined) pushText(lines, "@default ", valueText(s.default));
  if (Array.isArray(s.examples)) {
    for (const example of s.examples) pushText(lines, "@example ", valueText(example));
  }
  return lines.length > 0 ? lines : undefined;
}
