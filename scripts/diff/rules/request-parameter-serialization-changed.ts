// The parameter holds arrays or objects, now written differently on the wire (a=1,2 against a=1&a=2): the
// server misreads what callers send. (Scalars look the same either way; the diff does not report them.)
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-parameter-serialization-changed",
  level: "breaking",
  semver: "major",
  appliesTo: ["parameter-serialization"],
  check: (c) => ({ in: c.in, name: c.name, before: c.before, after: c.after }),
});
