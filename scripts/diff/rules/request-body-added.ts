// An optional body changes nothing for callers that send none.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-body-added",
  level: "info",
  semver: "minor",
  appliesTo: ["request-body-added"],
  check: () => ({}),
});
