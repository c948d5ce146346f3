// The badges renderers print right after a field's type, often glued to it and to each other:
// "Required", "OPTIONAL", "Deprecated", "nullable", "<=255 characters", "=2 characters", "· min: 2",
// "format: \"uri\"", "Defaults to red", "Example:". One reader for all of them (Fern, docs.stripe.com,
// GitBook, Redoc, the generic reader's glued runs), so a badge means the same on every page.
import type { JsonSchema } from "../fragment.ts";
import { makeNullable, parseConstraints } from "../type-phrase.ts";
import { applyFlag } from "./required.ts";

export interface Badges {
  /** The schema with the constraints, format, default and nullability the badges state. */
  schema: JsonSchema | undefined;
  required?: boolean;
  deprecated?: boolean;
  /** An "Example:" badge was read: what follows it is a sample value, not a description. */
  example?: boolean;
  /** What follows the badges: the description, or "" when the badges were all there was. */
  rest: string;
}

// Each badge is tried at the start of the remaining text; every quantifier is bounded by a fixed token.
const FLAG =
  /^(required conditionally|Required|REQUIRED|required|Optional|OPTIONAL|optional|Deprecated|DEPRECATED|deprecated|nullable)(?=[^a-z]|$|format:|min:|max:)\s*/;
const BOUND = /^(<=|>=|<|>|=)\s*(-?\d+(?:\.\d+)?)(\s*(?:characters?|chars?|items?))?\s*/;
// Redoc's range: "[ 2 .. 40 ] characters", "[ 1 .. 100 ]", "[ 1 .. 5 ] items".
const RANGE = /^\[\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*\](\s*(?:characters?|chars?|items?))?\s*/;
const MIN_MAX =
  /^(min|max|minimum|maximum|minLength|maxLength|min length|max length)\s*:\s*(-?\d+(?:\.\d+)?)\s*/i;
const FORMAT = /^format:\s*"?([\w.-]+)"?\s*/;
const DEFAULT = /^Defaults? to\s+("[^"]*"|`[^`]*`|\S+)\s*/;
const EXAMPLE = /^Example:\s*/;
const SEPARATOR = /^[·•|]\s*/;

/** Whether a schema holds strings, so that "min: 2" is a length rather than a minimum. */
function holdsStrings(schema: JsonSchema): boolean {
  return schema.type === "string" || (Array.isArray(schema.type) && schema.type.includes("string"));
}

/**
 * Reads the badges at the start of `text` (after a field's type). `caseSensitive` keeps a lowercase
 * "required" that starts a sentence out: glued captures write badges capitalised before a capitalised
 * description ("RequiredThe amount"), and "required for …" is prose.
 */
export function readBadges(text: string, schema: JsonSchema | undefined): Badges {
  let out: JsonSchema | undefined = schema ? { ...schema } : undefined;
  const found: Badges = { schema: out, rest: "" };
  let rest = text.trimStart();
  for (;;) {
    const sep = SEPARATOR.exec(rest);
    if (sep && sep[0].length > 0 && rest.length > sep[0].length) {
      rest = rest.slice(sep[0].length);
      continue;
    }
    const flag = FLAG.exec(rest);
    const bound = BOUND.exec(rest);
    const range = RANGE.exec(rest);
    const minMax = MIN_MAX.exec(rest);
    const format = FORMAT.exec(rest);
    const def = DEFAULT.exec(rest);
    const example = EXAMPLE.exec(rest);
    // "required for payments": a lowercase flag followed by a lowercase word starts a sentence, and so
    // does "Required for recurring payments." (a description after a spaced type: no badge glues on a
    // lowercase word after a space).
    const sentence =
      flag?.[1] !== undefined &&
      (/^[a-z]/.test(flag[1]) || /^(?:Required|Optional)$/.test(flag[1])) &&
      /^\s+[a-z]/.test(rest.slice(flag[1].length));
    if (flag?.[1] && !sentence) {
      const word = flag[1].toLowerCase();
      if (word === "required conditionally") found.required = false;
      else if (word === "nullable") out = out ? makeNullable(out) : { type: "null" };
      else applyFlag(found, word);
      rest = rest.slice(flag[0].length);
    } else if (bound) {
      const base = out ?? {};
      if (bound[1] === "=") {
        // "=2 characters": exactly that long.
        const n = Number(bound[2]);
        out = {
          ...base,
          ...(bound[3] && /item/.test(bound[3])
            ? { minItems: n, maxItems: n }
            : { minLength: n, maxLength: n }),
        };
      } else out = { ...base, ...parseConstraints(bound[0], base) };
      rest = rest.slice(bound[0].length);
    } else if (range) {
      const base = out ?? {};
      const [low, high] = [Number(range[1]), Number(range[2])];
      const unit = range[3] ?? "";
      out = /item/.test(unit)
        ? { ...base, minItems: low, maxItems: high }
        : /char/.test(unit) || holdsStrings(base)
          ? { ...base, minLength: low, maxLength: high }
          : { ...base, minimum: low, maximum: high };
      rest = rest.slice(range[0].length);
    } else if (minMax) {
      const base = out ?? {};
      const n = Number(minMax[2]);
      const isMax = /^max/i.test(minMax[1] ?? "");
      const length = holdsStrings(base) || /length/i.test(minMax[1] ?? "");
      const key = length ? (isMax ? "maxLength" : "minLength") : isMax ? "maximum" : "minimum";
      out = { ...base, [key]: n };
      rest = rest.slice(minMax[0].length);
    } else if (format?.[1]) {
      out = { ...(out ?? {}), format: format[1] };
      rest = rest.slice(format[0].length);
    } else if (def) {
      const base = out ?? {};
      out = { ...base, ...parseConstraints(def[0], base) };
      rest = rest.slice(def[0].length);
    } else if (example) {
      found.example = true;
      rest = rest.slice(example[0].length);
      break;
    } else break;
  }
  found.schema = out;
  found.rest = rest;
  return found;
}
