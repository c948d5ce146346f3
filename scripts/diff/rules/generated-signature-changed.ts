// Compiled callers use the old return type (a page iterator became a plain promise, or back). A params
// argument that became required comes with the HTTP change that made it so, which is reported instead.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "generated-signature-changed",
  level: "breaking",
  semver: "major",
  appliesTo: ["signature-changed"],
  check: (c) => (c.part === "returns" ? { name: c.name, before: c.before, after: c.after } : undefined),
});
