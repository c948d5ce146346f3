// Callers' null handling is merely unused.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-nullable-removed",
  level: "info",
  semver: "patch",
  appliesTo: ["nullable"],
  check: (c) => (isResponse(c) && !c.nullable ? {} : undefined),
});
