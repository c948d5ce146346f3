// A deprecation is a warning to callers, not a break.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "operation-deprecated",
  level: "info",
  semver: "minor",
  appliesTo: ["operation-deprecated"],
  check: () => ({}),
});
