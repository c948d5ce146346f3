// Everything callers get was possible before.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-type-narrowed",
  level: "info",
  semver: "patch",
  appliesTo: ["type"],
  check: (c) =>
    isResponse(c) && c.relation === "narrowed" ? { before: c.before, after: c.after } : undefined,
});
