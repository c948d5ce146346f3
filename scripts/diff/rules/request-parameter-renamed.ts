// Callers send the old name, which the server no longer reads.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-parameter-renamed",
  level: "breaking",
  semver: "major",
  appliesTo: ["parameter-renamed"],
  check: (c) => ({ in: c.in, from: c.from, to: c.to }),
});
