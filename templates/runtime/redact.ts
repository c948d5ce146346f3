// Network errors come from fetch (or a user-supplied fetch) and may quote the request URL, whose query can
// hold an API key. Before such an error becomes the `cause` of an APIConnectionError it is checked for the
// request's credentials and, if any appear, replaced by a plain Error with them masked.

const MASK = "[REDACTED]";
const MAX_DEPTH = 4;

/** Strings an error exposes to String(), JSON.stringify and util.inspect: message, stack, own fields. */
function exposedTexts(value: unknown, depth: number, seen: Set<unknown>, out: string[]): void {
  if (depth > MAX_DEPTH || value === null || value === undefined) return;
  if (typeof value !== "object" && typeof value !== "function") {
    out.push(String(value));
    return;
  }
  if (seen.has(value)) return;
  seen.add(value);
  if (value instanceof Error) out.push(String(value.stack ?? ""), value.message);
  for (const key of Object.getOwnPropertyNames(value)) {
    let field: unknown;
    try {
      field = (value as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    exposedTexts(field, depth + 1, seen, out);
  }
}

function mask(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(MASK);
  return out;
}

/** The error itself when it quotes no secret; otherwise a flat Error with the secrets masked. */
export function redactError(error: unknown, secrets: string[]): unknown {
  if (secrets.length === 0) return error;
  const texts: string[] = [];
  exposedTexts(error, 0, new Set(), texts);
  if (!texts.some((text) => secrets.some((secret) => text.includes(secret)))) return error;
  const message = error instanceof Error ? error.message : String(error);
  const safe = new Error(mask(message, secrets));
  if (error instanceof Error) safe.name = error.name;
  return safe;
}
