// npm run bench, last part: the generated request validators against ajv (compiled with allErrors off and
// on, and as standalone code) and a hand-written validator, in the same process, on Stripe's
// create-verification-session body (small, form-encoded) and create-checkout-session body (large, nested
// arrays); then the time to compile validators for every operation of Stripe's spec. Run alone with
// `node --import tsx scripts/bench/validators.ts`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as standalone from "ajv/dist/standalone/index.js";
import { loadSpec } from "../spec/index.ts";
import { compileValidators, type ValidatorEntry } from "../../templates/validators/index.ts";
import { realSpecs } from "./real-specs.ts";
import { handWrittenSessionCheck } from "./validators-hand-written.ts";
import { checkoutSession, verificationSession } from "./validators-inputs.ts";

type Obj = Record<string, unknown>;
type Result = { ok: true } | { ok: false; errors: { pointer: string; wireName?: string }[] };

/** Time per candidate and case, split in rounds taken in turn, so a burst of machine load hits all alike. */
const CASE_MS = 500;
const ROUNDS = 5;
let sink = 0;

/** Calls per second of `run` over one round (~CASE_MS / ROUNDS); the sink keeps the result alive. */
function roundRate(run: () => boolean): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < CASE_MS / ROUNDS) {
    for (let i = 0; i < 1_000; i++) sink ^= run() ? 1 : 0;
    calls += 1_000;
    elapsed = performance.now() - start;
  }
  return calls / (elapsed / 1000);
}

/** Best rate of each candidate over interleaved rounds, after a warm-up of each. */
function compare(runs: (() => boolean)[]): number[] {
  for (const run of runs) for (let i = 0; i < 20_000; i++) sink ^= run() ? 1 : 0;
  const best = runs.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    runs.forEach((run, i) => {
      best[i] = Math.max(best[i] ?? 0, roundRate(run));
    });
  }
  return best;
}

function operationEntries(document: Obj): ValidatorEntry[] {
  const entries: ValidatorEntry[] = [];
  const paths = (document.paths ?? {}) as Record<string, Obj>;
  for (const path of Object.keys(paths).sort()) {
    for (const method of ["get", "put", "post", "delete", "patch"]) {
      const operation = paths[path]?.[method] as Obj | undefined;
      if (!operation) continue;
      const id = entries.length;
      const content = ((operation.requestBody as Obj | undefined)?.content ?? {}) as Record<string, Obj>;
      const [mediaType, media] = Object.entries(content)[0] ?? [];
      if (media?.schema) {
        entries.push({ name: `body${id}`, schema: media.schema, form: mediaType?.includes("form") === true });
      }
      // Parameters as one object schema, as the client validates them.
      const properties: Obj = {};
      const required: string[] = [];
      for (const parameter of (operation.parameters ?? []) as Obj[]) {
        if (typeof parameter.name !== "string" || parameter.schema === undefined) continue;
        properties[parameter.name] = parameter.schema;
        if (parameter.required === true) required.push(parameter.name);
      }
      if (Object.keys(properties).length > 0) {
        entries.push({ name: `params${id}`, schema: { type: "object", properties, required } });
      }
    }
  }
  return entries;
}

function bodySchema(document: Obj, path: string): unknown {
  const paths = document.paths as Record<string, Obj>;
  const operation = paths[path]?.post as Obj;
  const content = (operation.requestBody as Obj).content as Record<string, Obj>;
  return content["application/x-www-form-urlencoded"]?.schema;
}

/** Our module for the two bodies, transpiled (no type check) and imported from a temp folder. */
async function loadOurs(
  document: Obj,
  work: string,
): Promise<Record<string, (value: unknown, options?: { maxErrors: number }) => Result>> {
  const { code } = compileValidators({
    document,
    assertFormats: true,
    entries: [
      {
        name: "validateSession",
        schema: bodySchema(document, "/v1/identity/verification_sessions"),
        form: true,
      },
      // The same body without wire names on errors (as a JSON body would be checked).
      { name: "validateSessionJson", schema: bodySchema(document, "/v1/identity/verification_sessions") },
      { name: "validateCheckout", schema: bodySchema(document, "/v1/checkout/sessions"), form: true },
    ],
  });
  const transpile = (source: string) =>
    ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
  mkdirSync(join(work, "runtime"), { recursive: true });
  writeFileSync(join(work, "package.json"), '{"type":"module"}');
  const runtime = readFileSync(join(import.meta.dirname, "../../templates/runtime/validation.ts"), "utf8");
  writeFileSync(join(work, "runtime", "validation.js"), transpile(runtime));
  writeFileSync(join(work, "validators.js"), transpile(code));
  return (await import(pathToFileURL(join(work, "validators.js")).href)) as Record<
    string,
    (value: unknown, options?: { maxErrors: number }) => Result
  >;
}

/** ajv's standalone code for a schema, written as CommonJS and required (its runtime helpers from ajv). */
function ajvStandalone(
  schema: unknown,
  work: string,
  name: string,
): ((value: unknown) => boolean) & { errors?: unknown[] | null } {
  const ajv = new Ajv2020({ strict: false, logger: false, code: { source: true } });
  // ajv's CommonJS module seen from ESM: `default` is module.exports, whose own `default` is the function.
  const standaloneCode = standalone.default.default;
  const source = standaloneCode(ajv, ajv.compile(schema as object));
  const file = join(work, `${name}.cjs`);
  const ajvRoot = join(import.meta.dirname, "../../node_modules/ajv/");
  writeFileSync(file, source.replace(/require\("ajv\//g, `require(${JSON.stringify(ajvRoot)} + "`));
  return createRequire(import.meta.url)(file) as ((value: unknown) => boolean) & {
    errors?: unknown[] | null;
  };
}

interface Case {
  name: string;
  input: unknown;
  valid: boolean;
  body: "session" | "sessionJson" | "checkout";
  /** Ours also reads the first error's wire name (worked out when read), which ajv does not have. */
  wireName?: boolean;
  /** Ours stops at the first error, as ajv with allErrors off does. */
  firstErrorOnly?: boolean;
}

const CASES: Case[] = [
  { name: "small valid", input: verificationSession(), valid: true, body: "session" },
  {
    name: "small invalid",
    input: verificationSession({ allowedTypes: ["passport", "bogus"] }),
    valid: false,
    body: "session",
  },
  {
    name: "small invalid, wire name read",
    input: verificationSession({ allowedTypes: ["passport", "bogus"] }),
    valid: false,
    body: "session",
    wireName: true,
  },
  {
    // Three problems: ajv with allErrors off stops at the first, ours and ajv allErrors find all three.
    name: "small, 3 errors",
    input: { ...(verificationSession({ allowedTypes: ["bogus"] }) as object), return_url: 5, extra: true },
    valid: false,
    body: "session",
  },
  {
    name: "small, 3 errors, ours first only",
    input: { ...(verificationSession({ allowedTypes: ["bogus"] }) as object), return_url: 5, extra: true },
    valid: false,
    body: "session",
    firstErrorOnly: true,
  },
  {
    name: "small invalid, no wire names",
    input: verificationSession({ allowedTypes: ["passport", "bogus"] }),
    valid: false,
    body: "sessionJson",
  },
  {
    name: "small, 4,000-char string",
    input: verificationSession({ expand: ["x".repeat(4000)] }),
    valid: true,
    body: "session",
  },
  { name: "large valid", input: checkoutSession(), valid: true, body: "checkout" },
  { name: "large invalid", input: checkoutSession({ badInterval: true }), valid: false, body: "checkout" },
];

async function main(): Promise<void> {
  const stripe = await loadSpec(realSpecs().stripe);
  const document = stripe.document;
  const work = mkdtempSync(join(tmpdir(), "specsmith-validators-bench-"));
  try {
    const ours = await loadOurs(document, work);
    const schemas = {
      session: bodySchema(document, "/v1/identity/verification_sessions"),
      checkout: bodySchema(document, "/v1/checkout/sessions"),
    };
    const ajvFirst = new Ajv2020({ strict: false, logger: false, allErrors: false });
    const ajvAll = new Ajv2020({ strict: false, logger: false, allErrors: true });
    // Every candidate reads its first error's pointer on an invalid input, as a caller reporting it
    // would. Both build errors eagerly: ajv's carry instancePath, schemaPath, keyword, params (the allowed
    // values, by reference) and a fixed message; ours pointer, keyword and a message naming every allowed
    // value (a constant per failure site). Our wire name (form bodies) is worked out from the pointer when
    // read: the "wire name read" case reads it too, and ajv has nothing like it.
    const pick = (name: string, readWireName = false, maxErrors?: number) => {
      const options = maxErrors === undefined ? undefined : { maxErrors };
      const validate = ours[name];
      if (!validate) throw new Error(`the module has no ${name}`);
      return (v: unknown) => {
        const result = validate(v, options);
        if (!result.ok) {
          const first = result.errors[0];
          sink ^= (first?.pointer.length ?? 0) + (readWireName ? (first?.wireName?.length ?? 0) : 0);
        }
        return result.ok;
      };
    };
    const ajvCheck =
      (validate: ((v: unknown) => boolean) & { errors?: unknown[] | null }) => (v: unknown) => {
        const ok = validate(v);
        if (!ok)
          sink ^= (validate.errors?.[0] as { instancePath?: string } | undefined)?.instancePath?.length ?? 0;
        return ok;
      };
    const session = {
      ours: pick("validateSession"),
      ajv: ajvCheck(ajvFirst.compile(schemas.session as object)),
      ajvAll: ajvCheck(ajvAll.compile(schemas.session as object)),
      standalone: ajvCheck(ajvStandalone(schemas.session, work, "session")),
      hand: handWrittenSessionCheck,
    };
    const candidates = {
      session,
      sessionJson: { ...session, ours: pick("validateSessionJson") },
      checkout: {
        ours: pick("validateCheckout"),
        ajv: ajvCheck(ajvFirst.compile(schemas.checkout as object)),
        ajvAll: ajvCheck(ajvAll.compile(schemas.checkout as object)),
        standalone: ajvCheck(ajvStandalone(schemas.checkout, work, "checkout")),
        hand: undefined,
      },
    };

    console.log("\nvalidator benchmark (ops/s; ratio = ours / ajv compiled, allErrors off | on)");
    const header = [
      "case",
      "ours",
      "ajv",
      "ajv allErrors",
      "ajv standalone",
      "hand-written",
      "ours/ajv",
      "ours/ajv-all",
    ];
    const rows: string[][] = [header];
    for (const c of CASES) {
      const own = c.wireName || c.firstErrorOnly;
      const maxErrors = c.firstErrorOnly ? 1 : undefined;
      const set = own
        ? { ...candidates[c.body], ours: pick("validateSession", c.wireName, maxErrors) }
        : candidates[c.body];
      // Every validator must agree with the expected answer before it is timed.
      for (const [name, check] of Object.entries(set)) {
        if (check && check(c.input) !== c.valid)
          throw new Error(`${name} answers ${!c.valid} on "${c.name}"`);
      }
      const input = c.input;
      const checks = [set.ours, set.ajv, set.ajvAll, set.standalone, set.hand];
      const present = checks.filter((check) => check !== undefined);
      const rates = compare(present.map((check) => () => check(input)));
      const [ours = NaN, ajv = NaN, ajvAllErrors = NaN, standalone = NaN, hand = NaN] = rates;
      const fmt = (n: number) => (Number.isNaN(n) ? "-" : `${(n / 1e6).toFixed(2)} M/s`);
      rows.push([
        c.name,
        fmt(ours),
        fmt(ajv),
        fmt(ajvAllErrors),
        fmt(standalone),
        fmt(hand),
        `${(ours / ajv).toFixed(2)}x`,
        `${(ours / ajvAllErrors).toFixed(2)}x`,
      ]);
    }
    const widths = header.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
    for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
    console.log("goal: ours >= 1.5x ajv on every case, approaching hand-written");

    const entries = operationEntries(document);
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      size = compileValidators({ document, entries, assertFormats: true }).code.length;
      times.push(performance.now() - start);
    }
    console.log(
      `compile validators for all of Stripe's operations (${entries.length} bodies and parameter sets): ` +
        `first ${(times[0] ?? 0).toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms ` +
        `(goal < 500 ms), module ${(size / 1e6).toFixed(2)} MB`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (sink === 2) console.log(""); // keeps the sink observable
}

await main();
