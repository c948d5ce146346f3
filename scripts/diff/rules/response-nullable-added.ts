// Callers get null where their code expects a value.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-nullable-added",
  level: "breaking",
  semver: "major",
  appliesTo: ["nullable"],
  check: (c) => (isResponse(c) && c.nullable ? {} : undefined),
});
