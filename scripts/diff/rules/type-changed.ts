// Neither type contains the other: breaking in either direction.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "type-changed",
  level: "breaking",
  semver: "major",
  appliesTo: ["type"],
  check: (c) => (c.relation === "changed" ? { before: c.before, after: c.after } : undefined),
});
