// YAML text of a JSON value, byte for byte what `yaml.stringify(value, BLOCK_YAML_OPTIONS)` writes, at a
// fraction of the cost. The library builds a node for every value and copies its whole stringify context
// for every pair; on a 452-operation spec that was ~0.5 s, a third of a whole site's scrape. For JSON data
// (objects, arrays, strings, numbers, booleans, null) the block layout is a few rules, mirrored here from
// the library's stringifyCollection and stringifyPair; every scalar is still written by the library's own
// string and number writers (quoting, YAML 1.1 look-alikes, block literals), with the context the library
// would give them. test/lib/block-yaml.test.ts compares the two on the committed specs and edge cases.
import { Document, type Scalar } from "yaml";
import { stringifyNumber, stringTag, type StringifyContext } from "yaml/util";

/** No folding (lineWidth 0); every value written out in full; YAML 1.1 look-alikes ("yes", dates) quoted. */
export const BLOCK_YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, version: "1.1" } as const;

/** The library's defaults for stringify options (stringify.js createStringifyContext), then ours (lineWidth). */
const OPTIONS = {
  blockQuote: true,
  defaultKeyType: null,
  defaultStringType: "PLAIN",
  directives: null,
  doubleQuotedAsJSON: false,
  doubleQuotedMinMultiLineLength: 40,
  falseStr: "false",
  flowCollectionPadding: true,
  indentSeq: true,
  minContentWidth: 20,
  nullStr: "null",
  simpleKeys: false,
  singleQuote: null,
  trailingComma: false,
  trueStr: "true",
  verifyAliasOrder: true,
  ...BLOCK_YAML_OPTIONS,
};

/** Keys longer than this are written as explicit keys (`? key`), as the library does. */
const MAX_IMPLICIT_KEY = 1024;

type Context = StringifyContext & { allNullValues: boolean };

/**
 * The order to write a map's keys in, decided while writing. A caller that wants keys in an order of its
 * own (emit.ts: OpenAPI's keyword order) gives it here rather than copying the whole document into
 * objects built in that order first: on a 452-operation spec the copy cost as much as the writing, and
 * it kept a second copy of the document alive until the text was done.
 */
export interface KeyOrder<R> {
  /** The role of the value written at the top. */
  root: R;
  /** The keys of `map`, at `role`, in the order to write them (keys of undefined values are skipped). */
  keys(map: Record<string, unknown>, role: R): readonly string[];
  /** The role of the value under `key` in a map at `role`. */
  child(role: R, key: string): R;
  /** The role of the items of a list at `role`. */
  item(role: R): R;
}

/** Keys in the order the object holds them (Object.keys): the order `yaml.stringify` writes. */
const AS_HELD: KeyOrder<null> = {
  root: null,
  keys: (map) => Object.keys(map),
  child: () => null,
  item: () => null,
};

/**
 * Writes one document. A scalar's text depends only on the scalar, on whether it is a key and on its
 * indentation (no folding, so not on the column it starts at): each is written once per document.
 *
 * The text is gathered as a list of pieces joined once at the end. Joining each collection's text on the
 * way up built the document again at every level, and the chains of partial strings (a 2 MB spec) stayed
 * alive, to be copied by every young-generation garbage collection, until the whole text was done.
 */
class Writer<R> {
  constructor(private readonly order: KeyOrder<R>) {}

  private readonly doc = new Document(null, BLOCK_YAML_OPTIONS);
  /** Scalars written so far, by [key or value][indentation][text]. */
  private readonly written: [Map<string, string>[], Map<string, string>[]] = [[], []];
  /**
   * Scalars whose text does not depend on the indentation, by [key or value][text]: nearly every string of
   * a spec. Looking up one map instead of one per indentation writes each such string once per document,
   * not once per depth it occurs at (the stripe.com site: 5,868 calls into the library's writer, not 8,273).
   */
  private readonly flat: [Map<string, string>, Map<string, string>] = [new Map(), new Map()];
  /** "\n" and each indentation, made once per depth. */
  private readonly breaks: string[] = [];
  private readonly inner: string[] = [];
  private readonly items: string[] = [];
  readonly pieces: string[] = [];

  node(value: unknown, indent: string, role: R): void {
    if (Array.isArray(value)) this.seq(value, indent, role);
    else if (isCollection(value)) {
      const map = value as Record<string, unknown>;
      this.map(map, this.keys(map, role), indent, role);
    } else this.pieces.push(this.scalar(value, false, indent));
  }

  /** The keys written of a map: in the caller's order, without those of undefined values. */
  private keys(map: Record<string, unknown>, role: R): readonly string[] {
    return this.order.keys(map, role).filter((k) => map[k] !== undefined);
  }

  private lineBreak(indent: string): string {
    let text = this.breaks[indent.length];
    if (text === undefined) this.breaks[indent.length] = text = `\n${indent}`;
    return text;
  }

  /** The context the library gives a scalar there (stringifyDocument, stringifyCollection, stringifyPair). */
  private context(implicitKey: boolean, indent: string): Context {
    return {
      anchors: new Set(),
      doc: this.doc,
      flowCollectionPadding: " ",
      indent,
      indentStep: "  ",
      inFlow: null,
      forceBlockIndent: false,
      implicitKey,
      allNullValues: false,
      options: OPTIONS,
    } as unknown as Context;
  }

  private scalar(value: unknown, implicitKey: boolean, indent: string): string {
    if (typeof value === "string") {
      if (isPlainAsIs(value)) return value;
      if (sameAtEveryIndent(value)) {
        const flat = this.flat[implicitKey ? 0 : 1];
        let text = flat.get(value);
        if (text === undefined) {
          text = stringTag.stringify?.({ value } as Scalar, this.context(implicitKey, indent)) ?? "";
          flat.set(value, text);
        }
        return text;
      }
      const byIndent = this.written[implicitKey ? 0 : 1];
      let written = byIndent[indent.length];
      if (!written) byIndent[indent.length] = written = new Map();
      let text = written.get(value);
      if (text === undefined) {
        text = stringTag.stringify?.({ value } as Scalar, this.context(implicitKey, indent)) ?? "";
        written.set(value, text);
      }
      return text;
    }
    if (typeof value === "number") return stringifyNumber({ value } as Scalar);
    if (typeof value === "boolean") return value ? OPTIONS.trueStr : OPTIONS.falseStr;
    return OPTIONS.nullStr; // null, and undefined inside an array
  }

  private seq(items: unknown[], indent: string, role: R): void {
    if (items.length === 0) {
      this.pieces.push("[]");
      return;
    }
    const itemIndent = this.deeper(indent);
    const itemRole = this.order.item(role);
    for (let i = 0; i < items.length; i++) {
      this.pieces.push(i === 0 ? "- " : this.itemBreak(indent));
      this.node(items[i], itemIndent, itemRole);
    }
  }

  private map(value: Record<string, unknown>, keys: readonly string[], indent: string, role: R): void {
    if (keys.length === 0) {
      this.pieces.push("{}");
      return;
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (i > 0) this.pieces.push(this.lineBreak(indent));
      this.pair(key, value[key], indent, this.order.child(role, key));
    }
  }

  /** A line break and "- " at an indentation, made once per depth. */
  private itemBreak(indent: string): string {
    let text = this.items[indent.length];
    if (text === undefined) this.items[indent.length] = text = `${this.lineBreak(indent)}- `;
    return text;
  }

  /** The indentation one step deeper, made once per depth. */
  private deeper(indent: string): string {
    let text = this.inner[indent.length];
    if (text === undefined) this.inner[indent.length] = text = `${indent}  `;
    return text;
  }

  /**
   * "key:" and " value" of a pair whose text is the same at every indentation, made once per document:
   * a spec repeats its keys ("type", "description") and many values, and a new string for each pair of
   * a 2 MB spec was most of the writer's garbage.
   */
  private readonly keyPieces = new Map<string, string>();
  private readonly valuePieces = new Map<string, string>();

  /** One `key: value` (stringifyPair, for a string key and a value that is never null as a node). */
  private pair(key: string, value: unknown, indent: string, role: R): void {
    const inner = this.deeper(indent);
    let keyPiece = this.keyPieces.get(key);
    let explicitKey = false;
    if (keyPiece === undefined) {
      const keyText = this.scalar(key, true, inner);
      explicitKey = keyText.length > MAX_IMPLICIT_KEY;
      keyPiece = explicitKey ? `? ${keyText}${this.lineBreak(indent)}:` : `${keyText}:`;
      if (!explicitKey && sameAtEveryIndent(key)) this.keyPieces.set(key, keyPiece);
    }
    this.pieces.push(keyPiece);
    if (!isCollection(value)) {
      const cached = typeof value === "string" ? this.valuePieces.get(value) : undefined;
      if (cached !== undefined) {
        this.pieces.push(cached);
        return;
      }
      const text = this.scalar(value, false, inner);
      const piece = text === "" || text.startsWith("\n") ? text : ` ${text}`;
      if (typeof value === "string" && sameAtEveryIndent(value)) this.valuePieces.set(value, piece);
      this.pieces.push(piece);
      return;
    }
    // A block collection starts on the next line; an empty one is written in flow style ({} or []) after
    // the key, as is any collection after an explicit key.
    if (Array.isArray(value)) {
      this.pieces.push(!explicitKey && value.length > 0 ? this.lineBreak(inner) : " ");
      this.seq(value, inner, role);
      return;
    }
    const map = value as Record<string, unknown>;
    const keys = this.keys(map, role);
    this.pieces.push(!explicitKey && keys.length > 0 ? this.lineBreak(inner) : " ");
    this.map(map, keys, inner, role);
  }
}

/**
 * Whether the library writes `text` the same at every indentation: the indentation enters a string's text
 * only after a line break (block scalars, continuation lines; no folding at lineWidth 0) or for a string
 * that starts like a document marker (`%`, `---`, `...`: written as a block or quoted depending on depth).
 */
function sameAtEveryIndent(text: string): boolean {
  if (text.includes("\n")) return false;
  const first = text[0];
  return first !== "%" && first !== "-" && first !== ".";
}

/**
 * Words YAML 1.1 reads as null or a boolean ("yes", "Off", "NULL"...), in any case: a string that is one
 * of them goes to the library, which quotes it where it must.
 */
const KEYWORDS = new Set(["y", "n", "yes", "no", "true", "false", "on", "off", "null"]);

/**
 * Whether the library writes `text` as it is, a plain scalar, as key and as value: a letter, then only
 * letters, digits, `_`, spaces, `,`, `.`, `(`, `)`, `/` and `-`, not ending in a space, and not a YAML 1.1
 * keyword or exponent. Nearly every string of a spec (names, types, summaries) is such a one, and deciding it here
 * saves a call into the library's writer per string, which tests the string against every scalar type
 * of YAML 1.1 (a site's spec: 5,500 of its 5,600 distinct strings). Such a string holds none of the
 * indicators, comment or mapping marks that need quotes (`#`, `:`, `'`, `"`, `[`...), no line break,
 * and starts with none of the characters a number, a date, a document marker or an alias starts with.
 */
function isPlainAsIs(text: string): boolean {
  return (
    PLAIN_AS_IS.test(text) &&
    text.charCodeAt(text.length - 1) !== 32 &&
    !(text.length <= 5 && KEYWORDS.has(text.toLowerCase())) &&
    !EXPONENT.test(text)
  );
}
/** A YAML 1.1 float may leave out its digits before the exponent: "e1", "E-5". */
const EXPONENT = /^[eE]-?\d/;
const PLAIN_AS_IS = /^[A-Za-z][\w ,.()/-]*$/;

function isCollection(value: unknown): value is object {
  return value !== null && typeof value === "object";
}

/** The YAML document of `value` (a JSON value), ending in a newline; map keys in `order` when given. */
export function blockYaml<R = null>(value: unknown, order?: KeyOrder<R>): string {
  const keyOrder = order ?? (AS_HELD as unknown as KeyOrder<R>);
  const writer = new Writer(keyOrder);
  writer.node(value, "", keyOrder.root);
  writer.pieces.push("\n");
  return writer.pieces.join("");
}
