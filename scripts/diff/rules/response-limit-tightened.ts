// Everything callers get was possible before.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-limit-tightened",
  level: "info",
  semver: "patch",
  appliesTo: ["limit"],
  check: (c) =>
    isResponse(c) && c.relation === "tightened"
      ? { keyword: c.keyword, before: c.before, after: c.after }
      : undefined,
});
