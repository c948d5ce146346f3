// The generated module's parts: module-level constants (regexes, enum sets, JSON constants), each created
// once and shared by every function that needs the same one, the runtime helpers actually used (imported
// by name, so the module has no unused imports), and the functions in the order they were made.
import { jsonValue, lit } from "./literal.ts";

export class ModuleBuilder {
  private readonly constants: string[] = [];
  private readonly byKey = new Map<string, string>();
  private readonly helpers = new Set<string>();
  private readonly types = new Set<string>();
  readonly functions: string[] = [];
  /** Whether any code reads own properties (the module then declares `has`). */
  usesHas = false;

  /** Marks a runtime helper as used; returns its name for the code. */
  helper(name: string): string {
    this.helpers.add(name);
    return name;
  }

  /** Marks a runtime type as used. */
  type(name: string): string {
    this.types.add(name);
    return name;
  }

  /** `call`: the initializer is a call or `new` (marked pure below); otherwise a literal. */
  private constant(key: string, prefix: string, initializer: () => string, call = true): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const name = `${prefix}${this.byKey.size}`;
    this.byKey.set(key, name);
    // Marked pure: a bundler drops the constants no kept function uses (each operation's validators are
    // loaded on their own, src/validators/, and carry only what they reach).
    this.constants.push(`const ${name} = ${call ? "/* @__PURE__ */ " : ""}${initializer()};`);
    return name;
  }

  /** A regex built from its source text at module load: `new RegExp("<source>", "u")`. */
  regex(source: string, flags: string): string {
    return this.constant(`re:${flags}:${source}`, "re", () => `new RegExp(${lit(source)}, ${lit(flags)})`);
  }

  /** A Set of primitive values (enums of strings or numbers). */
  set(values: readonly (string | number | boolean | null)[]): string {
    const body = values.map((value) => lit(value)).join(", ");
    return this.constant(`set:${body}`, "set", () => `new Set<unknown>([${body}])`);
  }

  /** An array of check functions (the branches of an anyOf or oneOf), made once. */
  functionList(names: readonly string[]): string {
    return this.constant(`fns:${names.join(",")}`, "branches", () => `[${names.join(", ")}]`, false);
  }

  /** Any JSON value (const or enum of objects), parsed once. */
  json(value: unknown): string {
    const text = JSON.stringify(value);
    return this.constant(
      `json:${text}`,
      "value",
      () => jsonValue(value),
      value !== null && typeof value === "object",
    );
  }

  render(runtimeImport: string, header: string, exports: string[]): string {
    const names = [...[...this.helpers].sort(), ...[...this.types].sort().map((name) => `type ${name}`)];
    const lines = [header];
    if (names.length > 0) lines.push(`import { ${names.join(", ")} } from ${lit(runtimeImport)};`);
    lines.push("");
    if (this.usesHas) {
      lines.push(
        "const has = Object.prototype.hasOwnProperty;",
        "const objectProto = Object.prototype as Record<string, unknown>;",
        "const protoOf = Object.getPrototypeOf;",
      );
    }
    lines.push(...this.constants, "");
    lines.push(...exports, ...this.functions);
    return `${lines.join("\n")}\n`;
  }
}
