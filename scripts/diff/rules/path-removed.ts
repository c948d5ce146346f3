// A whole path gone: every call to it now fails.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "path-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["path-removed"],
  check: (c) => (c.deprecated ? undefined : { path: c.path }),
});
