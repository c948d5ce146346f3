// Removing what was deprecated earlier is the announced end of it: callers were warned. Still a major
// version for the generated package, whose function goes away.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "deprecated-operation-removed",
  level: "info",
  semver: "major",
  appliesTo: ["path-removed", "operation-removed"],
  check: (c) => (c.deprecated ? {} : undefined),
});
