// Callers that read the header lose it; it was optional, so careful ones cope.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "response-optional-header-removed",
  level: "warning",
  semver: "minor",
  appliesTo: ["response-header-removed"],
  check: (c) => (c.required ? undefined : { status: c.status, name: c.name }),
});
