// Whether a field must be sent, from every way pages say it: a flag word beside the type (`Required`,
// `REQUIRED`, `required`, `Optional`), a table cell (`Yes`, `No`, `✓`, `-`), a mark on the name (`color*`,
// `size?`), and the phrases `required conditionally`, `Recommended if …` and `not required`, which all mean
// the field may be left out. The one reader of this fact: extractors call it instead of keeping a copy.
import { plainText } from "./plain.ts";

const TRUE_CELL = /^(?:yes|y|true|required|mandatory|\*|✓|✔|✔️|✅|x)$/;
const FALSE_CELL = /^(?:no|n|false|optional|\?|-|–|—)$/;

/**
 * A Required cell or flag: true, false, or undefined when it says neither. `blank` is what an empty cell
 * means: tables that print only "Yes" or a tick for required fields leave the others empty.
 */
export function readRequired(raw: string, blank?: boolean): boolean | undefined {
  const t = plainText(raw).toLowerCase();
  if (t === "") return blank;
  if (TRUE_CELL.test(t)) return true;
  if (FALSE_CELL.test(t)) return false;
  // "Required range: 1 <= x <= 50" and "Required string length: 2 - 40" state limits, not the flag.
  if (/^required (?:range|string length|length)\b/.test(t)) return undefined;
  // "required conditionally", "not required", "Recommended if …": the field may be left out.
  if (/\bnot required\b|^recommended\b/.test(t) || isConditionallyRequired(t)) return false;
  if (/\brequired\b/.test(t)) return true;
  if (/\boptional\b/.test(t)) return false;
  return undefined;
}

/**
 * "required conditionally" / "conditionally required": required when a condition holds. Of a nested field
 * the condition is its parent being sent (LAYOUTS.md: "some fields are required only within their
 * parent"), so a reader that knows the field is nested may read it as required within that parent;
 * readRequired, which sees no nesting, reads it as may-be-left-out.
 */
export function isConditionallyRequired(raw: string): boolean {
  return /\brequired conditionally\b|\bconditionally required\b/i.test(plainText(raw));
}

export type FlagWord = "required" | "optional" | "deprecated" | "nullable";

/** The flag a badge word sets, whatever its case ("REQUIRED", "Optional"); undefined for other words. */
export function flagWord(word: string): FlagWord | undefined {
  const w = word.toLowerCase();
  return w === "required" || w === "optional" || w === "deprecated" || w === "nullable" ? w : undefined;
}

/** Sets `required` / `deprecated` / `nullable` on a field being read from one flag word. */
export function applyFlag(
  field: { required?: boolean; deprecated?: boolean; nullable?: boolean },
  word: string,
): void {
  const flag = flagWord(word);
  if (flag === "required") field.required = true;
  else if (flag === "optional") field.required = false;
  else if (flag === "deprecated") field.deprecated = true;
  else if (flag === "nullable") field.nullable = true;
}
