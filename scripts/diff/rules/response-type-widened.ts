// Callers may get values their code does not expect.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-type-widened",
  level: "breaking",
  semver: "major",
  appliesTo: ["type"],
  check: (c) =>
    isResponse(c) && c.relation === "widened" ? { before: c.before, after: c.after } : undefined,
});
