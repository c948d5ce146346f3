// A heuristic for patterns that can backtrack catastrophically: a repeated group whose body can match the
// same text in more than one way, either through a repeated element inside it that overlaps what the group
// starts with (`(a+)+`, `(.*)*`, `(\w+\s?)*`) or through alternatives that start alike (`(a|a)*`,
// `(\w|\d)+`). It only warns: the pattern is still used (the spec author decides). False positives are
// possible (a warning to look at), false negatives too (it is not a proof).

/** Which characters an element can start with, over ASCII (0-127) plus one slot for everything else. */
type CharSet = boolean[];

const SIZE = 129;
const OTHER = 128;

function emptySet(): CharSet {
  return new Array<boolean>(SIZE).fill(false);
}

function fullSet(): CharSet {
  return new Array<boolean>(SIZE).fill(true);
}

function setOf(test: (c: string) => boolean, other: boolean): CharSet {
  const set = emptySet();
  for (let i = 0; i < 128; i++) set[i] = test(String.fromCharCode(i));
  set[OTHER] = other;
  return set;
}

function union(a: CharSet, b: CharSet): CharSet {
  return a.map((x, i) => x || (b[i] ?? false));
}

function overlaps(a: CharSet, b: CharSet): boolean {
  return a.some((x, i) => x && (b[i] ?? false));
}

type Node =
  | { kind: "atom"; set: CharSet }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; body: Node; min: number; max: number };

const ESCAPES: Record<string, CharSet> = {
  d: setOf((c) => /\d/.test(c), false),
  D: setOf((c) => !/\d/.test(c), true),
  w: setOf((c) => /\w/.test(c), false),
  W: setOf((c) => !/\w/.test(c), true),
  s: setOf((c) => /\s/.test(c), true),
  S: setOf((c) => !/\s/.test(c), true),
};

/**
 * Groups nested deeper than this are not analysed: the parser and the walks below recurse once per level,
 * and no pattern written by a person nests anywhere near it.
 */
const MAX_GROUP_DEPTH = 128;

class TooDeep extends Error {}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: "alt", options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.source.length && this.source[this.i] !== "|" && this.source[this.i] !== ")") {
      const atom = this.atom();
      if (atom) items.push(this.quantified(atom));
    }
    return { kind: "seq", items };
  }

  private quantified(atom: Node): Node {
    const c = this.source[this.i];
    let min = 1;
    let max = 1;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.source[this.i] === "?") this.i++; // lazy quantifiers backtrack the same way
    return { kind: "repeat", body: atom, min, max };
  }

  private atom(): Node | undefined {
    const c = this.source[this.i++] ?? "";
    if (c === "(") {
      // Skip group prefixes: (?: (?= (?! (?<= (?<! (?<name>
      if (this.source[this.i] === "?") {
        const m = /^\?(?::|=|!|<=|<!|<[^>]*>)/.exec(this.source.slice(this.i));
        this.i += m ? m[0].length : 1;
      }
      if (++this.depth > MAX_GROUP_DEPTH) throw new TooDeep();
      const body = this.alternation();
      this.depth--;
      if (this.source[this.i] === ")") this.i++;
      return body;
    }
    if (c === "[") return { kind: "atom", set: this.characterClass() };
    if (c === ".") return { kind: "atom", set: fullSet() };
    if (c === "^" || c === "$") return undefined;
    if (c === "\\") {
      const e = this.source[this.i++] ?? "";
      if (e === "b" || e === "B") return undefined;
      const known = ESCAPES[e];
      if (known) return { kind: "atom", set: known };
      if (e === "u" || e === "x" || e === "p" || e === "P") {
        // \uXXXX, \u{...}, \xXX, \p{...}: consume and treat as "some character".
        const m = /^(\{[^}]*\}|[0-9A-Fa-f]{2,4})/.exec(this.source.slice(this.i));
        if (m) this.i += m[0].length;
        return { kind: "atom", set: setOf(() => false, true) };
      }
      return { kind: "atom", set: this.literal(e) };
    }
    return { kind: "atom", set: this.literal(c) };
  }

  private literal(c: string): CharSet {
    const code = c.charCodeAt(0);
    const set = emptySet();
    set[code < 128 ? code : OTHER] = true;
    return set;
  }

  private characterClass(): CharSet {
    let negate = false;
    if (this.source[this.i] === "^") {
      negate = true;
      this.i++;
    }
    let set = emptySet();
    let first = true;
    while (this.i < this.source.length && (this.source[this.i] !== "]" || first)) {
      first = false;
      let c = this.source[this.i++] ?? "";
      if (c === "\\") {
        const e = this.source[this.i++] ?? "";
        const known = ESCAPES[e];
        if (known) {
          set = union(set, known);
          continue;
        }
        c = e === "n" ? "\n" : e === "t" ? "\t" : e;
      }
      if (this.source[this.i] === "-" && this.source[this.i + 1] !== "]" && this.i + 1 < this.source.length) {
        this.i++;
        let end = this.source[this.i++] ?? c;
        if (end === "\\") end = this.source[this.i++] ?? c;
        const from = c.charCodeAt(0);
        const to = end.charCodeAt(0);
        for (let k = from; k <= Math.min(to, 127); k++) set[k] = true;
        if (to >= 128) set[OTHER] = true;
      } else {
        const code = c.charCodeAt(0);
        set[code < 128 ? code : OTHER] = true;
      }
    }
    this.i++; // "]"
    return negate ? set.map((x) => !x) : set;
  }
}

/** Characters a node can start with (its first non-empty element), or an empty set. */
function firstSet(node: Node): CharSet {
  switch (node.kind) {
    case "atom":
      return node.set;
    case "repeat":
      return firstSet(node.body);
    case "alt":
      return node.options.map(firstSet).reduce(union, emptySet());
    case "seq": {
      let set = emptySet();
      for (const item of node.items) {
        set = union(set, firstSet(item));
        if (!canBeEmpty(item)) break;
      }
      return set;
    }
  }
}

function canBeEmpty(node: Node): boolean {
  switch (node.kind) {
    case "atom":
      return false;
    case "repeat":
      return node.min === 0 || canBeEmpty(node.body);
    case "alt":
      return node.options.some(canBeEmpty);
    case "seq":
      return node.items.every(canBeEmpty);
  }
}

/** Repeated elements (max > 1) anywhere inside a node. */
function innerRepeats(node: Node, out: Node[]): Node[] {
  if (node.kind === "repeat") {
    if (node.max > 1) out.push(node);
    innerRepeats(node.body, out);
  } else if (node.kind === "seq") node.items.forEach((item) => innerRepeats(item, out));
  else if (node.kind === "alt") node.options.forEach((option) => innerRepeats(option, out));
  return out;
}

function isAmbiguousRepeat(node: Node): boolean {
  if (node.kind !== "repeat" || node.max <= 1) return false;
  const start = firstSet(node.body);
  // (a+)+ (.*)* (\w+\s?)+: an inner repeat can eat what the next round of the outer one starts with.
  if (
    innerRepeats(node.body, []).some((inner) => inner.kind === "repeat" && overlaps(firstSet(inner), start))
  ) {
    return true;
  }
  // (a|a)* (\w|\d)+ (a|ab)*: two alternatives can start the same way.
  const alt = unwrapAlternation(node.body);
  if (alt) {
    const firsts = alt.options.map(firstSet);
    for (let i = 0; i < firsts.length; i++) {
      for (let j = i + 1; j < firsts.length; j++) {
        if (overlaps(firsts[i] as CharSet, firsts[j] as CharSet)) return true;
      }
    }
  }
  return false;
}

function unwrapAlternation(node: Node): Extract<Node, { kind: "alt" }> | undefined {
  if (node.kind === "alt") return node;
  if (node.kind === "seq" && node.items.length === 1) return unwrapAlternation(node.items[0] as Node);
  return undefined;
}

function anyNode(node: Node, test: (node: Node) => boolean): boolean {
  if (test(node)) return true;
  if (node.kind === "repeat") return anyNode(node.body, test);
  if (node.kind === "seq") return node.items.some((item) => anyNode(item, test));
  if (node.kind === "alt") return node.options.some((option) => anyNode(option, test));
  return false;
}

/**
 * True when a pattern looks prone to catastrophic backtracking (see the file comment), or nests its groups
 * too deeply to tell (worth a warning too).
 */
export function mayBacktrackCatastrophically(source: string): boolean {
  let tree: Node;
  try {
    tree = new Parser(source).parse();
  } catch (error) {
    return error instanceof TooDeep;
  }
  return anyNode(tree, isAmbiguousRepeat);
}
