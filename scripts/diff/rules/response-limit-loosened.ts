// Callers may get values outside the limits their code (or storage) assumes.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-limit-loosened",
  level: "warning",
  semver: "minor",
  appliesTo: ["limit"],
  check: (c) =>
    isResponse(c) && c.relation !== "tightened"
      ? { keyword: c.keyword, before: c.before, after: c.after }
      : undefined,
});
