// A deprecation warns callers; nothing breaks yet.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "property-deprecated",
  level: "info",
  semver: "minor",
  appliesTo: ["property-deprecated"],
  check: (c) => ({ name: c.name }),
});
