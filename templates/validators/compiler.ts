// The compiler's state and its central step: one schema -> the statements that check a value against it.
// Each referenced schema becomes one function (made once, shared by every place that reaches it, so
// recursion is a call); inline subschemas are inlined into their parent's function. Keyword families
// live in the emit-*.ts files; this file holds what they share: places, failure and call statements.
//
// Generated functions have one signature: (v, st, ev) -> boolean. With a ValidationState `st` they record
// every error (up to the cap) and go on; with `st` null they answer yes/no and return at the first failure
// (anyOf branches, not, if, contains). Errors carry pointers relative to the function's frame: a function
// called with a state from one place only, at a pointer known at compile time, reports whole pointers from
// its caller's frame (the path is a constant in its messages); any other function is a frame of its own,
// and a caller whose call failed prefixes the new errors with the path to that value. Either way the valid
// path never builds a pointer string. `ev` collects evaluated keys for unevaluatedProperties/Items, only
// in modules using them.
import { emitApplicators } from "./emit-applicators.ts";
import { emitRefs } from "./emit-refs.ts";
import { emitTypeSwitch } from "./emit-types.ts";
import { emitUnevaluated } from "./emit-unevaluated.ts";
import { emitValueKeywords } from "./emit-values.ts";
import { isSchemaObject, ownValue, type SchemaObject } from "./keywords.ts";
import { lit, locationComment } from "./literal.ts";
import { messages } from "./messages.ts";
import { ModuleBuilder } from "./module-builder.ts";
import { FRAME_MARK, PointerExpr } from "./pointer-expr.ts";
import { lines } from "./lines.ts";
import type { NodeInfo, Schema, SchemaRegistry } from "./registry.ts";
import { StructureIndex } from "./structure.ts";

/** Inline subschemas of at least this many schema objects become a function shared by identical ones. */
const SHARE_WEIGHT = 4;

export interface Warning {
  /** Where in the spec: a JSON pointer ("/components/schemas/X/pattern"). */
  pointer: string;
  message: string;
}

/** Where annotations for unevaluated* go: a local tracker, or the function's (nullable) `ev` parameter. */
export interface EvTarget {
  expr: string;
  nullable: boolean;
}

/** The value being checked: a local variable, its pointer expression, and its annotation tracker. */
export interface Place {
  value: string;
  pointer: PointerExpr;
  ev: EvTarget | null;
}

/** Local names within one generated function. */
export class FunctionScope {
  private count = 0;
  next(prefix: string): string {
    this.count++;
    return `${prefix}${this.count}`;
  }
}

export interface CompilerFlags {
  /** Track evaluated keys/items (the module uses unevaluatedProperties/Items). */
  annotations: boolean;
  /** Keep a dynamic scope at run time (the module has a $dynamicRef that needs one). */
  dynamicScope: boolean;
}

interface Unit {
  name: string;
  schema: Schema;
  info: NodeInfo;
  /** How many times the code asked for this function (functionFor). */
  refs: number;
  /** Where it is called with the state, when that is from one place only (see call). */
  site?: CallSite;
  /** Called with the state from more than one place, or handed to the runtime (a branch list). */
  ownFrame?: boolean;
  /** Reports whole pointers from its caller's frame (set by finish). */
  inCallerFrame?: boolean;
  /** The path from the function's frame to its value; "" for a frame of its own (set by finish). */
  frame?: string;
}

interface CallSite {
  caller: Unit;
  /** The pointer from the caller's value to the callee's when known at compile time. */
  pointer: string | undefined;
}

/** A call's statements, picked once every call is known: "\u0002<index>\u0002" in the code until then. */
interface CallCode {
  site: CallSite;
  callee: Unit | undefined;
  /** The callee reports whole pointers itself, or the path is empty: nothing to prefix. */
  plain: string;
  /** The callee's errors are prefixed with the path to the value. */
  prefixed: string;
  usesPointerSegment: boolean;
}

const CALL_MARK = "\u0002";
const CALL_PLACEHOLDER = new RegExp(`${CALL_MARK}(\\d+)${CALL_MARK}`, "g");

export class Compiler {
  readonly module = new ModuleBuilder();
  readonly warnings: Warning[] = [];
  /** Set while compiling when a feature the flags leave off turns out to be needed (compile again). */
  needsAnnotations = false;
  needsDynamicScope = false;
  /** Resources that declare a $dynamicAnchor, numbered for the run-time dynamic scope. */
  private readonly dynamicResources = new Map<string, number>();
  /** $dynamicAnchor name -> the module function looking it up in the dynamic scope. */
  private readonly dynamicLookups = new Map<string, string>();
  private readonly units = new Map<string, Unit>();
  private readonly unitsByName = new Map<string, Unit>();
  private readonly calls: CallCode[] = [];
  /** The function being emitted. */
  private current: Unit | undefined;
  private readonly structures = new StructureIndex();
  private readonly pending: Unit[] = [];
  private emitted = 0;
  private readonly warned = new Set<string>();

  constructor(
    readonly registry: SchemaRegistry,
    readonly flags: CompilerFlags,
    /** Values sent in requests (readOnly properties are not required) or received in responses (writeOnly). */
    readonly direction?: "request" | "response",
  ) {}

  /**
   * Whether a required property need not be present in this direction: OpenAPI says a readOnly property
   * listed in `required` is required in responses only, and a writeOnly one in requests only. The flag is
   * read on the property's schema or, through `$ref`s, on the schema it names.
   */
  exemptFromRequired(property: Schema | undefined, info: NodeInfo): boolean {
    if (this.direction === undefined) return false;
    const flag = this.direction === "request" ? "readOnly" : "writeOnly";
    let current = property;
    let base = info.base;
    for (let hops = 0; hops < 10 && isSchemaObject(current); hops++) {
      if (ownValue(current, flag) === true) return true;
      const ref = ownValue(current, "$ref");
      const target = typeof ref === "string" ? this.registry.resolve(ref, base) : undefined;
      if (!target) return false;
      current = target.schema;
      base = target.info.base;
    }
    return false;
  }

  warn(pointer: string, message: string): void {
    const key = `${pointer}\n${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ pointer, message });
  }

  /** The function checking `schema`, created on first use. */
  functionFor(schema: Schema, info: NodeInfo): string {
    // Keyed by structure, base URI and vocabularies: identical schemas in one resource share a function.
    const vocabularies = `${Number(info.vocabularies.validation)}${Number(info.vocabularies.formatAssertion)}`;
    const key = `${this.structures.of(schema).id}\u0000${vocabularies}\u0000${info.base}`;
    let unit = this.units.get(key);
    if (!unit) {
      unit = { name: `s${this.units.size}`, schema, info, refs: 0 };
      this.units.set(key, unit);
      this.unitsByName.set(unit.name, unit);
      this.pending.push(unit);
    }
    unit.refs++;
    return unit.name;
  }

  /** The functions are handed to the runtime, which reads their errors relative to their own value. */
  ownFrames(names: readonly string[]): void {
    for (const name of names) {
      const unit = this.unitsByName.get(name);
      if (unit) unit.ownFrame = true;
    }
  }

  /** Emits every function asked for so far (and those they ask for). */
  emitPending(): void {
    while (this.emitted < this.pending.length) {
      const unit = this.pending[this.emitted++] as Unit;
      this.module.functions.push(this.renderFunction(unit));
    }
  }

  get hasPending(): boolean {
    return this.emitted < this.pending.length;
  }

  private renderFunction(unit: Unit): string {
    this.current = unit;
    const scope = new FunctionScope();
    const place: Place = {
      value: "v",
      pointer: PointerExpr.root(),
      ev: this.flags.annotations ? { expr: "ev", nullable: true } : null,
    };
    const body = this.emitBody(unit.schema, unit.info, place, scope);
    const state = this.module.type("ValidationState");
    const evaluated = this.module.type("Evaluated");
    const params = `v: any, st: ${state} | null, ev: ${evaluated} | null`;
    const comment = locationComment(unit.info.location);
    const check = [`function ${unit.name}(${params}): boolean {`, "let ok = true;", body, "return ok;", "}"];
    const resourceId = this.flags.dynamicScope ? this.dynamicResourceId(unit.info.base) : undefined;
    if (resourceId === undefined) return lines([comment, ...check]);
    // The function enters its schema resource: push it on the dynamic scope for $dynamicRef lookups.
    check[0] = `function ${unit.name}_(${params}): boolean {`;
    return [
      comment,
      `function ${unit.name}(${params}): boolean {`,
      `dynamicScope.push(${resourceId});`,
      `const r = ${unit.name}_(v, st, ev);`,
      "dynamicScope.pop();",
      "return r;",
      "}",
      ...check,
    ].join("\n");
  }

  /** The dynamic-scope number of a resource that declares a $dynamicAnchor (others are never looked up). */
  private dynamicResourceId(base: string): number | undefined {
    if (!this.registry.declaresDynamicAnchor(base)) return undefined;
    let id = this.dynamicResources.get(base);
    if (id === undefined) this.dynamicResources.set(base, (id = this.dynamicResources.size));
    return id;
  }

  /** The module function returning the check for `anchor` in the outermost resource in scope declaring it. */
  dynamicLookupName(anchor: string): string {
    let name = this.dynamicLookups.get(anchor);
    if (!name) this.dynamicLookups.set(anchor, (name = `dynamic${this.dynamicLookups.size}`));
    return name;
  }

  /**
   * Emits every pending function, then the dynamic-scope lookups (whose candidate functions may add more
   * pending ones), until nothing is left. Returns the module-level code for the dynamic scope.
   */
  finish(): string[] {
    this.emitPending();
    if (this.dynamicLookups.size === 0) {
      this.placeFrames();
      return [];
    }
    let lookups: string[] = [];
    do {
      lookups = [...this.dynamicLookups].map(([anchor, name]) => this.renderLookup(anchor, name));
      this.emitPending();
    } while (this.hasPending);
    this.placeFrames();
    const state = this.module.type("ValidationState");
    const evaluated = this.module.type("Evaluated");
    return [
      "/** Schema resources entered so far (for $dynamicRef), outermost first. */",
      "const dynamicScope: number[] = [];",
      `type Check = (v: any, st: ${state} | null, ev: ${evaluated} | null) => boolean;`,
      ...lookups,
    ];
  }

  private renderLookup(anchor: string, name: string): string {
    const cases: string[] = [];
    for (const [resource, schema] of this.registry.dynamicAnchors.get(anchor) ?? []) {
      const id = this.dynamicResourceId(resource);
      const info = this.registry.infoOf(schema);
      if (id === undefined || !info) continue;
      cases.push(`case ${id}: return ${this.functionFor(schema, info)};`);
    }
    return [
      `function ${name}(): Check | undefined {`,
      "for (let i = 0; i < dynamicScope.length; i++) {",
      `switch (dynamicScope[i]) {`,
      ...cases,
      "}",
      "}",
      "return undefined;",
      "}",
    ].join("\n");
  }

  /** The info of a subschema (indexed with its parent), falling back to the parent's. */
  infoOf(schema: Schema, parent: NodeInfo, suffix: string): NodeInfo {
    return this.registry.infoOf(schema) ?? { ...parent, location: parent.location + suffix };
  }

  /** Statements checking the value at `place` against a subschema, inlined. */
  emit(schema: Schema, info: NodeInfo, place: Place, scope: FunctionScope): string {
    // An embedded resource ($id) is its own function: it has its own base URI and dynamic scope entry.
    // A big subschema too: identical ones (Stripe repeats many) then share it.
    if (
      isSchemaObject(schema) &&
      (typeof ownValue(schema, "$id") === "string" || this.structures.of(schema).weight >= SHARE_WEIGHT)
    ) {
      return this.call(this.functionFor(schema, info), place, scope);
    }
    return this.emitBody(schema, info, place, scope);
  }

  private emitBody(schema: Schema, info: NodeInfo, place: Place, scope: FunctionScope): string {
    if (schema === true) return "";
    if (schema === false) return this.fail(place.pointer, "false", messages.falseSchema());
    if (!isSchemaObject(schema)) return "";
    const tracked =
      Object.prototype.hasOwnProperty.call(schema, "unevaluatedProperties") ||
      Object.prototype.hasOwnProperty.call(schema, "unevaluatedItems");
    if (tracked && !this.flags.annotations) this.needsAnnotations = true;
    let inner = place;
    const code: string[] = [];
    if (tracked && this.flags.annotations) {
      const tracker = scope.next("e");
      code.push(`const ${tracker} = ${this.module.helper("newEvaluated")}();`);
      inner = { ...place, ev: { expr: tracker, nullable: false } };
    }
    // The type switch comes first in the code but is emitted last: only then is it known whether other
    // keywords follow, which a type mismatch must skip (with a labelled block).
    const rest = [
      emitValueKeywords(this, schema, info, inner),
      emitRefs(this, schema, info, inner, scope),
      emitApplicators(this, schema, info, inner, scope),
      tracked && this.flags.annotations ? emitUnevaluated(this, schema, info, inner, scope) : "",
      tracked && this.flags.annotations ? this.mergeIntoParent(schema, place, inner) : "",
    ].filter((part) => part !== "");
    const label = rest.length > 0 ? scope.next("L") : null;
    const typeSwitch = emitTypeSwitch(this, schema, info, inner, scope, label);
    if (typeSwitch.breaks) code.push(`${label}: {`, typeSwitch.code, ...rest, "}");
    else code.push(typeSwitch.code, ...rest);
    return lines(code);
  }

  /** A schema with unevaluated* evaluated everything at its location: tell the enclosing tracker. */
  private mergeIntoParent(schema: SchemaObject, outer: Place, inner: Place): string {
    if (outer.ev === null || inner.ev === null) return "";
    const parent = outer.ev.expr;
    const statements = [`${this.module.helper("mergeEvaluated")}(${parent}, ${inner.ev.expr});`];
    if (Object.prototype.hasOwnProperty.call(schema, "unevaluatedProperties")) {
      statements.push(`${parent}.allProps = true;`);
    }
    if (Object.prototype.hasOwnProperty.call(schema, "unevaluatedItems"))
      statements.push(`${parent}.allItems = true;`);
    const body = lines(statements);
    return outer.ev.nullable ? `if (${parent} !== null) {\n${body}\n}` : body;
  }

  /** Statements recording one failure: return false on a yes/no try or at the cap, else go on. */
  fail(pointer: PointerExpr, keyword: string, message: string): string {
    return this.failWith(pointer, keyword, lit(message));
  }

  /** Like fail, with a message computed at run time (an expression). */
  failWith(pointer: PointerExpr, keyword: string, messageCode: string): string {
    const report = this.module.helper("report");
    if (pointer.usesPointerSegment) this.module.helper("pointerSegment");
    return `if (st === null || ${report}(st, ${pointer.code()}, ${lit(keyword)}, ${messageCode})) return false;\nok = false;`;
  }

  /** The tracker argument for a call checking the same location. */
  evArgument(place: Place): string {
    return place.ev === null ? "null" : place.ev.expr;
  }

  /**
   * Statements calling a check function (an expression) on the value at `place`. When it fails with
   * errors, they are prefixed with the path from this function's frame to `place`, unless the callee
   * reports whole pointers itself (called from here only; decided in finish, once every call is known).
   */
  call(fn: string, place: Place, scope: FunctionScope): string {
    const invoke = `${fn}(${place.value}, st, ${this.evArgument(place)})`;
    const mark = scope.next("m");
    const prefix = "prefixErrors";
    const callee = this.unitsByName.get(fn);
    const site: CallSite = { caller: this.current as Unit, pointer: place.pointer.known };
    if (callee) {
      if (callee.site === undefined) callee.site = site;
      else callee.ownFrame = true;
    }
    const index = this.calls.length;
    this.calls.push({
      site,
      callee,
      plain: `if (!${invoke}) {\nif (st === null || st.errors.length >= st.max) return false;\nok = false;\n}`,
      prefixed:
        `const ${mark} = st === null ? 0 : st.errors.length;\n` +
        `if (!${invoke}) {\nif (st === null || ${prefix}(st, ${mark}, ${place.pointer.code()})) return false;\nok = false;\n}`,
      usesPointerSegment: place.pointer.usesPointerSegment,
    });
    return `${CALL_MARK}${index}${CALL_MARK}`;
  }

  /**
   * Where each function's errors point from, then the final code: a function called with the state from
   * one place only, at a known pointer, takes its caller's frame (its pointers get the path in front at
   * compile time, and the call needs no prefixing); any other is a frame of its own.
   */
  private placeFrames(): void {
    // In the order made: a function called from one place was made while its caller was emitted, so
    // the caller's frame is known first (a caller not yet placed leaves the callee a frame of its own).
    for (const unit of this.pending) {
      const site = unit.site;
      const callerFrame = site?.caller.frame;
      unit.inCallerFrame =
        site?.pointer !== undefined && callerFrame !== undefined && unit.refs === 1 && unit.ownFrame !== true;
      unit.frame = unit.inCallerFrame ? `${callerFrame}${site?.pointer}` : "";
    }
    const callCode = (_: string, index: string): string => {
      const call = this.calls[Number(index)] as CallCode;
      const noPath = call.site.pointer === "" && call.site.caller.frame === "";
      if (call.callee?.inCallerFrame === true || noPath) return call.plain;
      this.module.helper("prefixErrors");
      if (call.usesPointerSegment) this.module.helper("pointerSegment");
      return call.prefixed;
    };
    const functions = this.module.functions;
    for (let i = 0; i < functions.length; i++) {
      const unit = this.pending[i] as Unit;
      const frame = lit(unit.frame ?? "").slice(1, -1);
      const code = (functions[i] as string).replace(CALL_PLACEHOLDER, callCode);
      functions[i] = code.replaceAll(`${FRAME_MARK}"`, `"${frame}`);
    }
  }

  /** Statements recording annotations in the tracker of `place`, if it has one. */
  annotate(place: Place, statement: (tracker: string) => string): string {
    if (place.ev === null) return "";
    const code = statement(place.ev.expr);
    return place.ev.nullable ? `if (${place.ev.expr} !== null) ${code}` : code;
  }
}
