// Every spec is checked against the official OpenAPI 3.1 schema (via @seriousme/openapi-schema-validator)
// before it is written; a spec that fails is a bug in the merge or the overlay, and nothing is written.
import { Validator } from "@seriousme/openapi-schema-validator";

export interface ValidationProblem {
  pointer: string;
  message: string;
}

// Building a validator compiles the OpenAPI meta-schema, which costs far more than one validation: build
// it once per process.
let shared: Validator | undefined;

export async function validateOpenApi(document: Record<string, unknown>): Promise<ValidationProblem[]> {
  const validator = (shared ??= new Validator());
  // The validator may annotate what it is given; hand it a copy.
  const result = await validator.validate(structuredClone(document));
  if (result.valid) return [];
  const errors = Array.isArray(result.errors) ? result.errors : [{ message: String(result.errors) }];
  return errors.slice(0, 20).map((e: { instancePath?: string; message?: string; params?: unknown }) => ({
    pointer: e.instancePath || "/",
    message: `${e.message ?? "invalid"}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`,
  }));
}
