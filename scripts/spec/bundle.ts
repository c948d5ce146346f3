// Bundling: relative-file $refs ("./schemas/pet.yaml#/Pet", "common.yaml") are pulled into the document so
// that it holds internal refs only, and every internal $ref is checked to point somewhere.
//
// Why not @apidevtools/json-schema-ref-parser's `bundle`: it inlines a file's content at the first place
// that refers to it and points every other ref there, so a Pet schema first used in a response ends up at
// "#/paths/~1pets/get/responses/200/content/application~1json/schema" and the generator loses its name.
// Here each referenced file part becomes a named component (components/schemas/Pet), from the context of
// the ref (a ref in a parameter list is a parameter), and a single-file spec needs no file work at all.
//
// Internal refs are never dereferenced, so recursive schemas stay recursive, within and across files:
// a file part is registered under its component name before its own refs are followed.
//
// A ref reads only files in the spec's own folder tree (and folders the user allows), judged on real paths,
// so a spec cannot pull /etc/passwd or ~/.ssh into a package; http(s) refs are refused. What a ref points at
// must be what its place needs (a schema is an object or a boolean, a parameter an object...).
import { existsSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Fence } from "../lib/confine.ts";
import { UserError } from "../lib/errors.ts";
import { specLimit, type SizeLimit } from "../lib/read-input.ts";
import { escapeSegment, isObject, resolveFragment, setOwn, unescapeSegment, type Obj } from "./pointer.ts";
import { readSpecFile } from "./read.ts";
import { COMPONENT_KINDS, walkDocument, walkNode, type Kind, type Visitor } from "./walk.ts";

/** components.<section> that holds each kind; path items are inlined instead (3.0 has no pathItems). */
const SECTION_OF: Partial<Record<Kind, string>> = {
  schema: "schemas",
  response: "responses",
  parameter: "parameters",
  example: "examples",
  requestBody: "requestBodies",
  header: "headers",
  securityScheme: "securitySchemes",
  link: "links",
  callback: "callbacks",
};

interface Claim {
  /** The internal ref every reference to this file part becomes. */
  ref: string;
  /** A root component entry that is just `$ref: file`: the content goes there, under the author's name. */
  slot?: Obj;
}

export interface BundleOptions {
  /** The size limit for each file read. */
  limit?: SizeLimit;
  /** Folders besides the root file's own folder tree that refs may read from. */
  allowRefDirs?: readonly string[];
  /** Refuse every ref to a file: for a document built in memory, which has no folder to read from. */
  internalOnly?: boolean;
}

/**
 * Bundles `doc` (parsed from `rootFile`) in place; errors name `display`. Returns the other files read,
 * with the sha256 of their bytes, so callers can tell later whether any input changed.
 */
export function bundle(
  doc: Obj,
  rootFile: string,
  display: string,
  options: BundleOptions = {},
): { path: string; hash: string }[] {
  return new Bundler(doc, resolve(rootFile), display, options).run();
}

/**
 * Checks the refs of a document built in memory (a scraped spec) as the bundler checks a file's: each
 * internal ref, found only where the document's structure allows one (never inside example values or
 * under a property that happens to be named "$ref" or "$id"), points at what its place needs. A ref to a
 * file is an error. Throws a UserError naming `display`.
 */
export function checkInternalRefs(doc: Obj, display: string): void {
  new Bundler(doc, resolve(display), display, { internalOnly: true }).run();
}

/** What a ref at a place of each kind must point at, for messages. */
const TARGET_OF: Record<Kind, string> = {
  schema: "a schema (an object or a boolean)",
  pathItem: "a path item object",
  operation: "an operation object",
  parameter: "a parameter object",
  requestBody: "a request body object",
  mediaType: "a media type object",
  encoding: "an encoding object",
  response: "a response object",
  header: "a header object",
  example: "an example object",
  link: "a link object",
  callback: "a callback object",
  securityScheme: "a security scheme object",
};

/** Why `target` cannot stand at a place of `kind`, or undefined when it can. */
function wrongTarget(target: unknown, kind: Kind): string | undefined {
  if (isObject(target) || (kind === "schema" && typeof target === "boolean")) return undefined;
  const got = target === null ? "null" : Array.isArray(target) ? "an array" : `a ${typeof target}`;
  return `it points at ${got}, not ${TARGET_OF[kind]}`;
}

class Bundler {
  private readonly files = new Map<string, unknown>();
  private readonly hashes = new Map<string, string>();
  private readonly claims = new Map<string, Claim>();
  private readonly taken = new Map<string, Set<string>>();
  private readonly staged: { section: string; name: string; value: unknown }[] = [];
  /**
   * Internal refs to check once the bundle is complete: each distinct ref and kind of place, with where it
   * first appears.
   */
  private readonly internal = new Map<string, { ref: string; kind: Kind; pointer: string }>();
  private readonly anchors = new Set<string>();
  private readonly inlining = new Set<string>();

  private readonly fence: Fence;
  private readonly limit: SizeLimit;
  private readonly internalOnly: boolean;

  constructor(
    private readonly doc: Obj,
    private readonly root: string,
    private readonly display: string,
    options: BundleOptions,
  ) {
    this.fence = new Fence([dirname(root), ...(options.allowRefDirs ?? [])]);
    this.limit = options.limit ?? specLimit();
    this.internalOnly = options.internalOnly ?? false;
  }

  run(): { path: string; hash: string }[] {
    this.claimComponentSlots();
    walkDocument(this.doc, this.visitorFor(this.root));
    this.mergeStaged();
    this.checkInternalRefs();
    return [...this.hashes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, hash]) => ({ path, hash }));
  }

  /**
   * `components: {schemas: {Pet: {$ref: ./pet.yaml}}}` is how multi-file specs name their parts: the
   * content goes into that entry, and other refs to the same file part point at it, whichever is walked
   * first.
   */
  private claimComponentSlots(): void {
    const components = this.doc.components;
    if (!isObject(components)) return;
    for (const [section, kind] of Object.entries(COMPONENT_KINDS)) {
      const entries = Object.hasOwn(components, section) ? components[section] : undefined;
      if (!isObject(entries) || SECTION_OF[kind] !== section) continue;
      for (const name of Object.keys(entries)) {
        const entry = entries[name];
        if (!isObject(entry) || typeof entry.$ref !== "string") continue;
        const target = this.locate(
          entry.$ref,
          this.root,
          `/components/${section}/${escapeSegment(name)}/$ref`,
        );
        if (!target || target.file === this.root) continue;
        const key = `${target.file}#${target.fragment}`;
        if (!this.claims.has(key)) {
          this.claims.set(key, { ref: `#/components/${section}/${escapeSegment(name)}`, slot: entry });
        }
      }
    }
  }

  private visitorFor(base: string): Visitor {
    return {
      ref: (holder, key, kind, pointer, mapping) => this.onRef(holder, key, kind, pointer, mapping, base),
      enter: (node, kind) => {
        if (kind !== "schema") return;
        if (typeof node.$anchor === "string") this.anchors.add(node.$anchor);
        if (typeof node.$dynamicAnchor === "string") this.anchors.add(node.$dynamicAnchor);
      },
    };
  }

  private onRef(holder: Obj, key: string, kind: Kind, pointer: string, mapping: boolean, base: string): void {
    const value = holder[key] as string;
    // A discriminator mapping value is a ref only if it looks like one; "Dog" names components/schemas/Dog.
    if (mapping && !value.includes("#") && !value.includes("/") && !/\.(ya?ml|json)$/i.test(value)) return;
    const target = this.locate(value, base, pointer);
    if (!target) {
      // An internal ref in the root file: checked once the bundle is complete.
      this.noteInternal(value, kind, pointer);
      return;
    }
    if (target.file === this.root) {
      const ref = `#${target.fragment}`;
      setOwn(holder, key, ref);
      this.noteInternal(ref, kind, pointer);
      return;
    }
    const fileKey = `${target.file}#${target.fragment}`;
    if (kind === "pathItem" && !mapping) {
      this.inlinePathItem(holder, fileKey, target, value, pointer, base);
      return;
    }
    const claim = this.claims.get(fileKey);
    if (claim?.slot === holder) {
      // Fill the author's own component entry (it is walked once more as root content; by then every ref
      // in it is internal, so that costs nothing but a check).
      claim.slot = undefined;
      const content = this.content(target, value, pointer, base, kind);
      const copy = structuredClone(content);
      walkNode(copy, kind, pointer.slice(0, -"/$ref".length), this.visitorFor(target.file));
      replaceContents(holder, copy);
      return;
    }
    if (claim) {
      setOwn(holder, key, claim.ref);
      return;
    }
    const section = SECTION_OF[kind];
    // Operations, media types and encodings cannot be refs; the validator reports the $ref there.
    if (!section) return;
    const content = this.content(target, value, pointer, base, kind);
    const name = this.uniqueName(section, suggestedName(target.file, target.fragment));
    const at = `/components/${section}/${escapeSegment(name)}`;
    // Claim before walking the copy, so that refs back to this part (recursion) find it.
    this.claims.set(fileKey, { ref: `#${at}` });
    setOwn(holder, key, `#${at}`);
    const copy = structuredClone(content);
    this.staged.push({ section, name, value: copy });
    walkNode(copy, kind, at, this.visitorFor(target.file));
  }

  /** Path items have no components section in 3.0: their content replaces the reference. */
  private inlinePathItem(
    holder: Obj,
    fileKey: string,
    target: { file: string; fragment: string },
    value: string,
    pointer: string,
    base: string,
  ): void {
    if (this.inlining.has(fileKey)) {
      throw new UserError(
        `$ref "${value}" at ${pointer}${this.writtenIn(base)} is circular: a path item includes itself`,
        this.display,
      );
    }
    const copy = structuredClone(this.content(target, value, pointer, base, "pathItem"));
    this.inlining.add(fileKey);
    walkNode(copy, "pathItem", pointer.slice(0, -"/$ref".length), this.visitorFor(target.file));
    this.inlining.delete(fileKey);
    replaceContents(holder, copy);
  }

  /**
   * Where a ref points: undefined for an internal ref of the root file (left as it is), else a file and a
   * fragment. Remote refs are refused: specsmith reads local files only, so generation is reproducible.
   */
  private locate(
    value: string,
    base: string,
    pointer: string,
  ): { file: string; fragment: string } | undefined {
    const hash = value.indexOf("#");
    const location = hash === -1 ? value : value.slice(0, hash);
    const fragment = hash === -1 ? "" : value.slice(hash + 1);
    if (location === "") return base === this.root ? undefined : { file: base, fragment };
    if (this.internalOnly) {
      throw new UserError(
        `$ref "${value}" at ${pointer} refers to another document: only refs inside the document ("#/...") are allowed here`,
        this.display,
      );
    }
    let file: string;
    if (location.startsWith("//") || /^https?:/i.test(location)) {
      throw new UserError(
        `$ref "${value}" at ${pointer}${this.writtenIn(base)} is remote: remote refs are not fetched; download the file and refer to it by a relative path`,
        this.display,
      );
    } else if (/^file:/i.test(location)) {
      try {
        file = fileURLToPath(location);
      } catch (error) {
        throw new UserError(
          `$ref "${value}" at ${pointer}${this.writtenIn(base)} is not a usable file URL: ${(error as Error).message}`,
          this.display,
        );
      }
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(location)) {
      throw new UserError(
        `$ref "${value}" at ${pointer}${this.writtenIn(base)}: only relative file refs are supported`,
        this.display,
      );
    } else {
      file = resolve(dirname(base), safeDecode(location));
    }
    const place = this.fence.place(file);
    if (place !== "inside") {
      const how = place === "linked-outside" ? "through a symbolic link, " : "";
      throw new UserError(
        `$ref "${value}" at ${pointer}${this.writtenIn(base)} points ${how}outside the spec's folder ` +
          `(${dirname(this.display) || "."}): refs may only read files in it; --allow-ref-dir DIR allows another folder`,
        this.display,
      );
    }
    return { file, fragment };
  }

  /**
   * The part of a file a ref points at; a missing file or part, or one that is not what a place of `kind`
   * needs, is an error at the ref.
   */
  private content(
    target: { file: string; fragment: string },
    value: string,
    pointer: string,
    base: string,
    kind: Kind,
  ): unknown {
    let parsed = this.files.get(target.file);
    if (parsed === undefined) {
      if (!existsSync(target.file)) {
        this.nowhere(value, pointer, base, `file ${this.displayOf(target.file)} not found`);
      }
      const read = readSpecFile(target.file, this.displayOf(target.file), this.limit);
      parsed = read.value;
      this.files.set(target.file, parsed);
      this.hashes.set(target.file, read.hash);
    }
    const found = resolveFragment(parsed, target.fragment);
    if (found === undefined) {
      this.nowhere(value, pointer, base, `${this.displayOf(target.file)} has nothing at #${target.fragment}`);
    }
    const wrong = wrongTarget(found, kind);
    if (wrong)
      throw new UserError(`$ref "${value}" at ${pointer}${this.writtenIn(base)}: ${wrong}`, this.display);
    return found;
  }

  private noteInternal(ref: string, kind: Kind, pointer: string): void {
    const key = `${kind} ${ref}`;
    if (!this.internal.has(key)) this.internal.set(key, { ref, kind, pointer });
  }

  private uniqueName(section: string, wanted: string): string {
    let taken = this.taken.get(section);
    if (!taken) {
      const components = this.doc.components;
      const existing =
        isObject(components) && Object.hasOwn(components, section) ? components[section] : undefined;
      taken = new Set(isObject(existing) ? Object.keys(existing) : []);
      this.taken.set(section, taken);
    }
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`;
    taken.add(name);
    return name;
  }

  private mergeStaged(): void {
    if (this.staged.length === 0) return;
    let components = this.doc.components;
    if (!isObject(components)) {
      components = {};
      this.doc.components = components;
    }
    for (const { section, name, value } of this.staged) {
      const target = components as Obj;
      if (!Object.hasOwn(target, section) || !isObject(target[section])) setOwn(target, section, {});
      setOwn(target[section] as Obj, name, value);
    }
  }

  private checkInternalRefs(): void {
    const broken: { ref: string; pointer: string }[] = [];
    for (const { ref, kind, pointer } of this.internal.values()) {
      const fragment = ref.slice(1);
      // "#/a/b" is a JSON pointer; "#name" is a plain-name fragment ($anchor, 3.1).
      if (fragment !== "" && !fragment.startsWith("/")) {
        if (!this.anchors.has(fragment)) broken.push({ ref, pointer });
        continue;
      }
      const target = resolveFragment(this.doc, fragment);
      if (target === undefined) {
        broken.push({ ref, pointer });
        continue;
      }
      const wrong = wrongTarget(target, kind);
      if (wrong) throw new UserError(`$ref "${ref}" at ${pointer}: ${wrong}`, this.display);
    }
    const first = broken[0];
    if (first) {
      const more =
        broken.length > 1
          ? ` (and ${broken.length - 1} more broken $ref${broken.length > 2 ? "s" : ""})`
          : "";
      throw new UserError(`$ref "${first.ref}" at ${first.pointer} points nowhere${more}`, this.display);
    }
    // A: {$ref: B}, B: {$ref: A} describes nothing, and a consumer resolving aliases would never stop.
    // (Recursion through a schema's properties or items is fine: that is what recursive types are.)
    for (const { ref, pointer } of this.internal.values()) {
      if (this.aliasCycle(ref)) {
        throw new UserError(
          `$ref "${ref}" at ${pointer} is circular: it leads back to itself through $refs alone`,
          this.display,
        );
      }
    }
  }

  private aliasCycle(start: string): boolean {
    const seen = new Set<string>([start]);
    let ref = start;
    for (;;) {
      const target = ref.startsWith("#/") ? resolveFragment(this.doc, ref.slice(1)) : undefined;
      if (!isObject(target) || typeof target.$ref !== "string" || !target.$ref.startsWith("#/")) return false;
      ref = target.$ref;
      if (seen.has(ref)) return true;
      seen.add(ref);
    }
  }

  private nowhere(value: string, pointer: string, base: string, reason: string): never {
    throw new UserError(
      `$ref "${value}" at ${pointer}${this.writtenIn(base)} points nowhere: ${reason}`,
      this.display,
    );
  }

  private writtenIn(base: string): string {
    return base === this.root ? "" : ` (written in ${this.displayOf(base)})`;
  }

  /** A bundled file's name as the user knows it: relative to the root file's displayed name. */
  private displayOf(file: string): string {
    return join(dirname(this.display), relative(dirname(this.root), file));
  }
}

/** The component name for a file part: the fragment's last key (#/Pet -> Pet), else the file's name. */
function suggestedName(file: string, fragment: string): string {
  const segments = safeDecode(fragment)
    .split("/")
    .filter((s) => s !== "");
  const raw =
    segments.length > 0
      ? unescapeSegment(segments[segments.length - 1] as string)
      : basename(file, extname(file));
  // Component keys must match ^[a-zA-Z0-9.\-_]+$.
  return raw.replace(/[^A-Za-z0-9._-]/g, "_") || "Bundled";
}

function safeDecode(text: string): string {
  if (text.indexOf("%") === -1) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Makes `holder` hold `content` (an object), keeping holder's own fields other than $ref on top. */
function replaceContents(holder: Obj, content: unknown): void {
  const siblings = Object.entries(holder).filter(([k]) => k !== "$ref");
  for (const k of Object.keys(holder)) delete holder[k];
  if (isObject(content)) for (const [k, v] of Object.entries(content)) setOwn(holder, k, v);
  for (const [k, v] of siblings) setOwn(holder, k, v);
}
