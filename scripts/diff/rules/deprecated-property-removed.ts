// A property deprecated earlier is gone: announced, so information, though its type goes too.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "deprecated-property-removed",
  level: "info",
  semver: "major",
  appliesTo: ["property-removed"],
  check: (c) => (c.deprecated ? { name: c.name } : undefined),
});
