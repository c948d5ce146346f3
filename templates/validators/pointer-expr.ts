// The JSON Pointer of the value being checked, relative to the generated function's own value, as a
// JavaScript expression that generated code evaluates only when it reports an error: the valid path never
// builds pointer strings. Known keys are joined at compile time ("/options/document"); input keys and
// indices are appended at run time.
import { escapeSegment } from "./keywords.ts";
import { lit } from "./literal.ts";

export class PointerExpr {
  private constructor(
    /** Expressions already fixed (the function's `p` parameter, run-time segments). */
    private readonly head: readonly string[],
    /** Static text appended after them. */
    private readonly tail: string,
  ) {}

  /** The function's own value. */
  static root(): PointerExpr {
    return new PointerExpr([], "");
  }

  /** A child by a key known at compile time. */
  key(name: string): PointerExpr {
    return new PointerExpr(this.head, `${this.tail}/${escapeSegment(name)}`);
  }

  /** A child by an input key held in a variable (escaped, and shortened if huge, at run time). */
  inputKey(variable: string): PointerExpr {
    return new PointerExpr([...this.head, lit(`${this.tail}/`), `pointerSegment(${variable})`], "");
  }

  /** A child by an array index held in a variable. */
  index(variable: string): PointerExpr {
    return new PointerExpr([...this.head, lit(`${this.tail}/`), variable], "");
  }

  get usesPointerSegment(): boolean {
    return this.head.some((part) => part.startsWith("pointerSegment("));
  }

  /** True for the function's own value (the empty pointer). */
  get isRoot(): boolean {
    return this.head.length === 0 && this.tail === "";
  }

  code(): string {
    // The head always starts with a string literal, so `+` never adds two numbers.
    const parts = this.tail === "" ? [...this.head] : [...this.head, lit(this.tail)];
    return parts.join(" + ") || '""';
  }
}
