// File names that come from user data stay in their folder: a spec's $refs read only its own folder tree
// (or one allowed with --allow-ref-dir), judged on real paths, and api.yaml's pages and overlay only the
// API folder. A ref whose target is not what its place needs is an error naming the ref and its pointer.
import { execFileSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiFolder, cli, put, scratch, specWithSchema, verifaPage } from "./inputs-helpers.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await scratch()));
afterEach(() => cleanup());

const SPEC = "specs/api/openapi.json";
const SCHEMA_REF = "/paths/~1a/get/responses/200/content/application~1json/schema/$ref";
const SECRET = "type: object\nproperties:\n  SECRET_TOKEN_abc123: {type: string}\n";

/** specs/api/openapi.json whose response schema is a $ref to `ref`, and a secret beside the folder. */
async function refSpec(ref: string): Promise<string> {
  await put(join(dir, "secret.yaml"), SECRET);
  return put(join(dir, "specs/api/openapi.json"), specWithSchema(JSON.stringify({ $ref: ref })));
}

const outside = (ref: string, how = "") =>
  `error specs/api/openapi.json: $ref "${ref}" at ${SCHEMA_REF} points ${how}outside the spec's folder (specs/api): ` +
  "refs may only read files in it; --allow-ref-dir DIR allows another folder";

describe("$ref confinement", () => {
  it("generate refuses /etc/passwd, and writes no package", async () => {
    await refSpec("/etc/passwd");
    const r = await cli(dir, "generate", "--no-build", "specs/api/openapi.json", "--out", "out");
    expect(r.code).toBe(2);
    expect(r.err).toBe(outside("/etc/passwd"));
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it.each([
    ["a relative path that climbs out", "../../secret.yaml"],
    ["a percent-encoded one", "%2e%2e/%2e%2e/secret.yaml"],
    ["an absolute path", "SECRET"],
    ["a file: URL", "SECRET_URL"],
  ])("diff refuses %s", async (_name, raw) => {
    const ref =
      raw === "SECRET"
        ? join(dir, "secret.yaml")
        : raw === "SECRET_URL"
          ? pathToFileURL(join(dir, "secret.yaml")).href
          : raw;
    await refSpec(ref);
    const r = await cli(dir, "diff", SPEC, SPEC);
    expect(r.code).toBe(2);
    expect(r.err).toBe(outside(ref));
  });

  it("refuses a symbolic link inside the folder that leads outside it", async () => {
    await refSpec("./schemas/link.yaml");
    await put(join(dir, "specs/api/schemas/.keep"), "");
    symlinkSync(join(dir, "secret.yaml"), join(dir, "specs/api/schemas/link.yaml"));
    const r = await cli(dir, "diff", SPEC, SPEC);
    expect(r.code).toBe(2);
    expect(r.err).toBe(outside("./schemas/link.yaml", "through a symbolic link, "));
  });

  it("--allow-ref-dir allows another folder, on real paths too", async () => {
    await put(join(dir, "shared/item.yaml"), SECRET);
    await put(
      join(dir, "specs/api/openapi.json"),
      specWithSchema(JSON.stringify({ $ref: "../../shared/item.yaml" })),
    );
    const refused = await cli(dir, "diff", SPEC, SPEC);
    expect(refused.err).toBe(outside("../../shared/item.yaml"));
    const allowed = await cli(dir, "diff", SPEC, SPEC, "--allow-ref-dir", "shared");
    expect(allowed.err).toBe("");
    expect(allowed.code).toBe(0);
  });

  it("keeps refs of a spec at a git revision inside its folder too", async () => {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    await refSpec("../../secret.yaml");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "spec");
    const r = await cli(dir, "diff", "HEAD:specs/api/openapi.json", "specs/api/openapi.json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^error HEAD:specs\/api\/openapi\.json: \$ref "\.\.\/\.\.\/secret\.yaml" at .* points outside the spec's folder/,
    );
  });
});

describe("a ref target must be what its place needs", () => {
  it("an internal schema ref to a string", async () => {
    await put(join(dir, "a.json"), specWithSchema('{"$ref":"#/info/title"}'));
    const r = await cli(dir, "diff", "a.json", "a.json");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `error a.json: $ref "#/info/title" at ${SCHEMA_REF}: it points at a string, not a schema (an object or a boolean)`,
    );
  });

  it("a parameter ref to a file that parses to a string, and a schema ref to an array", async () => {
    await put(join(dir, "param.yaml"), "just some text\n");
    await put(join(dir, "list.yaml"), "- a\n- b\n");
    await put(
      join(dir, "a.json"),
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "T", version: "1" },
        paths: {
          "/a": {
            get: {
              parameters: [{ $ref: "./param.yaml" }],
              responses: { 200: { description: "ok" } },
            },
          },
        },
      }),
    );
    const r = await cli(dir, "diff", "a.json", "a.json");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'error a.json: $ref "./param.yaml" at /paths/~1a/get/parameters/0/$ref: it points at a string, not a parameter object',
    );
    await put(join(dir, "b.json"), specWithSchema('{"$ref":"./list.yaml"}'));
    expect((await cli(dir, "diff", "b.json", "b.json")).err).toBe(
      `error b.json: $ref "./list.yaml" at ${SCHEMA_REF}: it points at an array, not a schema (an object or a boolean)`,
    );
  });
});

describe("api.yaml: pages and overlay stay inside the API folder", () => {
  it("refuses an absolute page path, and one that climbs out", async () => {
    for (const page of ["/etc/hostname", "pages/../../x.txt"]) {
      await apiFolder(dir, [page]);
      const r = await cli(dir, "scrape");
      expect(r.code).toBe(2);
      expect(r.err).toBe("error specs/widgets/api.yaml: pages[0].file must stay inside the API folder");
    }
  });

  it("reads a page whose name merely contains two dots", async () => {
    const apiDir = await apiFolder(dir, ["pages/v1..v2.txt"]);
    await put(join(apiDir, "pages/v1..v2.txt"), await verifaPage());
    const r = await cli(dir, "scrape");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  it("refuses a page that is a symbolic link out of the folder", async () => {
    await put(join(dir, "outside.txt"), await verifaPage());
    const apiDir = await apiFolder(dir, ["pages/link.txt"]);
    await put(join(apiDir, "pages/.keep"), "");
    symlinkSync(join(dir, "outside.txt"), join(apiDir, "pages/link.txt"));
    const r = await cli(dir, "scrape");
    expect(r.code).toBe(2);
    expect(r.err).toBe("error pages/link.txt: leads outside the API folder through a symbolic link: refused");
  });

  it("refuses an absolute overlay path, and an overlay that is a link out of the folder", async () => {
    await put(join(dir, "overlay.yaml"), "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []\n");
    const apiDir = await apiFolder(dir, ["pages/good.txt"], `overlay: ${join(dir, "overlay.yaml")}`);
    await put(join(apiDir, "pages/good.txt"), await verifaPage());
    const absolute = await cli(dir, "scrape");
    expect(absolute.code).toBe(2);
    expect(absolute.err).toBe('error specs/widgets/api.yaml: "overlay" must stay inside the API folder');
    await apiFolder(dir, ["pages/good.txt"]);
    symlinkSync(join(dir, "overlay.yaml"), join(apiDir, "overlay.yaml"));
    const linked = await cli(dir, "scrape");
    expect(linked.code).toBe(2);
    expect(linked.err).toBe(
      "error specs/widgets/overlay.yaml: leads outside the API folder through a symbolic link: refused",
    );
  });
});
