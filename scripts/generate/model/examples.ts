// Example arguments for the generated README, taken from the spec: a documented example wins (the media
// type's, then the schema's), otherwise a value is made from the schema's enum, default or type. Only what a
// call needs is filled in (path parameters, required fields), so the example stays short and valid.
import { derefObject, isObject, setOwn } from "../../spec/pointer.ts";

type Json = Record<string, unknown>;

export interface OperationExample {
  /** One value per path template name, in path order. */
  path: unknown[];
  /** The params object (body fields, required query and header parameters), when the call needs one. */
  params?: Record<string, unknown>;
}

/** A documented example on a parameter, media type or schema object, if any. */
function documented(holder: Json | undefined): { value: unknown } | undefined {
  if (!holder) return undefined;
  if (holder.example !== undefined) return { value: holder.example };
  if (Array.isArray(holder.examples) && holder.examples.length > 0) return { value: holder.examples[0] };
  if (isObject(holder.examples)) {
    const first = derefObject({}, Object.values(holder.examples)[0]);
    if (first && first.value !== undefined) return { value: first.value };
  }
  return undefined;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "123e4567-e89b-12d3-a456-426614174000",
};

/** A value that satisfies `schema` as far as a reader needs: required properties only, nesting bounded. */
export function exampleFromSchema(document: Json, raw: unknown, depth = 0): unknown {
  const schema = derefObject(document, raw);
  if (!schema || depth > 4) return undefined;
  const own = documented(schema);
  if (own) return own.value;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  for (const key of ["oneOf", "anyOf"] as const) {
    const variants = schema[key];
    if (Array.isArray(variants) && variants.length > 0)
      return exampleFromSchema(document, variants[0], depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) {
      const value = exampleFromSchema(document, part, depth + 1);
      if (isObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== "null") ?? (isObject(schema.properties) ? "object" : undefined);
  switch (type) {
    case "string":
      return FORMAT_EXAMPLES[String(schema.format)] ?? "string";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "array": {
      const item = exampleFromSchema(document, schema.items, depth + 1);
      return item === undefined ? [] : [item];
    }
    case "object": {
      const out: Record<string, unknown> = {};
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required : [];
      for (const name of required) {
        if (typeof name !== "string" || !Object.hasOwn(properties, name)) continue;
        const value = exampleFromSchema(document, properties[name], depth + 1);
        if (value !== undefined) setOwn(out, name, value);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** The example call of one operation. */
export function operationExample(
  document: Json,
  parameters: unknown[],
  pathNames: string[],
  body: { content: Json | undefined; mediaType: string | undefined; isObject: boolean } | undefined,
): OperationExample {
  const params = parameters.map((p) => derefObject(document, p)).filter((p): p is Json => p !== undefined);
  const valueOf = (p: Json): unknown => documented(p)?.value ?? exampleFromSchema(document, p.schema);
  const path = pathNames.map((name) => {
    const declared = params.find((p) => p.in === "path" && p.name === name);
    const value = declared ? valueOf(declared) : undefined;
    // A plain "string" placeholder reads worse than a made-up id.
    return value === undefined || value === "string" ? `${name}_123` : value;
  });
  const out: Record<string, unknown> = {};
  // setOwn: a spec field named "__proto__" must stay a plain key.
  const set = (key: string, value: unknown): void => setOwn(out, key, value);
  if (body?.mediaType && body.content) {
    const media = derefObject(document, body.content[body.mediaType]);
    const value = documented(media)?.value ?? exampleFromSchema(document, media?.schema);
    if (body.isObject && isObject(value)) for (const [k, v] of Object.entries(value)) set(k, v);
    else if (!body.isObject && value !== undefined) set("body", value);
  }
  for (const p of params) {
    if ((p.in === "query" || p.in === "header") && p.required === true && typeof p.name === "string") {
      const value = valueOf(p);
      if (value !== undefined) set(p.name, value);
    }
  }
  return Object.keys(out).length > 0 ? { path, params: out } : { path };
}
