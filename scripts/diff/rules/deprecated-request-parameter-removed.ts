// A parameter deprecated earlier is gone: announced, so information, though its type goes too.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "deprecated-request-parameter-removed",
  level: "info",
  semver: "major",
  appliesTo: ["parameter-removed"],
  check: (c) => (c.deprecated ? { in: c.in, name: c.name } : undefined),
});
