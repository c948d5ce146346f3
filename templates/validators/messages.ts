// The words of error messages, fixed at compile time: each names what was expected. Values from the spec
// are quoted short (a 300-value enum or a 10 kB const is not pasted into every message).

const VALUE_LIMIT = 40;
/**
 * The most allowed values a message names: the usual enum (a few to a dozen values) is named in full, so
 * the user sees the value they meant, while a 300-value enum is not pasted into every message.
 */
const LIST_LIMIT = 20;

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  null: "null",
  array: "an array",
  object: "an object",
};

function clip(text: string, limit = VALUE_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit;
  const unit = text.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A spec value quoted for a message: JSON, at most ~40 characters. */
export function quote(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(clip(value));
  return clip(JSON.stringify(value) ?? String(value), VALUE_LIMIT + 2);
}

const quotedLists = new WeakMap<readonly unknown[], string>();

/** "a", "b", "c" and 12 more */
export function quoteList(values: readonly unknown[]): string {
  const known = quotedLists.get(values);
  if (known !== undefined) return known;
  const shown = values.slice(0, LIST_LIMIT).map(quote).join(", ");
  const text = values.length > LIST_LIMIT ? `${shown} and ${values.length - LIST_LIMIT} more` : shown;
  quotedLists.set(values, text);
  return text;
}

/** "must be a string", "must be an object or null". */
export function typeMessage(types: readonly string[]): string {
  const names = types.map((type) => TYPE_NAMES[type] ?? type);
  if (names.length <= 1) return `must be ${names[0] ?? "valid"}`;
  return `must be ${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export const messages = {
  required: (name: string) => `must have required property ${quote(name)}`,
  dependentRequired: (name: string, trigger: string) =>
    `must have property ${quote(name)} when property ${quote(trigger)} is present`,
  falseSchema: () => "is not allowed",
  additionalProperty: (known: readonly string[]) =>
    known.length === 0
      ? "is not an allowed property"
      : `is not an allowed property; expected ${quoteList(known)}`,
  unevaluatedProperty: () => "is not an allowed property (unevaluated)",
  unevaluatedItem: () => "is not an allowed item (unevaluated)",
  minProperties: (n: number) => `must have at least ${n} ${n === 1 ? "property" : "properties"}`,
  maxProperties: (n: number) => `must have at most ${n} ${n === 1 ? "property" : "properties"}`,
  minLength: (n: number) => `must be at least ${plural(n, "character")} long`,
  maxLength: (n: number) => `must be at most ${plural(n, "character")} long`,
  pattern: (source: string) => `must match pattern ${quote(source)}`,
  format: (format: string) => `must be a valid ${format}`,
  minimum: (n: number) => `must be >= ${n}`,
  maximum: (n: number) => `must be <= ${n}`,
  exclusiveMinimum: (n: number) => `must be > ${n}`,
  exclusiveMaximum: (n: number) => `must be < ${n}`,
  multipleOf: (n: number) => `must be a multiple of ${n}`,
  minItems: (n: number) => `must have at least ${plural(n, "item")}`,
  maxItems: (n: number) => `must have at most ${plural(n, "item")}`,
  minContains: (n: number) => `must contain at least ${plural(n, "item")} matching the "contains" schema`,
  maxContains: (n: number) => `must contain at most ${plural(n, "item")} matching the "contains" schema`,
  enum: (values: readonly unknown[]) =>
    values.length === 1 ? `must be equal to ${quote(values[0])}` : `must be one of: ${quoteList(values)}`,
  const: (value: unknown) => `must be equal to ${quote(value)}`,
  not: () => 'must NOT match the "not" schema',
  discriminatorMissing: (property: string, values: readonly string[]) =>
    `must have property ${quote(property)} set to one of: ${quoteList(values)}`,
  discriminatorUnknown: (values: readonly string[]) => `must be one of: ${quoteList(values)}`,
};
