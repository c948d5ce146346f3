// The structural diff's promises about $refs: a change in a shared schema is one change listing every
// operation it reaches; an inline schema moved into an equivalent component is no change; recursive
// schemas (direct and mutual) are compared to the end and terminate.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/spec/index.ts";
import { compareDocuments } from "../../scripts/diff/compare.ts";
import { diffDocuments } from "../../scripts/diff/structural/index.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");

async function pair(name: string) {
  const base = await loadSpec(join(FIXTURES, `${name}_base.yaml`));
  const revision = await loadSpec(join(FIXTURES, `${name}_revision.yaml`));
  return { base: base.document, revision: revision.document };
}

/** A spec whose GET /nodes/{id} and POST /nodes both return the component `schema` names. */
function spec(schemas: Record<string, unknown>, returns = "Node"): Record<string, unknown> {
  const body = { content: { "application/json": { schema: { $ref: `#/components/schemas/${returns}` } } } };
  return {
    openapi: "3.1.0",
    info: { title: "Tree", version: "1" },
    paths: {
      "/nodes": { post: { responses: { "201": { description: "created", ...body } } } },
      "/nodes/{id}": {
        get: {
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "a node", ...body } },
        },
      },
    },
    components: { schemas },
  };
}

describe("structural diff and $refs", () => {
  it("reports a change in a shared schema once, with every operation that reaches it", async () => {
    const { base, revision } = await pair("response_property_added");
    const changes = diffDocuments(base, revision);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: "property-added",
      name: "color",
      direction: "response",
      pointer: "/components/schemas/Item/properties/color",
      operations: ["GET /items/{id}", "PATCH /items/{id}"],
    });
  });

  it("treats an inline schema moved into an equivalent $ref as no change", async () => {
    const { base, revision } = await pair("inline_to_equivalent_ref");
    expect(diffDocuments(base, revision)).toEqual([]);
    // The other way round too.
    expect(diffDocuments(revision, base)).toEqual([]);
  });

  it("compares a recursive schema to the end, and finds a change inside it once", () => {
    const node = (extra: Record<string, unknown> = {}) => ({
      type: "object",
      properties: {
        name: { type: "string", ...extra },
        children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
        parent: { $ref: "#/components/schemas/Node" },
      },
    });
    const changes = diffDocuments(spec({ Node: node() }), spec({ Node: node({ maxLength: 10 }) }));
    expect(changes.map((c) => [c.kind, c.pointer, c.operations])).toEqual([
      ["limit", "/components/schemas/Node/properties/name", ["POST /nodes", "GET /nodes/{id}"]],
    ]);
  });

  it("terminates on mutual recursion and reports a change in the far schema, reached through the near one", () => {
    const schemas = (ownerType: string) => ({
      Node: { type: "object", properties: { owner: { $ref: "#/components/schemas/Owner" } } },
      Owner: {
        type: "object",
        properties: {
          id: { type: ownerType },
          nodes: { type: "array", items: { $ref: "#/components/schemas/Node" } },
        },
      },
    });
    const changes = diffDocuments(spec(schemas("string")), spec(schemas("integer")));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: "type",
      pointer: "/components/schemas/Owner/properties/id",
      before: "string",
      after: "integer",
      operations: ["POST /nodes", "GET /nodes/{id}"],
    });
  });

  it("keeps a nullable that one place adds to a shared component at that place, not in the component", () => {
    const base = spec(
      {
        Node: { type: "object" },
        Holder: { type: "object", properties: { node: { $ref: "#/components/schemas/Node" } } },
      },
      "Holder",
    );
    const revision = spec(
      {
        Node: { type: "object" },
        Holder: {
          type: "object",
          properties: { node: { anyOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] } },
        },
      },
      "Holder",
    );
    const changes = diffDocuments(base, revision);
    expect(changes.map((c) => [c.kind, c.pointer])).toEqual([
      ["nullable", "/components/schemas/Holder/properties/node"],
    ]);
  });

  it("matches paths whose parameter names changed ({id} and {nodeId} are one path)", () => {
    const base = spec({ Node: { type: "object" } });
    const revision = JSON.parse(
      JSON.stringify(base).replaceAll("{id}", "{nodeId}").replace('"name":"id"', '"name":"nodeId"'),
    );
    expect(compareDocuments(base, revision, { base: "a", revision: "b" }).findings).toEqual([]);
  });

  it("compares path parameters by their place in the template, whatever their names", () => {
    const base = spec({ Node: { type: "object" } });
    const revision = JSON.parse(
      JSON.stringify(base)
        .replaceAll("{id}", "{nodeId}")
        .replace(
          '"name":"id","in":"path","required":true,"schema":{"type":"string"}',
          '"name":"nodeId","in":"path","required":true,"schema":{"type":"integer"}',
        ),
    );
    const changes = diffDocuments(base, revision);
    expect(changes.map((c) => [c.kind, c.direction, c.pointer])).toEqual([
      ["type", "request", "/paths/~1nodes~1{nodeId}/get/parameters/0/schema"],
    ]);
  });
});
