// Schema resources and how references find them: every schema's base URI (from `$id`s around it), plain and
// dynamic anchors, documents loaded on demand from the `remotes` resolver, and each resource's vocabularies
// (a custom metaschema without the validation vocabulary turns `minimum` and friends into annotations).
import {
  escapeSegment,
  forEachSubschema,
  isSchema,
  isSchemaObject,
  ownValue,
  type SchemaObject,
} from "./keywords.ts";
import { resolveUri, splitFragment, withoutFragment } from "./uri.ts";

export type Schema = SchemaObject | boolean;

export interface Vocabularies {
  /** type, enum, const, numeric, string, array and object validation keywords. */
  validation: boolean;
  /** `format` asserts (true) or annotates (false). */
  formatAssertion: boolean;
}

export interface NodeInfo {
  /** Absolute base URI of the resource the schema is in (no fragment). */
  base: string;
  /** Where the schema is, for warnings: a JSON pointer in the main document, or "uri#pointer". */
  location: string;
  vocabularies: Vocabularies;
}

export interface ResolvedSchema {
  schema: Schema;
  info: NodeInfo;
}

const VOCAB = "https://json-schema.org/draft/2020-12/vocab/";

/** Remote documents: a URI (no fragment) to its JSON, or undefined when unknown. */
export type RemoteResolver = (uri: string) => unknown;

export class SchemaRegistry {
  private readonly resources = new Map<string, unknown>();
  private readonly anchors = new Map<string, SchemaObject>();
  /** $dynamicAnchor name -> resource URI -> the schema carrying it. */
  readonly dynamicAnchors = new Map<string, Map<string, SchemaObject>>();
  private readonly info = new WeakMap<object, NodeInfo>();
  /** Container documents (OpenAPI) whose schemas have not all been indexed yet. */
  private readonly lazyDocuments = new Map<string, unknown>();
  private readonly missingRemotes = new Set<string>();

  constructor(
    private readonly remotes: RemoteResolver | undefined,
    private readonly defaultVocabularies: Vocabularies,
  ) {}

  /** A document that is itself a schema (JSON Schema files, the test suite): indexed whole. */
  addSchemaDocument(document: unknown, uri: string, locationPrefix: string): void {
    if (!this.resources.has(uri)) this.resources.set(uri, document);
    if (isSchema(document)) this.index(document, uri, locationPrefix, this.defaultVocabularies);
  }

  /**
   * A document that holds schemas at known places (OpenAPI): registered for JSON pointer refs, its schemas
   * indexed when a ref first reaches them (a 7 MB spec is not walked for anchors it does not use).
   */
  addContainerDocument(document: unknown, uri: string): void {
    this.resources.set(uri, document);
    this.lazyDocuments.set(uri, document);
  }

  /** True when the resource at `base` declares at least one $dynamicAnchor. */
  declaresDynamicAnchor(base: string): boolean {
    for (const byResource of this.dynamicAnchors.values()) if (byResource.has(base)) return true;
    return false;
  }

  infoOf(schema: Schema): NodeInfo | undefined {
    return typeof schema === "object" ? this.info.get(schema) : undefined;
  }

  /** Indexes a schema reached directly (an entry's inline schema) under `base`; returns its info. */
  adopt(schema: Schema, base: string, location: string): NodeInfo {
    const known = this.infoOf(schema);
    if (known) return known;
    this.index(schema, base, location, this.defaultVocabularies);
    return this.infoOf(schema) ?? { base, location, vocabularies: this.defaultVocabularies };
  }

  /** Resolves a `$ref` value against the base URI of the schema holding it. */
  resolve(reference: string, base: string): ResolvedSchema | undefined {
    const absolute = resolveUri(reference, base);
    const [uri, fragment] = splitFragment(absolute);
    const root = this.lookupResource(uri);
    if (root === undefined) return undefined;
    if (fragment === "" || fragment.startsWith("/") || fragment.startsWith("%2F")) {
      return this.resolvePointer(uri, root, decodeFragment(fragment));
    }
    let anchored = this.anchors.get(`${uri}#${fragment}`);
    if (anchored === undefined && this.indexLazyDocuments())
      anchored = this.anchors.get(`${uri}#${fragment}`);
    if (anchored === undefined) return undefined;
    const info = this.info.get(anchored);
    return info ? { schema: anchored, info } : undefined;
  }

  /** The schema a URI names, if it is a known resource, loading it from the remotes when needed. */
  private lookupResource(uri: string): unknown {
    const known = this.resources.get(uri);
    if (known !== undefined) return known;
    // An `$id` inside a not-yet-indexed OpenAPI document may be what is asked for.
    if (this.indexLazyDocuments()) {
      const found = this.resources.get(uri);
      if (found !== undefined) return found;
    }
    if (this.remotes === undefined || this.missingRemotes.has(uri)) return undefined;
    const remote = this.remotes(uri);
    if (remote === undefined) {
      this.missingRemotes.add(uri);
      return undefined;
    }
    this.addSchemaDocument(remote, uri, `${uri}#`);
    return this.resources.get(uri);
  }

  private resolvePointer(uri: string, root: unknown, pointer: string): ResolvedSchema | undefined {
    let node: unknown = root;
    let base = uri;
    let location = this.infoOf(root as Schema)?.location ?? (this.lazyDocuments.has(uri) ? "" : `${uri}#`);
    const rootInfo = isSchema(root) ? this.infoOf(root) : undefined;
    let vocabularies = rootInfo?.vocabularies ?? this.defaultVocabularies;
    if (pointer !== "") {
      for (const raw of pointer.slice(1).split("/")) {
        const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
        if (Array.isArray(node)) {
          if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
          node = node[Number(segment)];
        } else if (isSchemaObject(node)) {
          node = ownValue(node, segment);
        } else {
          return undefined;
        }
        location += `/${escapeSegment(segment)}`;
        if (node === undefined) return undefined;
        const known = isSchema(node) ? this.infoOf(node) : undefined;
        if (known) {
          ({ base, location, vocabularies } = known);
        } else if (isSchemaObject(node) && typeof node.$id === "string" && !node.$id.startsWith("#")) {
          base = withoutFragment(resolveUri(node.$id, base));
        }
      }
    }
    if (!isSchema(node)) return undefined;
    const info = this.infoOf(node);
    if (info) return { schema: node, info };
    // A schema only reachable by pointer (components/schemas/X in an OpenAPI document): index it now.
    this.index(node, base, location, vocabularies);
    return { schema: node, info: this.infoOf(node) ?? { base, location, vocabularies } };
  }

  /** Indexes every schema of the container documents once; true if there was anything to do. */
  private indexLazyDocuments(): boolean {
    if (this.lazyDocuments.size === 0) return false;
    const documents = [...this.lazyDocuments];
    this.lazyDocuments.clear();
    for (const [uri, document] of documents) this.indexContainer(document, uri, "");
    return true;
  }

  /** Finds schemas in an OpenAPI document: components.schemas entries and every `schema` member. */
  private indexContainer(value: unknown, uri: string, location: string): void {
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.indexContainer(item, uri, `${location}/${i}`));
      return;
    }
    if (!isSchemaObject(value)) return;
    for (const key of Object.keys(value)) {
      const child = value[key];
      const childLocation = `${location}/${escapeSegment(key)}`;
      if (key === "schema" && isSchema(child))
        this.index(child, uri, childLocation, this.defaultVocabularies);
      else if (key === "schemas" && location === "/components" && isSchemaObject(child)) {
        for (const name of Object.keys(child)) {
          const schema = child[name];
          if (isSchema(schema)) {
            this.index(schema, uri, `${childLocation}/${escapeSegment(name)}`, this.defaultVocabularies);
          }
        }
      } else this.indexContainer(child, uri, childLocation);
    }
  }

  /** Records base URI, location and anchors for a schema and its subschemas (by keyword). */
  private index(schema: Schema, base: string, location: string, vocabularies: Vocabularies): void {
    if (typeof schema !== "object" || this.info.has(schema)) return;
    let ownBase = base;
    let ownVocabularies = vocabularies;
    const id = ownValue(schema, "$id");
    if (typeof id === "string" && !id.startsWith("#")) {
      ownBase = withoutFragment(resolveUri(id, base));
      if (!this.resources.has(ownBase)) this.resources.set(ownBase, schema);
      const metaschema = ownValue(schema, "$schema");
      if (typeof metaschema === "string") ownVocabularies = this.vocabulariesOf(metaschema, vocabularies);
    } else if (location === "" || location.endsWith("#")) {
      const metaschema = ownValue(schema, "$schema");
      if (typeof metaschema === "string") ownVocabularies = this.vocabulariesOf(metaschema, vocabularies);
    }
    this.info.set(schema, { base: ownBase, location, vocabularies: ownVocabularies });
    const anchor = ownValue(schema, "$anchor");
    if (typeof anchor === "string") this.anchors.set(`${ownBase}#${anchor}`, schema);
    const dynamicAnchor = ownValue(schema, "$dynamicAnchor");
    if (typeof dynamicAnchor === "string") {
      // A dynamic anchor is also a plain anchor for `$ref`.
      if (!this.anchors.has(`${ownBase}#${dynamicAnchor}`))
        this.anchors.set(`${ownBase}#${dynamicAnchor}`, schema);
      let byResource = this.dynamicAnchors.get(dynamicAnchor);
      if (!byResource) this.dynamicAnchors.set(dynamicAnchor, (byResource = new Map()));
      if (!byResource.has(ownBase)) byResource.set(ownBase, schema);
    }
    forEachSubschema(schema, (subschema, suffix) =>
      this.index(subschema, ownBase, location + suffix, ownVocabularies),
    );
  }

  /** The vocabularies a metaschema turns on: its `$vocabulary`, or the defaults for one without. */
  private vocabulariesOf(metaschemaUri: string, fallback: Vocabularies): Vocabularies {
    const uri = withoutFragment(metaschemaUri);
    if (uri === "https://json-schema.org/draft/2020-12/schema") return this.defaultVocabularies;
    const metaschema = this.resources.get(uri) ?? (this.remotes ? this.lookupResource(uri) : undefined);
    if (!isSchemaObject(metaschema)) return fallback;
    const vocabulary = ownValue(metaschema, "$vocabulary");
    if (!isSchemaObject(vocabulary)) return fallback;
    const has = (name: string) => Object.prototype.hasOwnProperty.call(vocabulary, VOCAB + name);
    return {
      validation: has("validation"),
      formatAssertion: has("format-assertion") || this.defaultVocabularies.formatAssertion,
    };
  }
}

function decodeFragment(fragment: string): string {
  if (fragment.indexOf("%") === -1) return fragment;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
