// The JSON Pointer of the value being checked, relative to the generated function's own value, as a
// JavaScript expression that generated code evaluates only when it reports an error: the valid path never
// builds pointer strings. Known keys are joined at compile time ("/options/document"); input keys and
// indices are appended at run time. Every expression starts with FRAME_MARK: when the module is put
// together the compiler replaces it by the path from the function's frame to the function's value (see
// Compiler.finish), so a function called from one place only reports whole pointers itself.
import { escapeSegment } from "./keywords.ts";
import { lit } from "./literal.ts";

/** Put before the string literal that opens every pointer expression; never in any other output. */
export const FRAME_MARK = "\u0001";

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

  /** The pointer when it is known at compile time (no input key or index in it), else undefined. */
  get known(): string | undefined {
    return this.head.length === 0 ? this.tail : undefined;
  }

  code(): string {
    // The head always starts with a string literal, so `+` never adds two numbers.
    const parts = this.tail === "" ? [...this.head] : [...this.head, lit(this.tail)];
    return FRAME_MARK + (parts.join(" + ") || '""');
  }
}
