// The environment variables a generated client reads, set by hand: api.yaml's `env:` (a prefix, the base
// URL's variable, each credential option's) for an API folder, `--env-prefix` for a loose spec. The
// folder's package runs against a real HTTP server on 127.0.0.1: the client finds its base URL and both
// schemes' credentials in the renamed variables, and a missing one is named in the
// MissingCredentialError. Bad names are refused with exit 2 naming api.yaml or the flag.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { startServer, type TestServer } from "../runtime/server.ts";

/**
 * The package's src/ as JavaScript in dist/, file by file without type checking: what is tested here is
 * what the client reads at run time (other tests run the real tsc over generated packages).
 */
async function transpile(out: string): Promise<void> {
  for (const entry of await readdir(join(out, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(out, "dist", from.slice(join(out, "src").length)).replace(/\.ts$/, ".js");
    const { outputText } = ts.transpileModule(await readFile(from, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    await mkdir(join(to, ".."), { recursive: true });
    await writeFile(to, outputText);
  }
}

/** Two security schemes: a bearer token for one operation, an API-key header for the other. */
const SPEC = {
  openapi: "3.1.0",
  info: { title: "Acme Widgets API", version: "1.0.0" },
  servers: [{ url: "https://api.acme-widgets.example/v1" }],
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer" },
      partnerKey: { type: "apiKey", in: "header", name: "X-Partner-Key" },
    },
  },
  paths: {
    "/widgets": {
      get: {
        operationId: "listWidgets",
        security: [{ bearer: [] }],
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
        },
      },
    },
    "/partners": {
      get: {
        operationId: "listPartners",
        security: [{ partnerKey: [] }],
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
        },
      },
    },
  },
};

const MANIFEST = (env: string) =>
  ["title: Acme Widgets", "package: acme-widgets", "version: 1.0.0", "pages: [pages/a.md]", env].join("\n");

let work: string;
let server: TestServer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "specsmith-env-"));
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

/** A project folder with specs/acme/{openapi.yaml,api.yaml}; returns it. */
async function project(name: string, env: string): Promise<string> {
  const dir = join(work, name);
  await mkdir(join(dir, "specs", "acme", "pages"), { recursive: true });
  await writeFile(join(dir, "specs", "acme", "openapi.yaml"), JSON.stringify(SPEC));
  await writeFile(join(dir, "specs", "acme", "pages", "a.md"), "# A\n");
  await writeFile(join(dir, "specs", "acme", "api.yaml"), MANIFEST(env));
  return dir;
}

async function generate(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  const term = memoryTerminal();
  const code = await main(["generate", ...args], term, cwd);
  return { code, stderr: term.stderr.join("\n") };
}

interface Client {
  widgets: { retrieve(): Promise<unknown> };
  partners: { retrieve(): Promise<unknown> };
}

describe("api.yaml env:", () => {
  it("names the variables the client reads its base URL and each scheme's credential from", async () => {
    const dir = await project(
      "folder",
      "env: { prefix: WIDGETS, baseURL: ACME_ENDPOINT, apiKey: ACME_TOKEN }",
    );
    expect(await generate(["--specs", join(dir, "specs")], dir)).toMatchObject({ code: 0 });
    const out = join(dir, "generated", "acme");
    await transpile(out);
    const pkg = (await import(pathToFileURL(join(out, "dist", "index.js")).href)) as {
      AcmeWidgetsClient: new (options?: Record<string, unknown>) => Client;
      MissingCredentialError: new (...args: never[]) => Error;
    };
    vi.stubEnv("ACME_ENDPOINT", server.url);
    vi.stubEnv("ACME_TOKEN", "tok-1");
    // The second scheme's variable takes the prefix set in api.yaml.
    vi.stubEnv("WIDGETS_PARTNER_KEY", "partner-2");
    // The names the client would read without api.yaml's env: it must not.
    vi.stubEnv("ACME_WIDGETS_API_KEY", "wrong");
    vi.stubEnv("ACME_WIDGETS_BASE_URL", "http://127.0.0.1:9/");
    try {
      const from = server.requests.length;
      await new pkg.AcmeWidgetsClient({ maxRetries: 0 }).widgets.retrieve();
      await new pkg.AcmeWidgetsClient({ maxRetries: 0 }).partners.retrieve();
      const [widgets, partners] = server.requests.slice(from);
      expect(widgets?.path).toBe("/widgets");
      expect(widgets?.headers.authorization).toBe("Bearer tok-1");
      expect(partners?.headers["x-partner-key"]).toBe("partner-2");

      vi.stubEnv("ACME_TOKEN", "");
      const error = await new pkg.AcmeWidgetsClient({ maxRetries: 0 }).widgets
        .retrieve()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(pkg.MissingCredentialError);
      expect((error as Error).message).toContain(
        "the apiKey option (or the ACME_TOKEN environment variable)",
      );
    } finally {
      vi.unstubAllEnvs();
    }
    // The package's README tells the user the same names.
    const readme = await readFile(join(out, "README.md"), "utf8");
    expect(readme).toContain("ACME_TOKEN");
  });

  it("refuses a name that is not a variable name, or a key that names no client option", async () => {
    const bad = await project("bad-name", "env: { apiKey: 'MY-KEY' }");
    const refused = await generate(["--specs", join(bad, "specs")], bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("api.yaml");
    expect(refused.stderr).toContain('"env.apiKey" must be an environment variable name');

    const unknown = await project("unknown-key", "env: { token: ACME_TOKEN }");
    const result = await generate(["--specs", join(unknown, "specs")], unknown);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("specs/acme/api.yaml");
    expect(result.stderr).toContain(
      "env.token names no option of the client (known: prefix, baseURL, apiKey, partnerKey)",
    );
  });
});

describe("--env-prefix", () => {
  it("renames every variable of a loose spec's client", async () => {
    const spec = join(work, "loose.json");
    await writeFile(spec, JSON.stringify(SPEC));
    const out = join(work, "loose-out");
    expect(await generate([spec, "--out", out, "--env-prefix", "ACME"], work)).toMatchObject({ code: 0 });
    const client = await readFile(join(out, "src", "client.ts"), "utf8");
    for (const name of ["ACME_API_KEY", "ACME_PARTNER_KEY", "ACME_BASE_URL"])
      expect(client).toContain(`"${name}"`);
    expect(client).not.toContain("ACME_WIDGETS_");
  });

  it("is refused when not a variable name, and for API folders (api.yaml's env: is their place)", async () => {
    const spec = join(work, "loose.json");
    const bad = await generate([spec, "--out", join(work, "never"), "--env-prefix", "AC ME"], work);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--env-prefix must be an environment variable name");
    const dir = await project("flag-on-folder", "");
    const folder = await generate(["--specs", join(dir, "specs"), "--env-prefix", "ACME"], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("set env: { prefix } in its api.yaml");
  });
});
