// Two schemas compared, following $refs. Where both sides refer to a component, the pair of components is
// compared once per direction, in its own graph node, and every place that refers to the pair only links
// to that node: a change in a shared schema is found once, and recursion ends at a pair already begun.
// Where one side refers and the other writes the schema inline, the reference is followed and the contents
// are compared, so moving an inline schema into an equivalent component is no change at all.
import { checkDepth, MAX_SPEC_DEPTH } from "../../lib/depth.ts";
import { isObject } from "../../spec/pointer.ts";
import type { ChangeFacts, Direction } from "../model.ts";
import type { ChangeGraph, GraphNode } from "./graph.ts";
import { defaultChange, enumChange, limitChanges, typeChange } from "./schema-keywords.ts";
import {
  flag,
  followedRefs,
  shapeText,
  unwrap,
  viewOf,
  type Member,
  type SchemaView,
  type Unwrapped,
} from "./schema-view.ts";
import { refOf, type Located, type Side } from "./side.ts";
import { describeVariant, typeKey, variantIdentities } from "./variants.ts";

export interface Scope {
  direction: Direction;
  /** Where changes found now are recorded. */
  node: GraphNode;
}

export class SchemaDiffer {
  private readonly textsA = new Map<string, string>();
  private readonly textsB = new Map<string, string>();
  /**
   * Component pairs waiting to be compared. A pair is compared from this queue, not from inside the
   * schema that refers to it, so a chain of $refs (A -> B -> C ... 5,000 components) costs no stack: the
   * recursion goes only as deep as one schema nests inline, and that is bounded by MAX_SPEC_DEPTH.
   */
  private readonly pending: (() => void)[] = [];
  private draining = false;

  constructor(
    private readonly a: Side,
    private readonly b: Side,
    private readonly graph: ChangeGraph,
  ) {}

  /** Compares the schema `a` (base) with `b` (revision), and every component pair it leads to. */
  compare(a: Member, b: Member, scope: Scope): void {
    this.compareMembers(a, b, scope, 0, false);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let i = 0; i < this.pending.length; i++) (this.pending[i] as () => void)();
      this.pending.length = 0;
    } finally {
      this.draining = false;
    }
  }

  private compareMembers(a: Member, b: Member, scope: Scope, depth: number, skipNullable: boolean): void {
    checkDepth(depth, MAX_SPEC_DEPTH, "a schema", () => b.pointer);
    if (depth === 0 && JSON.stringify(a.schema) === JSON.stringify(b.schema)) {
      // Where an operation's schema starts: written the same way (most are), it can differ only through
      // the components it uses, which are compared as pairs. (Only here: at every depth this would
      // stringify each subtree once per level.)
      for (const ref of followedRefs(a.schema)) {
        const same = { schema: { $ref: ref }, pointer: b.pointer, nullable: false };
        this.comparePair(ref, same, ref, same, scope);
      }
      return;
    }
    const ua = unwrap(a.schema, a.pointer);
    const ub = unwrap(b.schema, b.pointer);
    const refA = refOf(ua.schema);
    const refB = refOf(ub.schema);
    if (refA !== undefined && refB !== undefined) {
      // A null dropped by a wrapper on one side only (`anyOf: [$ref, {type: null}]`): nullable changed,
      // unless the component itself allows null anyway.
      if (!skipNullable && ua.nullable !== ub.nullable) {
        const before = ua.nullable || this.targetNullable(this.a, ua);
        const after = ub.nullable || this.targetNullable(this.b, ub);
        if (before !== after) this.record(scope, b.pointer, { kind: "nullable", nullable: after });
      }
      this.comparePair(refA, ua, refB, ub, scope);
      return;
    }
    const ra = this.located(this.a, ua);
    const rb = this.located(this.b, ub);
    if (!ra || !rb) {
      // Plain-name refs (#anchor) and the like: equal text is the only equality we can tell.
      const before = JSON.stringify(ua.schema);
      const after = JSON.stringify(ub.schema);
      if (before !== after)
        this.record(scope, b.pointer, { kind: "type", before, after, relation: "changed" });
      return;
    }
    this.compareViews(
      this.view(this.a, ra, ua),
      this.view(this.b, rb, ub),
      scope,
      depth,
      skipNullable,
      b.pointer,
    );
  }

  private comparePair(refA: string, ua: Unwrapped, refB: string, ub: Unwrapped, scope: Scope) {
    const key = `schema ${scope.direction} ${refA} ${refB}`;
    scope.node.children.add(key);
    if (this.graph.has(key)) return;
    // Created now, so that a recursive reference back to this pair stops here; compared from the queue.
    const node = this.graph.node(key);
    this.pending.push(() => this.comparePairNow(refA, ua, refB, ub, scope, node));
  }

  private comparePairNow(
    refA: string,
    ua: Unwrapped,
    refB: string,
    ub: Unwrapped,
    scope: Scope,
    node: GraphNode,
  ): void {
    const ra = this.a.resolve(ua.schema, ua.pointer);
    const rb = this.b.resolve(ub.schema, ub.pointer);
    const inner: Scope = { direction: scope.direction, node };
    if (ra && rb && refA === refB && this.textOf(this.a, ra) === this.textOf(this.b, rb)) {
      // The same component, unchanged: nothing to find in it, only links to the components it uses.
      // (The common case by far, and the whole cost of comparing a big spec if done the long way.)
      for (const ref of followedRefs(ra.node)) {
        const same = { schema: { $ref: ref }, pointer: rb.pointer, nullable: false };
        this.comparePair(ref, same, ref, same, inner);
      }
      return;
    }
    if (!ra || !rb) {
      if (refA !== refB)
        this.record(inner, ub.pointer, { kind: "type", before: refA, after: refB, relation: "changed" });
      return;
    }
    // The pair is compared as the components are: a null allowed by the place that refers to them is
    // that place's business (compare() checks it there), not the shared pair's.
    this.compareViews(
      this.view(this.a, ra, { ...ua, nullable: false }),
      this.view(this.b, rb, { ...ub, nullable: false }),
      inner,
      0,
      false,
      rb.pointer,
    );
  }

  private compareViews(
    va: SchemaView,
    vb: SchemaView,
    scope: Scope,
    depth: number,
    skipNullable: boolean,
    at: string,
  ): void {
    if (!skipNullable && va.nullable !== vb.nullable)
      this.record(scope, at, { kind: "nullable", nullable: vb.nullable });
    this.compareDiscriminators(va, vb, scope, at);
    if (va.variants || vb.variants) {
      this.compareVariants(va, vb, scope, depth);
      // A schema that became a union (or stopped being one) is compared variant by variant only.
      if (!va.variants || !vb.variants) return;
    }
    const type = typeChange(va, vb);
    if (type) {
      this.record(scope, vb.pointer, type.facts);
      if (type.disjoint) return;
    }
    const facts: (ChangeFacts | undefined)[] = [
      enumChange(va, vb),
      ...limitChanges(va, vb),
      defaultChange(va, vb),
    ];
    for (const f of facts) if (f) this.record(scope, vb.pointer, f);
    this.compareProperties(va, vb, scope, depth);
    const pa = va.keywords.additionalProperties;
    const pb = vb.keywords.additionalProperties;
    if (isObject(pa) && isObject(pb)) {
      this.compareMembers(
        { schema: pa, pointer: `${va.pointer}/additionalProperties` },
        { schema: pb, pointer: `${vb.pointer}/additionalProperties` },
        scope,
        depth + 1,
        false,
      );
    }
    const ia = va.keywords.items;
    const ib = vb.keywords.items;
    if (ia !== undefined && ib !== undefined && !Array.isArray(ia) && !Array.isArray(ib)) {
      this.compareMembers(
        { schema: ia, pointer: `${va.pointer}/items` },
        { schema: ib, pointer: `${vb.pointer}/items` },
        scope,
        depth + 1,
        false,
      );
    }
    const xa = va.keywords.prefixItems;
    const xb = vb.keywords.prefixItems;
    if (Array.isArray(xa) && Array.isArray(xb)) {
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        this.compareMembers(
          { schema: xa[i], pointer: `${va.pointer}/prefixItems/${i}` },
          { schema: xb[i], pointer: `${vb.pointer}/prefixItems/${i}` },
          scope,
          depth + 1,
          false,
        );
      }
    }
  }

  private compareProperties(va: SchemaView, vb: SchemaView, scope: Scope, depth: number): void {
    if (va.properties.size === 0 && vb.properties.size === 0) return;
    const removed: string[] = [];
    const added: string[] = [];
    const names = [...new Set([...va.properties.keys(), ...vb.properties.keys()])].sort();
    for (const name of names) {
      const ma = va.properties.get(name);
      const mb = vb.properties.get(name);
      const inA = ma !== undefined && this.visible(this.a, ma, scope.direction);
      const inB = mb !== undefined && this.visible(this.b, mb, scope.direction);
      if (inA && inB) {
        const required = vb.required.has(name);
        if (va.required.has(name) !== required)
          this.record(scope, mb.pointer, { kind: "property-required", name, required });
        if (!flag(this.a, ma, "deprecated") && flag(this.b, mb, "deprecated"))
          this.record(scope, mb.pointer, { kind: "property-deprecated", name });
        this.compareMembers(ma, mb, scope, depth + 1, false);
      } else if (inA) removed.push(name);
      else if (inB) added.push(name);
    }
    // One property gone and one come with the same schema: a rename, reported as one change.
    if (removed.length === 1 && added.length === 1) {
      const from = removed[0] as string;
      const to = added[0] as string;
      const ma = va.properties.get(from) as Member;
      const mb = vb.properties.get(to) as Member;
      if (shapeText(ma.schema) === shapeText(mb.schema)) {
        this.record(scope, mb.pointer, { kind: "property-renamed", from, to, required: vb.required.has(to) });
        return;
      }
    }
    const closed = vb.keywords.additionalProperties === false || vb.keywords.unevaluatedProperties === false;
    for (const name of removed) {
      const ma = va.properties.get(name) as Member;
      this.record(scope, ma.pointer, {
        kind: "property-removed",
        name,
        required: va.required.has(name),
        deprecated: flag(this.a, ma, "deprecated"),
        closed,
      });
    }
    for (const name of added) {
      const mb = vb.properties.get(name) as Member;
      this.record(scope, mb.pointer, { kind: "property-added", name, required: vb.required.has(name) });
    }
  }

  /**
   * OpenAPI discriminators on both sides: the tag property renamed, and tag values (mapping keys) gone
   * or new. A discriminator added or dropped as a whole changes no value on the wire: the variants say it.
   */
  private compareDiscriminators(va: SchemaView, vb: SchemaView, scope: Scope, at: string): void {
    const da = va.keywords.discriminator;
    const db = vb.keywords.discriminator;
    if (!isObject(da) || !isObject(db)) return;
    if (
      typeof da.propertyName === "string" &&
      typeof db.propertyName === "string" &&
      da.propertyName !== db.propertyName
    )
      this.record(scope, at, {
        kind: "discriminator-property",
        before: da.propertyName,
        after: db.propertyName,
      });
    const keys = (d: Record<string, unknown>) => (isObject(d.mapping) ? Object.keys(d.mapping).sort() : []);
    const [ka, kb] = [keys(da), keys(db)];
    const added = kb.filter((k) => !ka.includes(k));
    const removed = ka.filter((k) => !kb.includes(k));
    if (added.length > 0 || removed.length > 0)
      this.record(scope, at, { kind: "discriminator-mapping", added, removed });
  }

  /** oneOf/anyOf members matched by identity ($ref, title, tag value, type); the pairs are compared. */
  private compareVariants(va: SchemaView, vb: SchemaView, scope: Scope, depth: number): void {
    const membersA = va.variants?.members ?? [va.origin];
    const membersB = vb.variants?.members ?? [vb.origin];
    const combinator = vb.variants?.combinator ?? va.variants?.combinator ?? "oneOf";
    const idsA = variantIdentities(this.a, membersA);
    const idsB = variantIdentities(this.b, membersB);
    const leftA = new Set(membersA.keys());
    const leftB = new Set(membersB.keys());
    const pairs: [number, number][] = [];
    for (const i of leftA) {
      const j = [...leftB].find((k) => idsB[k] === idsA[i]);
      if (j === undefined) continue;
      pairs.push([i, j]);
      leftA.delete(i);
      leftB.delete(j);
    }
    // What identity could not match: equal contents, else a lone variant on each side, is one variant.
    for (const i of [...leftA]) {
      const text = this.contentText(this.a, membersA[i] as Member);
      const j = [...leftB].find((k) => this.contentText(this.b, membersB[k] as Member) === text);
      if (j === undefined) continue;
      pairs.push([i, j]);
      leftA.delete(i);
      leftB.delete(j);
    }
    // Then the same type: a string that became a union of a string and an object is still that string.
    for (const i of [...leftA]) {
      const type = typeKey(this.a, membersA[i] as Member);
      if (type === undefined) continue;
      const j = [...leftB].find((k) => typeKey(this.b, membersB[k] as Member) === type);
      if (j === undefined) continue;
      pairs.push([i, j]);
      leftA.delete(i);
      leftB.delete(j);
    }
    if (leftA.size === 1 && leftB.size === 1) {
      pairs.push([[...leftA][0] as number, [...leftB][0] as number]);
      leftA.clear();
      leftB.clear();
    }
    for (const [i, j] of pairs)
      this.compareMembers(membersA[i] as Member, membersB[j] as Member, scope, depth + 1, true);
    for (const i of leftA) {
      const m = membersA[i] as Member;
      this.record(scope, m.pointer, {
        kind: "variant-removed",
        combinator,
        variant: describeVariant(this.a, m, i),
      });
    }
    for (const j of leftB) {
      const m = membersB[j] as Member;
      this.record(scope, m.pointer, {
        kind: "variant-added",
        combinator,
        variant: describeVariant(this.b, m, j),
      });
    }
  }

  /** Whether a property travels this way: readOnly ones are not sent, writeOnly ones not returned. */
  private visible(side: Side, member: Member, direction: Direction): boolean {
    return !flag(side, member, direction === "request" ? "readOnly" : "writeOnly");
  }

  private view(side: Side, located: Located, origin: Unwrapped): SchemaView {
    const view = viewOf(side, located, origin.nullable);
    view.origin = { schema: origin.schema, pointer: origin.pointer };
    return view;
  }

  /** The object a schema stands for; boolean schemas as the objects they mean. */
  private located(side: Side, u: Unwrapped): Located | undefined {
    if (u.schema === true) return { node: {}, pointer: u.pointer };
    if (u.schema === false) return { node: { not: {} }, pointer: u.pointer };
    return side.resolve(u.schema, u.pointer);
  }

  private targetNullable(side: Side, u: Unwrapped): boolean {
    const target = side.resolve(u.schema, u.pointer);
    return target ? viewOf(side, target, false).nullable : false;
  }

  private contentText(side: Side, m: Member): string {
    const target = side.resolve(m.schema, m.pointer);
    return target ? shapeText(target.node) : JSON.stringify(m.schema);
  }

  /** A component's text, once per side (each is compared once per direction). */
  private textOf(side: Side, located: Located): string {
    const texts = side === this.a ? this.textsA : this.textsB;
    let text = texts.get(located.pointer);
    if (text === undefined) {
      text = JSON.stringify(located.node);
      texts.set(located.pointer, text);
    }
    return text;
  }

  private record(scope: Scope, pointer: string, facts: ChangeFacts): void {
    this.graph.record(scope.node, { ...facts, pointer, direction: scope.direction });
  }
}
