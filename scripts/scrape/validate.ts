// Every spec is checked against the official OpenAPI 3.1 schema before it is written, and its refs are
// checked to point somewhere; a spec that fails is a bug in the merge or the overlay, and nothing is written.
//
// Both checks are scripts/spec's, the ones `generate` applies to a spec file. Not the validator library's
// own `validate()`: after the schema it re-checks refs by reading every "$id", "$ref" and "$anchor" key
// anywhere in the document as a schema keyword, so a response example `{"$id": "abc"}` on two operations
// failed as "$id defined more than once" (and a property named "$ref" as a ref that points nowhere); it
// also copied the whole document twice to do so.
import { UserError } from "../lib/errors.ts";
import { checkInternalRefs } from "../spec/bundle.ts";
import { schemaProblems } from "../spec/validate.ts";

export interface ValidationProblem {
  pointer: string;
  message: string;
}

/** How many schema problems are listed. */
const SHOWN = 20;

export function validateOpenApi(document: Record<string, unknown>): ValidationProblem[] {
  const problems = schemaProblems(document, "3.1");
  if (problems.length > 0) return problems.slice(0, SHOWN);
  try {
    checkInternalRefs(document, "the scraped spec");
  } catch (error) {
    if (error instanceof UserError) return [{ pointer: "/", message: error.message }];
    throw error;
  }
  return [];
}
