// The generator end to end: packages written, compiled by the real tsc in strict mode, imported and run.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, stat, utimes, writeFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-generate-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs generate; a package of `--out` is not built (tests below run tsc where they need dist/). */
async function generate(...args: string[]) {
  const term = memoryTerminal();
  const noBuild = args.includes("--out") ? ["--no-build"] : [];
  const code = await main(["generate", ...noBuild, ...args], term, root);
  return { code, out: term.stdout.join("\n"), err: term.stderr.join("\n") };
}

describe("a hostile spec", () => {
  it("gives a package that compiles under tsc --strict and runs none of the spec's text", async () => {
    const out = join(dir, "hostile");
    const r = await generate(
      join(root, "test/fixtures/specs/hostile.json"),
      "--out",
      out,
      "--name",
      "hostile-client",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    await run(process.execPath, [tsc, "-p", join(out, "tsconfig.json")]);
    const script = `
      const pkg = await import(${JSON.stringify(join(out, "dist/index.js"))});
      const names = Object.keys(pkg).sort();
      const client = new pkg.default({ apiKey: "k", baseURL: "http://127.0.0.1:9" });
      console.log(JSON.stringify({ pwned: globalThis.pwned ?? null, polluted: ({}).polluted ?? null, hasClient: typeof client === "object", names: names.length }));
    `;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script]);
    expect(JSON.parse(stdout)).toEqual({
      pwned: null,
      polluted: null,
      hasClient: true,
      names: expect.any(Number),
    });
  });
});

describe("a spec without servers", () => {
  it("gives a package that compiles under tsc --strict (its server list is typed, not an implicit any[])", async () => {
    const spec = join(dir, "serverless.json");
    await writeFile(
      spec,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "Serverless", version: "1.0.0" },
        paths: { "/ping": { get: { operationId: "ping", responses: { "204": { description: "pong" } } } } },
      }),
    );
    const out = join(dir, "serverless");
    expect((await generate(spec, "--out", out, "--name", "serverless")).code).toBe(0);
    await run(process.execPath, [tsc, "-p", join(out, "tsconfig.json")]);
  });
});

describe("determinism", () => {
  it("two runs give byte-identical packages", async () => {
    const a = join(dir, "a");
    const b = join(dir, "b");
    for (const out of [a, b]) {
      expect(
        (
          await generate(
            join(root, "specs/stripe-identity/openapi.yaml"),
            "--out",
            out,
            "--name",
            "@specsmith/stripe-identity",
          )
        ).code,
      ).toBe(0);
    }
    const files = (await readdir(a, { recursive: true }))
      .filter((f) => f.endsWith(".ts") || f.endsWith(".json") || f.endsWith(".md"))
      .sort();
    expect(files.length).toBeGreaterThan(8);
    for (const f of files)
      expect(await readFile(join(b, f), "utf8")).toBe(await readFile(join(a, f), "utf8"));
  });

  it("--check passes on the committed packages and fails when one is stale", async () => {
    expect((await generate("--check")).code).toBe(0);
    const out = join(dir, "stale");
    await generate(join(root, "specs/verifa/openapi.yaml"), "--out", out, "--name", "@specsmith/verifa");
    await writeFile(join(out, "src/client.ts"), "// edited by hand\n");
    const r = await generate(
      join(root, "specs/verifa/openapi.yaml"),
      "--out",
      out,
      "--name",
      "@specsmith/verifa",
      "--check",
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("src/client.ts");
  });

  it("leaves the previous package untouched when the spec is broken", async () => {
    const out = join(dir, "kept");
    await generate(join(root, "specs/verifa/openapi.yaml"), "--out", out, "--name", "@specsmith/verifa");
    const before = await readFile(join(out, "src/client.ts"), "utf8");
    const broken = join(dir, "broken.yaml");
    await writeFile(broken, "openapi: 3.1.0\ninfo: {}\npaths: []\n");
    const r = await generate(broken, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("broken.yaml");
    expect(await readFile(join(out, "src/client.ts"), "utf8")).toBe(before);
  });
});

describe("regenerating", () => {
  it("skips the render when nothing changed, and renders again when the spec or the output changed", async () => {
    const spec = join(dir, "verifa.yaml");
    await copyFile(join(root, "specs/verifa/openapi.yaml"), spec);
    const out = join(dir, "again");
    const args = [spec, "--out", out, "--name", "@specsmith/verifa"];
    expect((await generate(...args)).out).toContain("generated");
    const client = join(out, "src/client.ts");
    const first = await stat(client);

    const unchanged = await generate(...args);
    expect(unchanged.code).toBe(0);
    expect(unchanged.out).toBe("1 package(s) unchanged");
    expect((await stat(client)).mtimeMs).toBe(first.mtimeMs);

    // A file touched without a change is read and found unchanged.
    await utimes(client, new Date(), new Date(Date.now() + 5000));
    expect((await generate(...args)).out).toBe("1 package(s) unchanged");

    // A hand edit in the output is put right, not trusted: one of the same size too.
    const original = await readFile(client, "utf8");
    await writeFile(client, original.replace("VerifaClient", "VerifaClienT"));
    expect((await generate(...args)).out).toContain("generated");
    expect(await readFile(client, "utf8")).toBe(original);
    await writeFile(client, "// edited by hand\n");
    expect((await generate(...args)).out).toContain("generated");
    expect(await readFile(client, "utf8")).toContain("export class VerifaClient");

    // A changed spec is rendered again.
    const text = await readFile(spec, "utf8");
    await writeFile(spec, text.replace("Update a session", "Update one session"));
    expect((await generate(...args)).out).toContain("generated");
    expect(await readFile(join(out, "src/resources/sessions.ts"), "utf8")).toContain("Update one session");

    // Another package name for the same output is another request.
    expect((await generate(spec, "--out", out, "--name", "other-name")).out).toContain("generated");
    expect(await readFile(join(out, "package.json"), "utf8")).toContain('"name": "other-name"');
  });
});
