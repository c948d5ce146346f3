// A response default only documents what the server fills in.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-default-changed",
  level: "info",
  semver: "patch",
  appliesTo: ["default"],
  check: (c) => (isResponse(c) ? { before: c.before, after: c.after } : undefined),
});
