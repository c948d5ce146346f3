// Packages that work as written. `generate --out` builds dist/ itself (ESM and CommonJS, with the
// TypeScript compiler specsmith ships) and `exports` serves both, so a project outside this repository
// loads the package by name with require() and with import, TypeScript finds the declarations of each, and
// the package's own `npm run build` runs with the TypeScript it declares. `--no-build` writes the sources
// only. `generate` for specs/* names `npm install` while npm has not linked a workspace package.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { CONSUMER_OPTIONS } from "./test-package.ts";
import { startServer, type TestServer } from "../runtime/server.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
let dir: string;
let server: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-packaging-"));
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function generate(args: string[], cwd = root) {
  const term = memoryTerminal();
  const code = await main(["generate", ...args], term, cwd);
  return { code, out: term.stdout.join("\n"), err: term.stderr.join("\n") };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A project of a user's, outside this repository, with the package in its node_modules under `name`. */
async function consumerProject(name: string, packageDir: string): Promise<string> {
  const project = await mkdtemp(join(dir, "consumer-"));
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  await mkdir(join(project, "node_modules"));
  await symlink(packageDir, join(project, "node_modules", name), "dir");
  return project;
}

describe("a package generated with --out, used by name from another project", () => {
  // The assistant test package: made by `generate --out` with no other step (test/setup/test-packages.ts).
  const packageDir = (): string => inject("testPackages").assistant;

  it("is built by generate: ESM in dist/, CommonJS in dist/cjs/ marked as such", async () => {
    expect(await exists(join(packageDir(), "dist", "index.js"))).toBe(true);
    expect(await exists(join(packageDir(), "dist", "cjs", "index.js"))).toBe(true);
    const marker = JSON.parse(await readFile(join(packageDir(), "dist", "cjs", "package.json"), "utf8"));
    expect(marker).toEqual({ type: "commonjs" });
  });

  it("require()s the CommonJS build by package name and calls the API on 127.0.0.1", async () => {
    const project = await consumerProject("assistant", packageDir());
    await writeFile(
      join(project, "index.cjs"),
      [
        'const pkg = require("assistant");',
        "const client = new pkg.AssistantClient({ apiKey: 'sk-test-key', baseURL: process.argv[2] });",
        "client.charges.create({ amount: 5 }).then((data) => {",
        "  console.log(JSON.stringify({ data, file: require.resolve('assistant'), isDefault: pkg.default === pkg.AssistantClient, errors: typeof pkg.APIError }));",
        "});",
      ].join("\n"),
    );
    server.reply({ body: { id: "ch_1", object: "charge" } });
    const { stdout } = await run(process.execPath, [join(project, "index.cjs"), server.url], {
      cwd: project,
    });
    const result = JSON.parse(stdout) as { data: unknown; file: string; isDefault: boolean; errors: string };
    expect(result.data).toEqual({ id: "ch_1", object: "charge" });
    expect(result.file).toBe(join(packageDir(), "dist", "cjs", "index.js"));
    expect(result.isDefault).toBe(true);
    expect(result.errors).toBe("function");
    const request = server.requests.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/charges");
    expect(request?.headers.authorization).toBe("Bearer sk-test-key");
    expect(request?.body.toString()).toBe("amount=5");
  });

  it("imports the ESM build by package name and calls the API on 127.0.0.1", async () => {
    const project = await consumerProject("assistant", packageDir());
    await writeFile(
      join(project, "index.mjs"),
      [
        'import Client, { AssistantClient } from "assistant";',
        "const client = new AssistantClient({ apiKey: 'sk-test-key', baseURL: process.argv[2] });",
        "const data = await client.charges.create({ amount: 7 });",
        "console.log(JSON.stringify({ data, file: import.meta.resolve('assistant'), isDefault: Client === AssistantClient }));",
      ].join("\n"),
    );
    server.reply({ body: { id: "ch_2" } });
    const { stdout } = await run(process.execPath, [join(project, "index.mjs"), server.url], {
      cwd: project,
    });
    const result = JSON.parse(stdout) as { data: unknown; file: string; isDefault: boolean };
    expect(result.data).toEqual({ id: "ch_2" });
    expect(new URL(result.file).pathname).toBe(join(packageDir(), "dist", "index.js"));
    expect(result.isDefault).toBe(true);
    expect(server.requests.at(-1)?.body.toString()).toBe("amount=7");
  });

  it("gives TypeScript the declarations of each build: a .cts file the CommonJS ones, a .mts file the ESM ones", async () => {
    const project = await consumerProject("assistant", packageDir());
    const cts = join(project, "use.cts");
    const mts = join(project, "use.mts");
    // One deliberate error each: the client's type is known (not any), so it is not a number.
    // openapi-typescript's declarations come from the /openapi subpath, off the root.
    const openapi = 'import type { paths } from "assistant/openapi";\nexport type Paths = keyof paths;\n';
    await writeFile(
      cts,
      'import pkg = require("assistant");\nconst wrong: number = new pkg.AssistantClient({ apiKey: "k" });\n' +
        openapi,
    );
    await writeFile(
      mts,
      'import { AssistantClient } from "assistant";\nconst wrong: number = new AssistantClient({ apiKey: "k" });\n' +
        openapi,
    );
    const options = CONSUMER_OPTIONS;
    // Resolved as the compiler does for each file: a .cts file requires, a .mts file imports.
    const resolved = (from: string, mode: ts.ResolutionMode, name = "assistant"): string | undefined =>
      ts.resolveModuleName(name, from, options, ts.sys, undefined, undefined, mode).resolvedModule
        ?.resolvedFileName;
    expect(resolved(cts, ts.ModuleKind.CommonJS)).toBe(join(packageDir(), "dist", "cjs", "index.d.ts"));
    expect(resolved(mts, ts.ModuleKind.ESNext)).toBe(join(packageDir(), "dist", "index.d.ts"));
    expect(resolved(cts, ts.ModuleKind.CommonJS, "assistant/openapi")).toBe(
      join(packageDir(), "dist", "cjs", "openapi.d.ts"),
    );
    expect(resolved(mts, ts.ModuleKind.ESNext, "assistant/openapi")).toBe(
      join(packageDir(), "dist", "openapi.d.ts"),
    );
    const program = ts.createProgram([cts, mts], options);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file?.fileName.slice(project.length + 1)}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
      );
    expect(errors.sort()).toEqual([
      "use.cts: Type 'AssistantClient' is not assignable to type 'number'.",
      "use.mts: Type 'AssistantClient' is not assignable to type 'number'.",
    ]);
  });
});

describe("generate --out and the build", () => {
  const spec = {
    openapi: "3.1.0",
    info: { title: "Ping", version: "1.2.3" },
    servers: [{ url: "https://ping.example" }],
    paths: {
      "/ping": {
        get: {
          operationId: "ping",
          responses: {
            "200": { description: "pong", content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      },
    },
  };

  beforeAll(() => writeFile(join(dir, "ping.json"), JSON.stringify(spec)));

  it("--no-build writes the sources only; without it dist/ is built once and kept while its sources are", async () => {
    const specFile = join(dir, "ping.json");
    const bare = join(dir, "ping-sources");
    const r1 = await generate(["--no-build", specFile, "--out", bare, "--name", "ping"]);
    expect(r1.code).toBe(0);
    expect(r1.out).not.toContain("built");
    expect(await exists(join(bare, "dist"))).toBe(false);

    const built = join(dir, "ping-built");
    const r2 = await generate([specFile, "--out", built, "--name", "ping"]);
    expect(r2.code).toBe(0);
    expect(r2.out).toContain("built");
    const stamp = await readFile(join(built, "dist", ".build-hash"), "utf8");
    const again = await generate([specFile, "--out", built, "--name", "ping"]);
    expect(again.code).toBe(0);
    expect(again.out).not.toContain("built");
    expect(await readFile(join(built, "dist", ".build-hash"), "utf8")).toBe(stamp);
    const pkg = (await import(pathToFileURL(join(built, "dist", "index.js")).href)) as {
      PingClient: unknown;
    };
    expect(typeof pkg.PingClient).toBe("function");
  });

  it("the package's own `npm run build` makes both builds with the TypeScript it declares", async () => {
    const bare = join(dir, "ping-own-build");
    expect(
      (await generate(["--no-build", join(dir, "ping.json"), "--out", bare, "--name", "ping"])).code,
    ).toBe(0);
    // The package's own build: `npm run build` with the TypeScript its package.json declares (here the
    // repository's, linked as `npm install` would), making the same two builds.
    const manifest = JSON.parse(await readFile(join(bare, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
      scripts: { build: string };
    };
    expect(Object.keys(manifest.devDependencies)).toEqual(["typescript"]);
    await mkdir(join(bare, "node_modules", ".bin"), { recursive: true });
    await symlink(join(root, "node_modules", "typescript"), join(bare, "node_modules", "typescript"), "dir");
    await symlink(
      join(root, "node_modules", "typescript", "bin", "tsc"),
      join(bare, "node_modules", ".bin", "tsc"),
    );
    await run("npm", ["run", "-s", "build"], { cwd: bare });
    const { stdout } = await run(
      process.execPath,
      [
        "-e",
        `console.log(typeof require(${JSON.stringify(join(bare, "dist", "cjs", "index.js"))}).PingClient)`,
      ],
      { cwd: bare },
    );
    expect(stdout.trim()).toBe("function");
    expect(await exists(join(bare, "dist", "index.d.ts"))).toBe(true);
  });
});

describe("generate for specs/*: workspaces npm has not linked", () => {
  it("names `npm install` while node_modules lacks the package, and says nothing once it is linked", async () => {
    const project = await mkdtemp(join(dir, "repo-"));
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({ private: true, workspaces: ["generated/*"] }),
    );
    await mkdir(join(project, "specs", "verifa"), { recursive: true });
    for (const file of ["api.yaml", "openapi.yaml"])
      await copyFile(join(root, "specs", "verifa", file), join(project, "specs", "verifa", file));

    const first = await generate([], project);
    expect(first.code).toBe(0);
    expect(first.err).toContain(
      "note @specsmith/verifa is not linked in node_modules yet: run `npm install` to link it, then import by name",
    );
    // No build for workspaces: `npm run build:generated` builds them.
    expect(await exists(join(project, "generated", "verifa", "dist"))).toBe(false);

    await mkdir(join(project, "node_modules", "@specsmith"), { recursive: true });
    await symlink(
      join("..", "..", "generated", "verifa"),
      join(project, "node_modules", "@specsmith", "verifa"),
    );
    const linked = await generate([], project);
    expect(linked.code).toBe(0);
    expect(linked.err).toBe("");
  });

  it("says nothing where the project has no workspaces (npm install would not link them)", async () => {
    const project = await mkdtemp(join(dir, "plain-"));
    await writeFile(join(project, "package.json"), JSON.stringify({ private: true }));
    await cp(join(root, "specs", "verifa"), join(project, "specs", "verifa"), { recursive: true });
    const r = await generate([], project);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });
});
