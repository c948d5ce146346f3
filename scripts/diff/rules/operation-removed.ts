// One method of a path gone: calls to it now fail.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "operation-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["operation-removed"],
  check: (c) => (c.deprecated ? undefined : {}),
});
