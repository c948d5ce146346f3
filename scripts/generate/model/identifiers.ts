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

export function words(text: string): string[] {
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
 * Names no property or method of a generated object, and no export of a generated module, may take:
 * Object.prototype's members (a resource named `toString` breaks `String(client)`, one named
 * `hasOwnProperty` breaks code that calls it) and `then`, which makes an object a thenable (`await client`
 * or `await import(pkg)` would call it). Listed, not read from Object.prototype, so output does not
 * depend on the Node version.
 */
export const OBJECT_MEMBER_NAMES = [
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "then",
];

/**
 * Hands out unique names within one scope. Callers ask in a deterministic order (sorted by the spec's
 * own keys), so the same spec always gets the same names.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  /** A scope of runtime names (members of an object, exports of a module): OBJECT_MEMBER_NAMES are taken. */
  static forMembers(reserved: Iterable<string> = []): NameRegistry {
    return new NameRegistry([...OBJECT_MEMBER_NAMES, ...reserved]);
  }

  /** Whether `name` is still free (names are compared case-insensitively). */
  isFree(name: string): boolean {
    return !this.taken.has(name.toLowerCase());
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

/** One name free in every registry, claimed in all of them: a class is both a type and a value. */
export function claimInAll(registries: NameRegistry[], preferred: string): string {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? preferred : `${preferred}${i}`;
    if (registries.every((r) => r.isFree(candidate))) {
      for (const r of registries) r.claim(candidate);
      return candidate;
    }
  }
}
