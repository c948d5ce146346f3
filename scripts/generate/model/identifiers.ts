// Identifiers for generated code. Every name in a package is chosen through one registry per scope, so a
// name never depends on the order names were asked for and two spec names never collide in the output.

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if import in instanceof new null return super switch this throw true try typeof var void " +
    "while with as implements interface let package private protected public static yield any boolean " +
    "constructor declare get module require number set string symbol type from of await async undefined " +
    "never unknown object bigint arguments eval"
  ).split(" "),
);

function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
}

export function pascalCase(text: string): string {
  const out = words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join("");
  return out === "" ? "Unnamed" : /^\d/.test(out) ? `_${out}` : out;
}

export function camelCase(text: string): string {
  const p = pascalCase(text);
  return p.startsWith("_") ? p : p.charAt(0).toLowerCase() + p.slice(1);
}

/** A safe identifier: camel or Pascal case, never a reserved word, never starting with a digit. */
export function safeIdentifier(text: string, style: "camel" | "pascal"): string {
  const name = style === "camel" ? camelCase(text) : pascalCase(text);
  return RESERVED.has(name) ? `${name}_` : name;
}

/**
 * Hands out unique names within one scope. Callers ask in a deterministic order (sorted by the spec's
 * own keys), so the same spec always gets the same names.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  claim(preferred: string, fallbacks: string[] = []): string {
    for (const candidate of [preferred, ...fallbacks]) {
      if (!this.taken.has(candidate.toLowerCase())) {
        this.taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
    for (let i = 2; ; i++) {
      const candidate = `${preferred}${i}`;
      if (!this.taken.has(candidate.toLowerCase())) {
        this.taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  }
}
