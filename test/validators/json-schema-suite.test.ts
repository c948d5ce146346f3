// The official JSON Schema Test Suite (draft 2020-12, copied into test/fixtures/json-schema-test-suite/)
// run through the generated validators: each suite file becomes one module (each test group's schema an
// entry with its own document), transpiled to JavaScript and imported. Every failing test must be listed
// in known-failures.json, and every listed one must still fail: a new failure or a new pass is noticed.
// Remote refs come from the copied remotes/ (as http://localhost:1234/...) and the 2020-12 metaschemas
// from ajv's copy. A few modules are also type-checked with the real tsc under strict options.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileValidators } from "../../templates/validators/index.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SUITE = join(ROOT, "test", "fixtures", "json-schema-test-suite");
const TESTS = join(SUITE, "tests", "draft2020-12");
const METASCHEMAS = join(ROOT, "node_modules", "ajv", "dist", "refs", "json-schema-2020-12");
const KNOWN_FAILURES = join(import.meta.dirname, "known-failures.json");

interface SuiteTest {
  description: string;
  data: unknown;
  valid: boolean;
}
interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: SuiteTest[];
}
type Validator = (value: unknown) => { ok: boolean };

/** Remote documents: the suite's remotes/ served as http://localhost:1234/, and the 2020-12 metaschemas. */
function remotes(uri: string): unknown {
  const served = "http://localhost:1234/";
  const meta = "https://json-schema.org/draft/2020-12/";
  let file: string | undefined;
  if (uri.startsWith(served)) file = join(SUITE, "remotes", uri.slice(served.length));
  else if (uri === `${meta}schema`) file = join(METASCHEMAS, "schema.json");
  else if (uri.startsWith(`${meta}meta/`))
    file = join(METASCHEMAS, "meta", `${uri.slice(meta.length + 5)}.json`);
  return file && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

function transpile(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

interface Outcome {
  passed: number;
  failures: string[];
}

let work = "";

/** Compiles one suite file into a module, imports it and runs every test; returns the failures. */
async function runFile(dir: string, file: string, label: string, assertFormats: boolean): Promise<Outcome> {
  const groups = JSON.parse(readFileSync(join(dir, file), "utf8")) as SuiteGroup[];
  const name = label.replace(/[^A-Za-z0-9]/g, "_");
  const { code } = compileValidators({
    document: {},
    assertFormats,
    remotes,
    entries: groups.map((group, i) => ({
      name: `group${i}`,
      schema: group.schema,
      document: { value: group.schema, uri: `https://suite.specsmith.invalid/${name}/${i}/schema.json` },
    })),
  });
  writeFileSync(join(work, `${name}.ts`), code);
  writeFileSync(join(work, `${name}.js`), transpile(code));
  const module = (await import(pathToFileURL(join(work, `${name}.js`)).href)) as Record<string, Validator>;
  const outcome: Outcome = { passed: 0, failures: [] };
  groups.forEach((group, i) => {
    const validate = module[`group${i}`] as Validator;
    for (const test of group.tests) {
      if (validate(test.data).ok === test.valid) outcome.passed++;
      else outcome.failures.push(`${label}: ${group.description} / ${test.description}`);
    }
  });
  return outcome;
}

async function runSet(
  files: { dir: string; file: string; label: string; formats: boolean }[],
): Promise<Outcome> {
  const total: Outcome = { passed: 0, failures: [] };
  for (const { dir, file, label, formats } of files) {
    const outcome = await runFile(dir, file, label, formats);
    total.passed += outcome.passed;
    total.failures.push(...outcome.failures);
  }
  return total;
}

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort();

let required: Outcome;
let optional: Outcome;
const known = JSON.parse(readFileSync(KNOWN_FAILURES, "utf8")) as { required: string[]; optional: string[] };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "specsmith-suite-"));
  mkdirSync(join(work, "runtime"));
  writeFileSync(join(work, "package.json"), '{ "type": "module" }');
  const runtime = readFileSync(join(ROOT, "templates", "runtime", "validation.ts"), "utf8");
  writeFileSync(join(work, "runtime", "validation.ts"), runtime);
  writeFileSync(join(work, "runtime", "validation.js"), transpile(runtime));
  // The required set: formats are annotations there. optional/: formats asserted only in optional/format.
  required = await runSet(
    jsonFiles(TESTS).map((file) => ({ dir: TESTS, file, label: file, formats: false })),
  );
  const optionalDir = join(TESTS, "optional");
  const formatDir = join(optionalDir, "format");
  optional = await runSet([
    ...jsonFiles(optionalDir).map((file) => ({
      dir: optionalDir,
      file,
      label: `optional/${file}`,
      formats: false,
    })),
    ...jsonFiles(formatDir).map((file) => ({
      dir: formatDir,
      file,
      label: `optional/format/${file}`,
      formats: true,
    })),
  ]);
  const rate = (o: Outcome) =>
    `${o.passed}/${o.passed + o.failures.length} (${((100 * o.passed) / (o.passed + o.failures.length)).toFixed(2)}%)`;
  console.log(`JSON Schema Test Suite 2020-12: required ${rate(required)}, optional ${rate(optional)}`);
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("JSON Schema Test Suite (draft 2020-12) through generated validators", () => {
  it("runs the whole required set", () => {
    expect(required.passed + required.failures.length).toBeGreaterThan(1200);
  });

  it("fails exactly the listed required tests (a new failure or a new pass is noticed)", () => {
    expect(required.failures.sort()).toEqual([...known.required].sort());
  });

  it("fails exactly the listed optional tests (formats asserted in optional/format)", () => {
    expect(optional.failures.sort()).toEqual([...known.optional].sort());
  });

  it("beats the anchors on the required set (ajv 95.2%, schemasafe 96.8%, cfworker 96.7%)", () => {
    const rate = required.passed / (required.passed + required.failures.length);
    expect(rate).toBeGreaterThan(0.99);
  });

  it("generates modules that pass tsc under strict options", () => {
    const files = [
      "ref.json",
      "dynamicRef.json",
      "unevaluatedProperties.json",
      "anyOf.json",
      "uniqueItems.json",
    ];
    const config = {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022"],
        types: [],
        strict: true,
        noUncheckedIndexedAccess: true,
        noFallthroughCasesInSwitch: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        declaration: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ["runtime/validation.ts", ...files.map((file) => file.replace(/[^A-Za-z0-9]/g, "_") + ".ts")],
    };
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify(config));
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", join(work, "tsconfig.json")], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  }, 60_000);
});
