// New operations break nobody.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "operation-added",
  level: "info",
  semver: "minor",
  appliesTo: ["operation-added"],
  check: () => ({}),
});
