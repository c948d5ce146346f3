// Announced earlier by its deprecation.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "deprecated-webhook-removed",
  level: "info",
  semver: "patch",
  appliesTo: ["webhook-removed"],
  check: (c) => (c.deprecated ? { name: c.name } : undefined),
});
