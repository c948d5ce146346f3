// What each tool made of one spec, as the child processes report it and results.json records it.

/** specsmith: generated, skipped (Swagger 2.0), failed clearly (a UserError), or crashed (anything else). */
export type OursVerdict =
  | { status: "generated"; warnings: number }
  | { status: "skipped"; message: string }
  | { status: "failed"; error: string; message: string }
  | { status: "crashed"; message: string; where?: string | undefined };

/** openapi-typescript: generated, skipped (it does not read Swagger 2.0), error (it threw), or crashed. */
export type PeerVerdict =
  | { status: "generated" }
  | { status: "skipped"; message: string }
  | { status: "error"; message: string }
  | { status: "crashed"; message: string };

/** Typecheck of one generated output: the number of tsc errors and the first few, as `file(line,col): ...`. */
export interface TypecheckVerdict {
  errors: number;
  first: string[];
}
