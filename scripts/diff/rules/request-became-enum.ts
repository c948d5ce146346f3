// Any value was accepted; now only the listed ones are.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-became-enum",
  level: "breaking",
  semver: "major",
  appliesTo: ["enum-presence"],
  check: (c) => (isRequest(c) && c.enum ? { values: c.values.join(", ") } : undefined),
});
