// Wire encodings as given/want tables: Stripe form bodies, OpenAPI query styles, path templates, multipart.
import { describe, expect, it } from "vitest";
import {
  encodeForm,
  encodeMultipart,
  encodePath,
  encodeQuery,
  type QueryParam,
} from "../../templates/runtime/encode.ts";

describe("encodeForm (Stripe style)", () => {
  const cases: { name: string; given: Record<string, unknown>; want: string }[] = [
    {
      name: "nested objects and arrays use bracketed names with indices",
      given: { options: { document: { allowed_types: ["passport", "id_card"] } } },
      want: "options[document][allowed_types][0]=passport&options[document][allowed_types][1]=id_card",
    },
    {
      name: "an empty object sends nothing",
      given: { metadata: {}, type: "document" },
      want: "type=document",
    },
    { name: "an empty array sends nothing", given: { expand: [] }, want: "" },
    { name: "an empty string is sent as key= (unset)", given: { description: "" }, want: "description=" },
    { name: "null is sent as key=", given: { metadata: { a: null } }, want: "metadata[a]=" },
    { name: "undefined is skipped", given: { a: undefined, b: 1 }, want: "b=1" },
    { name: "booleans", given: { livemode: true, capture: false }, want: "livemode=true&capture=false" },
    {
      name: "numbers as written",
      given: { amount: 1099, rate: 0.5, neg: -3 },
      want: "amount=1099&rate=0.5&neg=-3",
    },
    {
      name: "dates as unix seconds",
      given: { created: new Date("2024-01-02T03:04:05.678Z") },
      want: "created=1704164645",
    },
    {
      name: "arrays of objects",
      given: { items: [{ price: "p_1", quantity: 2 }, { price: "p_2" }] },
      want: "items[0][price]=p_1&items[0][quantity]=2&items[1][price]=p_2",
    },
    {
      name: "values are percent-encoded",
      given: { email: "a+b@example.com", note: "x & y = z / ü" },
      want: "email=a%2Bb%40example.com&note=x%20%26%20y%20%3D%20z%20%2F%20%C3%BC",
    },
    {
      name: "key segments are percent-encoded, structural brackets stay literal",
      given: { metadata: { "order id": "1", "a[b]": "2", "&x": "3" } },
      want: "metadata[order%20id]=1&metadata[a%5Bb%5D]=2&metadata[%26x]=3",
    },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(encodeForm(given)).toBe(want);
  });

  it("refuses files (they need multipart) and invalid dates", () => {
    expect(() => encodeForm({ file: new Blob(["x"]) })).toThrow(/multipart/);
    expect(() => encodeForm({ at: new Date("nope") })).toThrow(TypeError);
  });
});

describe("encodeQuery (OpenAPI 3.1 styles)", () => {
  const cases: { name: string; given: QueryParam[]; want: string }[] = [
    { name: "form primitive", given: [{ name: "limit", value: 10 }], want: "limit=10" },
    {
      name: "undefined skipped",
      given: [
        { name: "a", value: undefined },
        { name: "b", value: "x" },
      ],
      want: "b=x",
    },
    { name: "null as empty value", given: [{ name: "a", value: null }], want: "a=" },
    {
      name: "booleans",
      given: [
        { name: "a", value: true },
        { name: "b", value: false },
      ],
      want: "a=true&b=false",
    },
    {
      name: "form + explode array repeats the name",
      given: [{ name: "id", value: [3, 4, 5] }],
      want: "id=3&id=4&id=5",
    },
    {
      name: "form without explode joins with commas",
      given: [{ name: "id", value: [3, 4, 5], explode: false }],
      want: "id=3,4,5",
    },
    {
      name: "commas inside values are encoded, separators are not",
      given: [{ name: "tag", value: ["a,b", "c"], explode: false }],
      want: "tag=a%2Cb,c",
    },
    {
      name: "form + explode object spreads the keys",
      given: [{ name: "color", value: { R: 100, G: 200, B: 150 } }],
      want: "R=100&G=200&B=150",
    },
    {
      name: "form without explode object",
      given: [{ name: "color", value: { R: 100, G: 200 }, explode: false }],
      want: "color=R,100,G,200",
    },
    {
      name: "deepObject",
      given: [{ name: "created", value: { gte: 1, lt: 2 }, style: "deepObject", explode: true }],
      want: "created[gte]=1&created[lt]=2",
    },
    {
      name: "deepObject nested objects and arrays",
      given: [{ name: "filter", value: { a: { b: "x" }, ids: ["p", "q"] }, style: "deepObject" }],
      want: "filter[a][b]=x&filter[ids][0]=p&filter[ids][1]=q",
    },
    {
      name: "deepObject top-level array (Stripe expand)",
      given: [{ name: "expand", value: ["data.customer"], style: "deepObject", explode: true }],
      want: "expand[0]=data.customer",
    },
    {
      name: "spaceDelimited",
      given: [{ name: "id", value: [3, 4, 5], style: "spaceDelimited" }],
      want: "id=3%204%205",
    },
    {
      name: "pipeDelimited",
      given: [{ name: "id", value: [3, 4, 5], style: "pipeDelimited" }],
      want: "id=3|4|5",
    },
    {
      name: "delimited with explode behaves like form + explode",
      given: [{ name: "id", value: [3, 4], style: "pipeDelimited", explode: true }],
      want: "id=3&id=4",
    },
    {
      name: "names and values are percent-encoded",
      given: [{ name: "q name", value: "a b&c=d/é" }],
      want: "q%20name=a%20b%26c%3Dd%2F%C3%A9",
    },
    {
      name: "dates as ISO 8601",
      given: [{ name: "since", value: new Date("2024-01-02T03:04:05.000Z") }],
      want: "since=2024-01-02T03%3A04%3A05.000Z",
    },
    { name: "empty array skipped", given: [{ name: "id", value: [] }], want: "" },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(encodeQuery(given)).toBe(want);
  });
});

describe("encodePath", () => {
  const cases: { name: string; template: string; params: Record<string, unknown>; want: string }[] = [
    { name: "plain", template: "/v1/items/{id}", params: { id: "it_123" }, want: "/v1/items/it_123" },
    { name: "number", template: "/v1/items/{id}", params: { id: 42 }, want: "/v1/items/42" },
    { name: "slash is encoded", template: "/v1/items/{id}", params: { id: "a/b" }, want: "/v1/items/a%2Fb" },
    {
      name: "traversal stays inside one segment",
      template: "/v1/items/{id}",
      params: { id: "../../admin" },
      want: "/v1/items/..%2F..%2Fadmin",
    },
    {
      name: "query and fragment characters are encoded",
      template: "/v1/items/{id}",
      params: { id: "x?y=1#z" },
      want: "/v1/items/x%3Fy%3D1%23z",
    },
    {
      name: "several parameters",
      template: "/v1/{a}/sub/{b}.json",
      params: { a: "é", b: "x y" },
      want: "/v1/%C3%A9/sub/x%20y.json",
    },
    {
      name: "dots inside a longer value are fine",
      template: "/f/{name}",
      params: { name: "..." },
      want: "/f/...",
    },
  ];
  it.each(cases)("$name", ({ template, params, want }) => {
    expect(encodePath(template, params)).toBe(want);
  });

  it("refuses values that make a . or .. segment", () => {
    expect(() => encodePath("/v1/items/{id}/refunds", { id: ".." })).toThrow(
      /"id" must not be "\." or "\.\."/,
    );
    expect(() => encodePath("/v1/items/{id}", { id: "." })).toThrow(TypeError);
    expect(() => encodePath("/v1/items/{a}{b}", { a: ".", b: "." })).toThrow(TypeError);
  });

  it("throws a TypeError naming a missing or empty parameter", () => {
    expect(() => encodePath("/v1/items/{id}", {})).toThrow(
      new TypeError('Missing required path parameter "id"'),
    );
    expect(() => encodePath("/v1/items/{id}", { id: null })).toThrow(/"id"/);
    expect(() => encodePath("/v1/items/{id}", { id: "" })).toThrow(/"id" must not be empty/);
  });
});

describe("encodeMultipart", () => {
  it("names nested parts with brackets and keeps files as files", () => {
    const file = new File(["%PDF"], "passport.pdf", { type: "application/pdf" });
    const form = encodeMultipart({
      purpose: "identity_document",
      file,
      raw: new Uint8Array([1, 2, 3]),
      file_link_data: { create: true, metadata: { a: 1 } },
      tags: ["x", "y"],
      skipped: undefined,
      cleared: null,
    });
    const entries = [...form.entries()].map(([name, value]) => [
      name,
      typeof value === "string" ? value : `file:${value.name}`,
    ]);
    expect(entries).toEqual([
      ["purpose", "identity_document"],
      ["file", "file:passport.pdf"],
      ["raw", "file:blob"],
      ["file_link_data[create]", "true"],
      ["file_link_data[metadata][a]", "1"],
      ["tags[0]", "x"],
      ["tags[1]", "y"],
      ["cleared", ""],
    ]);
  });
});
