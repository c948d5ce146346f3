// Compiled callers import the old name, even where the HTTP contract still holds (an operationId or
// schema rename, a new title).
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "generated-export-renamed",
  level: "breaking",
  semver: "major",
  appliesTo: ["export-renamed"],
  check: (c) => ({
    exportKind: c.exportKind,
    before: c.before,
    after: c.after,
    more: c.others > 0 ? ` (and ${c.others} name${c.others === 1 ? "" : "s"} that go with it)` : "",
  }),
});
