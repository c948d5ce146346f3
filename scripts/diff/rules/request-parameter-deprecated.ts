// A deprecation warns callers; nothing breaks yet.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-parameter-deprecated",
  level: "info",
  semver: "minor",
  appliesTo: ["parameter-deprecated"],
  check: (c) => ({ in: c.in, name: c.name }),
});
