// What makes a oneOf/anyOf member the same member in two versions: the component it refers to, else its
// title, else the value of a tag property (`type: {const: "card"}`), else its type when no sibling shares
// it, else its position.
import { isObject } from "../../spec/pointer.ts";
import type { Member } from "./schema-view.ts";
import { refOf, type Side } from "./side.ts";

function tagOf(node: Record<string, unknown>): string | undefined {
  if (!isObject(node.properties)) return undefined;
  for (const name of Object.keys(node.properties).sort()) {
    const p = node.properties[name];
    if (!isObject(p)) continue;
    if (Object.hasOwn(p, "const")) return `${name}=${JSON.stringify(p.const)}`;
    if (Array.isArray(p.enum) && p.enum.length === 1) return `${name}=${JSON.stringify(p.enum[0])}`;
  }
  return undefined;
}

function typeOf(node: Record<string, unknown>): string | undefined {
  const t = node.type;
  if (typeof t === "string") return typeof node.format === "string" ? `${t} (${node.format})` : t;
  if (Array.isArray(t)) return t.join(" | ");
  return undefined;
}

function identity(side: Side, member: Member): string | undefined {
  const ref = refOf(member.schema);
  if (ref !== undefined) return `ref ${ref}`;
  const node = side.resolve(member.schema, member.pointer)?.node;
  if (!node) return undefined;
  if (typeof node.title === "string") return `title ${node.title}`;
  const tag = tagOf(node);
  if (tag) return `tag ${tag}`;
  const type = typeOf(node);
  return type === undefined ? undefined : `type ${type}`;
}

/** One identity per member; members whose identity is missing or shared fall back to their position. */
export function variantIdentities(side: Side, members: Member[]): string[] {
  const ids = members.map((m) => identity(side, m));
  return ids.map((id, i) => (id === undefined || ids.indexOf(id) !== ids.lastIndexOf(id) ? `#${i}` : id));
}

/** A member as people name it: the component, the title, the tag, the type, or its position. */
export function describeVariant(side: Side, member: Member, index: number): string {
  const id = identity(side, member);
  if (id === undefined) return `variant ${index + 1}`;
  if (id.startsWith("ref ")) return id.slice(id.lastIndexOf("/") + 1);
  return id.slice(id.indexOf(" ") + 1);
}

/** A member's type and format ("string (date)"), when it states one. */
export function typeKey(side: Side, member: Member): string | undefined {
  const node = side.resolve(member.schema, member.pointer)?.node;
  return node ? typeOf(node) : undefined;
}
