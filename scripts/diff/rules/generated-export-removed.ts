// Compiled callers import a name that is gone. Names that go with a removed operation are covered by
// that operation's own finding.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "generated-export-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["export-removed"],
  check: (c) => (c.withOperation ? undefined : { exportKind: c.exportKind, name: c.name }),
});
