// The one place that keeps credentials out of everything a user can print: which spellings of a credential
// to look for, how to mask them in text and in values, how an object prints (JSON.stringify through
// toJSON, Node's util.inspect through its custom-inspect symbol) with them masked, and how a foreign error
// (from fetch, or a user's fetch) that quotes the request URL is replaced before it becomes a `cause`.
// What users read as data (an error's `body` and `headers`, a response's `data`) stays as the server sent
// it; only what prints is masked.

export const MASK = "[REDACTED]";

/** Node's util.inspect calls the method under this registered symbol; no import of node:util needed. */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** The inspect function Node passes to a custom-inspect method (its third argument). */
export type InspectFunction = (value: unknown, options?: unknown) => string;

/** How deep a foreign error's fields are checked for secrets (a cause chain is a few levels). */
const MAX_DEPTH = 6;

/**
 * Every spelling under which the credentials can appear in a text: as they are, percent-encoded (a URL,
 * a query string), form-encoded (`+` for spaces) and JSON-escaped. Longest first, so a spelling that
 * contains another is masked whole.
 */
export function secretSpellings(values: Iterable<string>): string[] {
  const spellings = new Set<string>();
  for (const value of values) {
    if (value === "") continue;
    const encoded = encodeURIComponent(value);
    for (const spelling of [value, encoded, encoded.replace(/%20/g, "+"), JSON.stringify(value).slice(1, -1)])
      spellings.add(spelling);
  }
  return [...spellings].sort((a, b) => b.length - a.length);
}

export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => text.includes(secret));
}

export function maskText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
  return out;
}

function isPlainRecord(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of a value (a parsed response body, a header record) with the secrets masked in every string and
 * key. Walked with an explicit stack, so a body nested thousands deep cannot overflow the call stack.
 * Values that are neither strings, arrays nor plain objects are kept as they are.
 */
export function maskValue(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  const holder: Record<string, unknown> = {};
  const copies = new Map<object, unknown>();
  const work: [target: Record<string, unknown> | unknown[], key: string | number, source: unknown][] = [
    [holder, "value", value],
  ];
  for (let job = work.pop(); job !== undefined; job = work.pop()) {
    const [target, key, source] = job;
    let copy: unknown = source;
    if (typeof source === "string") copy = maskText(source, secrets);
    else if (typeof source === "object" && source !== null && copies.has(source)) copy = copies.get(source);
    else if (Array.isArray(source)) {
      const items: unknown[] = new Array<unknown>(source.length);
      copies.set(source, items);
      // Pushed last to first, so they are taken (and defined) first to last.
      for (let index = source.length - 1; index >= 0; index--) work.push([items, index, source[index]]);
      copy = items;
    } else if (typeof source === "object" && source !== null && isPlainRecord(source)) {
      const record: Record<string, unknown> = {};
      copies.set(source, record);
      const entries = Object.entries(source);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [name, item] = entries[index] as [string, unknown];
        work.push([record, maskText(name, secrets), item]);
      }
      copy = record;
    }
    // Own data properties: a key named `__proto__` must stay a key, not become the prototype.
    Object.defineProperty(target, key, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return holder.value;
}

/**
 * Makes a plain object print with the secrets masked: JSON.stringify and util.inspect see `view()` masked,
 * while the object's own fields stay as they are. The two methods are not enumerable, so they are not
 * data either (deep equality in tests, object spread).
 */
export function printsMasked<T extends object>(
  target: T,
  secrets: readonly string[],
  view: () => Record<string, unknown>,
): T {
  const masked = (): unknown => maskValue(view(), secrets);
  Object.defineProperty(target, "toJSON", { value: masked, enumerable: false, configurable: true });
  Object.defineProperty(target, INSPECT, {
    value: (_depth: number, options: unknown, inspect: InspectFunction) => inspect(masked(), options),
    enumerable: false,
    configurable: true,
  });
  return target;
}

/**
 * Whether an error could show a secret through String(), JSON.stringify or util.inspect: in its message,
 * stack or any own field, nested down to MAX_DEPTH; a deeper object graph counts as showing one, since
 * an inspect with a larger depth would print what was not checked.
 */
function mayShowSecret(
  value: unknown,
  secrets: readonly string[],
  depth: number,
  seen: Set<unknown>,
): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== "object" && typeof value !== "function") return containsSecret(String(value), secrets);
  if (seen.has(value)) return false;
  if (depth > MAX_DEPTH) return true;
  seen.add(value);
  if (value instanceof Error && containsSecret(`${String(value.stack ?? "")}\n${value.message}`, secrets))
    return true;
  for (const key of Object.getOwnPropertyNames(value)) {
    let field: unknown;
    try {
      field = (value as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    if (mayShowSecret(field, secrets, depth + 1, seen)) return true;
  }
  return false;
}

/**
 * A network error from fetch may quote the request URL, whose query can hold an API key. The error itself
 * when it cannot show a secret; otherwise a flat Error with its name, its `code` (ECONNREFUSED...) and its
 * message, the secrets masked.
 */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || !mayShowSecret(error, secrets, 0, new Set())) return error;
  const message = error instanceof Error ? error.message : String(error);
  const safe = new Error(maskText(message, secrets)) as Error & { code?: string };
  if (error instanceof Error) safe.name = error.name;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") safe.code = maskText(code, secrets);
  return safe;
}
