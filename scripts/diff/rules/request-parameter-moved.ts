// Callers send the parameter where the server no longer looks for it.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-parameter-moved",
  level: "breaking",
  semver: "major",
  appliesTo: ["parameter-moved"],
  check: (c) => ({ name: c.name, fromIn: c.from, toIn: c.to }),
});
