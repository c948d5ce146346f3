// Validation against the official OpenAPI schema of the version the file declares (3.0 files against 3.0's,
// 3.1 against 3.1's), after bundling so that content from other files is checked too.
import { UserError } from "../lib/errors.ts";
import compiled30 from "./openapi-3.0-schema.compiled.js";
import compiled31 from "./openapi-3.1-schema.compiled.js";
import type { Obj } from "./pointer.ts";
import type { Dialect } from "./version.ts";

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}
type CompiledSchema = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

// Compiling an OpenAPI meta-schema costs ~300 ms, far more than validating even a big spec: both are
// compiled ahead of time (compile-schema.ts). We call the compiled schema directly, as the validator
// package's `validate()` would, but not that function: it then re-checks every $ref on a structuredClone
// of the whole document (~0.5 s on a 5 MB spec), and it reads "$ref" keys inside example values as refs
// too. The bundler already checks refs, with their pointers.
const COMPILED: Record<Dialect, CompiledSchema> = { "3.0": compiled30, "3.1": compiled31 };

/** How many problems an error message lists. */
const SHOWN = 3;

/** What makes `doc` fail the official schema of `dialect` (none when it passes); `doc` is not changed. */
export function schemaProblems(doc: Obj, dialect: Dialect): { pointer: string; message: string }[] {
  const check = COMPILED[dialect];
  return check(doc) ? [] : summarize(check.errors ?? []);
}

export function validateSpec(doc: Obj, dialect: Dialect, display: string): void {
  const problems = schemaProblems(doc, dialect);
  if (problems.length === 0) return;
  const listed = problems
    .slice(0, SHOWN)
    .map((p) => `at ${p.pointer}: ${p.message}`)
    .join("; ");
  const more = problems.length > SHOWN ? ` (and ${problems.length - SHOWN} more)` : "";
  throw new UserError(`invalid OpenAPI ${dialect} ${listed}${more}`, display);
}

/**
 * The schema's alternatives (a response is either a Response or a Reference...) make ajv report each
 * failed branch plus "must match exactly one schema in oneOf"; keep the errors that say what is wrong.
 */
export function summarize(errors: AjvError[]): { pointer: string; message: string }[] {
  const consequences = (e: AjvError) =>
    e.keyword === "oneOf" ||
    e.keyword === "anyOf" ||
    e.keyword === "if" ||
    (e.keyword === "required" && e.params?.missingProperty === "$ref");
  const useful = errors.filter((e) => !consequences(e));
  const chosen = useful.length > 0 ? useful : errors;
  // Each alternative of a oneOf contributes its own enum ("in" must be "query"; must be "header"...):
  // one message per place, with every allowed value.
  const allowed = new Map<string, unknown[]>();
  for (const e of chosen) {
    if (e.keyword !== "enum" || !Array.isArray(e.params?.allowedValues)) continue;
    const values = allowed.get(e.instancePath) ?? [];
    for (const v of e.params.allowedValues) if (!values.includes(v)) values.push(v);
    allowed.set(e.instancePath, values);
  }
  const seen = new Set<string>();
  const out: { pointer: string; message: string }[] = [];
  for (const e of chosen) {
    const pointer = e.instancePath || "/";
    const values = e.keyword === "enum" ? allowed.get(e.instancePath) : undefined;
    const message = values ? describe({ ...e, params: { allowedValues: values } }) : describe(e);
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, message });
  }
  return out;
}

function describe(e: AjvError): string {
  const base = e.message ?? e.keyword;
  const params = e.params ?? {};
  if (e.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    return `must NOT have additional property '${params.additionalProperty}'`;
  }
  if (e.keyword === "enum" && Array.isArray(params.allowedValues)) {
    return `${base}: ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return base;
}
