// Where changes are collected. Each change is stored once (same kind, place and facts: one change), in
// the node of the thing it was found in: an operation, or a pair of shared components compared once. Nodes
// link to the component pairs they refer to, so the operations a change reaches are found afterwards by
// walking from each operation; recursion between components is just a cycle in this graph.
import type { Change, ChangeFacts, Direction } from "../model.ts";

export interface GraphNode {
  readonly changes: Set<string>;
  readonly children: Set<string>;
}

type Located = ChangeFacts & { pointer: string; direction?: Direction };

export class ChangeGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly changes = new Map<string, { change: Located; operations: Set<string> }>();
  private readonly roots: { key: string; operation: string }[] = [];

  has(key: string): boolean {
    return this.nodes.has(key);
  }

  /** The node under `key`, created empty when new. */
  node(key: string): GraphNode {
    let node = this.nodes.get(key);
    if (!node) {
      node = { changes: new Set(), children: new Set() };
      this.nodes.set(key, node);
    }
    return node;
  }

  /** Records a change found in `node`. */
  record(node: GraphNode, change: Located): void {
    node.changes.add(this.store(change));
  }

  /** Records a change that concerns these operations directly (an operation removed or added). */
  recordFor(operations: string[], change: Located): void {
    const entry = this.changes.get(this.store(change));
    for (const op of operations) entry?.operations.add(op);
  }

  /** Declares `root` the node of `operation`: every change reachable from it reaches the operation. */
  root(key: string, operation: string): void {
    this.roots.push({ key, operation });
  }

  /** Every change that reaches at least one operation, in a stable order. */
  result(): Change[] {
    this.propagate();
    const out: Change[] = [];
    for (const { change, operations } of this.changes.values()) {
      if (operations.size === 0) continue;
      out.push({ ...change, operations: [...operations].sort(compareOperations) });
    }
    return out.sort(
      (x, y) =>
        compareText(x.pointer, y.pointer) ||
        compareText(x.kind, y.kind) ||
        compareText(x.direction ?? "", y.direction ?? "") ||
        compareText(JSON.stringify(x), JSON.stringify(y)),
    );
  }

  /**
   * Which operations reach each node: one bit per operation, pushed along the links until nothing
   * changes. Big specs link most components to most others (Stripe's expandable fields), so walking the
   * graph once per operation would cost operations x nodes; sets of bits flow through it once or twice.
   */
  private propagate(): void {
    const words = Math.ceil(this.roots.length / 32) || 1;
    const bits = new Map<string, Uint32Array>();
    const bitsOf = (key: string): Uint32Array => {
      let b = bits.get(key);
      if (!b) {
        b = new Uint32Array(words);
        bits.set(key, b);
      }
      return b;
    };
    const live = this.live();
    const work: string[] = [];
    this.roots.forEach(({ key }, i) => {
      const b = bitsOf(key);
      b[i >>> 5] = (b[i >>> 5] as number) | (1 << (i & 31));
      work.push(key);
    });
    const queued = new Set(work);
    while (work.length > 0) {
      const key = work.pop() as string;
      queued.delete(key);
      const from = bitsOf(key);
      for (const child of this.nodes.get(key)?.children ?? []) {
        if (!live.has(child)) continue;
        const to = bitsOf(child);
        let grew = false;
        for (let w = 0; w < words; w++) {
          // >>> 0: bitwise results are signed, Uint32Array holds them unsigned.
          const merged = ((to[w] as number) | (from[w] as number)) >>> 0;
          if (merged !== to[w]) {
            to[w] = merged;
            grew = true;
          }
        }
        if (grew && !queued.has(child)) {
          queued.add(child);
          work.push(child);
        }
      }
    }
    for (const [key, node] of this.nodes) {
      if (node.changes.size === 0) continue;
      const b = bits.get(key);
      if (!b) continue;
      for (let i = 0; i < this.roots.length; i++) {
        if (((b[i >>> 5] as number) & (1 << (i & 31))) === 0) continue;
        const operation = (this.roots[i] as { operation: string }).operation;
        for (const c of node.changes) this.changes.get(c)?.operations.add(operation);
      }
    }
  }

  /** The nodes from which some change can be reached: the only ones worth propagating through. */
  private live(): Set<string> {
    const parents = new Map<string, string[]>();
    for (const [key, node] of this.nodes) {
      for (const child of node.children) {
        const list = parents.get(child);
        if (list) list.push(key);
        else parents.set(child, [key]);
      }
    }
    const live = new Set<string>();
    const work = [...this.nodes].filter(([, node]) => node.changes.size > 0).map(([key]) => key);
    while (work.length > 0) {
      const key = work.pop() as string;
      if (live.has(key)) continue;
      live.add(key);
      for (const parent of parents.get(key) ?? []) if (!live.has(parent)) work.push(parent);
    }
    return live;
  }

  private store(change: Located): string {
    const key = JSON.stringify(change);
    if (!this.changes.has(key)) this.changes.set(key, { change, operations: new Set() });
    return key;
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "GET /a" labels sort by path first, then method, so one path's operations sit together. */
export function compareOperations(a: string, b: string): number {
  const sa = a.indexOf(" ");
  const sb = b.indexOf(" ");
  return compareText(a.slice(sa + 1), b.slice(sb + 1)) || compareText(a.slice(0, sa), b.slice(0, sb));
}
