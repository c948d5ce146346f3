// One side of a comparison (the base or the revision document) and the $ref resolution both sides need:
// a reference object stands for what it points at, and the pointer moves with it, so that a change inside
// a shared component is located in the component (reported once), not at each place that refers to it.
import { isObject, resolveFragment, type Obj } from "../../spec/pointer.ts";

/** The HTTP methods a path item (or a webhook) can hold. */
export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface Located {
  node: Obj;
  pointer: string;
}

export class Side {
  constructor(readonly doc: Obj) {}

  /**
   * The object `node` stands for: itself, or the end of its $ref chain (loaded documents hold internal
   * refs only, and the loader refuses alias cycles). Undefined when it is not an object or the ref is not
   * a JSON pointer (a plain-name `#anchor` ref: compared by its text instead).
   */
  resolve(node: unknown, pointer: string): Located | undefined {
    let current = node;
    let at = pointer;
    for (let hops = 0; hops < 64; hops++) {
      if (!isObject(current)) return undefined;
      const ref = current.$ref;
      if (typeof ref !== "string") return { node: current, pointer: at };
      if (!ref.startsWith("#/")) return undefined;
      at = ref.slice(1);
      current = resolveFragment(this.doc, at);
    }
    return undefined;
  }
}

/** The $ref string of a schema that is only a reference (siblings allowed in 3.1), else undefined. */
export function refOf(node: unknown): string | undefined {
  return isObject(node) && typeof node.$ref === "string" ? node.$ref : undefined;
}
