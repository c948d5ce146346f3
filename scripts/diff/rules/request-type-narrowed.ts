// Callers may send values of the old type that the new one refuses.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-type-narrowed",
  level: "breaking",
  semver: "major",
  appliesTo: ["type"],
  check: (c) =>
    isRequest(c) && c.relation === "narrowed" ? { before: c.before, after: c.after } : undefined,
});
