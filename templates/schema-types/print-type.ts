// IR -> TypeScript text. Plain string concatenation (V8 joins the pieces lazily, once, when the file is
// written): a compiler printer or prettier would cost seconds on a big spec.
// Every string from the spec reaches the text through quoteString, or as a key only when it is a plain
// identifier; JSDoc lines arrive already escaped (schema-doc.ts).
import type { GenericNode, Member, ObjectNode, RefNode, TypeNode } from "./type-node.ts";

const INDENT = "    ";
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Numeric keys as openapi-typescript writes them (responses: `200: {...}`); only canonical integers that
// are exact in a double, so that the number names the same property as the string.
const INTEGER_KEY = /^(?:0|[1-9][0-9]{0,14})$/;
const HAS_LINE_SEPARATOR = /[\u2028\u2029]/;
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/**
 * A string literal with the spec's text. JSON.stringify escapes quotes, backslashes and control
 * characters; U+2028/U+2029 are legal raw in TS strings since ES2019 but are escaped anyway, since some
 * tools still treat them as line ends.
 */
export function quoteString(text: string): string {
  const json = JSON.stringify(text);
  return HAS_LINE_SEPARATOR.test(json)
    ? json.replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"))
    : json;
}

/** A property name: bare when an identifier (never `__proto__`, to be safe), else a quoted string. */
export function propertyKey(name: string): string {
  if (IDENTIFIER.test(name)) return name === "__proto__" ? quoteString(name) : name;
  return INTEGER_KEY.test(name) ? name : quoteString(name);
}

function numberText(value: number): string {
  return value < 0 ? `-${String(-value)}` : String(value);
}

/** An indent string per depth, built once. */
const indents: string[] = [""];
function indentOf(depth: number): string {
  while (indents.length <= depth) indents.push(indents[indents.length - 1] + INDENT);
  return indents[depth] as string;
}

/** A one-member union prints as its member (deduping can leave such a union). */
function unwrap(node: TypeNode): TypeNode {
  while (node.kind === "union" && node.members.length === 1) node = node.members[0] as TypeNode;
  return node;
}

/** `components["schemas"]["Pet"]`. */
export function refText(root: string, path: readonly string[]): string {
  let text = root;
  for (const segment of path) text += `[${quoteString(segment)}]`;
  return text;
}

/**
 * How the file being printed names what a ref points at, and what it learns of the names it used (for
 * its imports and helpers). The default writes refs as src/openapi.ts has them, its own declarations.
 */
export interface RefPrinter {
  ref(node: RefNode): string;
  /** Told of each generic used (src/openapi.ts declares WithRequired when it uses it). */
  generic?(name: GenericNode["name"]): void;
  /**
   * Write WithRequired<T, K> out as what it stands for, `(T & { [P in K]-?: T[P] })`: files other than
   * src/openapi.ts have no declaration of it (nor should a package export one).
   */
  expandWithRequired?: boolean;
}

const OPENAPI_SHAPE: RefPrinter = { ref: (node) => node.text ?? refText(node.root, node.path) };

/** The text of `node`; `depth` is the indent level of the line the type starts on. */
export function typeText(node: TypeNode, depth: number, refs: RefPrinter = OPENAPI_SHAPE): string {
  switch (node.kind) {
    case "keyword":
      return node.name;
    case "literal":
      return typeof node.value === "string"
        ? quoteString(node.value)
        : typeof node.value === "number"
          ? numberText(node.value)
          : String(node.value);
    case "ref":
      return refs.ref(node);
    case "array": {
      const element = unwrap(node.element);
      const inner = typeText(element, depth, refs);
      return element.kind === "union" || element.kind === "intersection" ? `(${inner})[]` : `${inner}[]`;
    }
    case "tuple":
      return `[${node.elements.map((e) => typeText(e, depth, refs)).join(", ")}]`;
    case "union":
      return node.members.map((m) => typeText(m, depth, refs)).join(" | ");
    case "intersection":
      return node.members
        .map((m) => {
          const inner = unwrap(m);
          const text = typeText(inner, depth, refs);
          return inner.kind === "union" ? `(${text})` : text;
        })
        .join(" & ");
    case "generic": {
      refs.generic?.(node.name);
      const args = node.args.map((a) => typeText(a, depth, refs));
      if (node.name === "WithRequired" && refs.expandWithRequired) {
        const [type, keys] = args;
        return `(${type} & { [P in ${keys}]-?: ${type}[P] })`;
      }
      return `${node.name}<${args.join(", ")}>`;
    }
    case "object":
      return objectText(node, depth, refs);
  }
}

/** JSDoc lines before a member or a declaration, at its indent. */
export function jsDocText(doc: readonly string[], pad: string): string {
  if (doc.length === 1) return `${pad}/** ${doc[0] as string} */\n`;
  let text = `${pad}/**\n`;
  for (const line of doc) text += line === "" ? `${pad} *\n` : `${pad} * ${line}\n`;
  return `${text}${pad} */\n`;
}

/** `{ ...members }` over several lines; the closing brace sits at `depth`. */
export function objectText(node: ObjectNode, depth: number, refs: RefPrinter = OPENAPI_SHAPE): string {
  if (node.members.length === 0 && !node.index) return "{}";
  let text = `{\n${membersText(node.members, depth + 1, refs)}`;
  if (node.index) {
    text += `${indentOf(depth + 1)}[${node.index.keyName}: string]: ${typeText(node.index.type, depth + 1, refs)};\n`;
  }
  return `${text}${indentOf(depth)}}`;
}

/** One line per member (after its JSDoc), each ending in ";\n". */
export function membersText(
  members: readonly Member[],
  depth: number,
  refs: RefPrinter = OPENAPI_SHAPE,
): string {
  const pad = indentOf(depth);
  let text = "";
  for (const m of members) {
    if (m.doc) text += jsDocText(m.doc, pad);
    text += `${pad}${m.readonly ? "readonly " : ""}${propertyKey(m.name)}${m.optional ? "?: " : ": "}${typeText(m.type, depth, refs)};\n`;
  }
  return text;
}

/** One type as text. */
export function printType(node: TypeNode, refs: RefPrinter = OPENAPI_SHAPE): string {
  return typeText(node, 0, refs);
}
