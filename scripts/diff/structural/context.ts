// What the operation-level comparisons share: both sides, the change graph, the schema differ, and the
// graph node of the operation being compared.
import type { ChangeFacts, Direction } from "../model.ts";
import type { ChangeGraph, GraphNode } from "./graph.ts";
import type { SchemaDiffer } from "./schema-diff.ts";
import type { Side } from "./side.ts";

export interface OperationContext {
  a: Side;
  b: Side;
  graph: ChangeGraph;
  schemas: SchemaDiffer;
  /** The operation's own node: what is found directly in it, and links to what it refers to. */
  node: GraphNode;
}

export function record(
  ctx: OperationContext,
  pointer: string,
  facts: ChangeFacts,
  direction?: Direction,
): void {
  ctx.graph.record(ctx.node, direction ? { ...facts, pointer, direction } : { ...facts, pointer });
}
