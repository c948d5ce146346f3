import { describe, expect, it } from "vitest";
import { crudVerb, verbReads } from "../../../scripts/scrape/read/crud-verbs.ts";

describe("crud verbs: one reading of the words that name operations", () => {
  it("maps the words docs use onto the CRUD verb they stand for", () => {
    expect(
      ["Add", "new", "Get", "fetch", "Show", "read", "Edit", "modify", "Remove", "destroy", "Search"].map(
        crudVerb,
      ),
    ).toEqual([
      "create",
      "create",
      "retrieve",
      "retrieve",
      "retrieve",
      "retrieve",
      "update",
      "update",
      "delete",
      "delete",
      "list",
    ]);
  });

  it("keeps other words as they are, lower-cased, and reads no inherited key", () => {
    expect(crudVerb("Cancel")).toBe("cancel");
    expect(crudVerb("constructor")).toBe("constructor");
    expect(crudVerb("__proto__")).toBe("__proto__");
  });

  it("says which verbs read: list and retrieve and their words, not a write or a delete", () => {
    expect(["List", "Retrieve", "Get", "Fetch", "Search", "Show"].every(verbReads)).toBe(true);
    expect(["Create", "Update", "Delete", "Remove", "Cancel", "toString"].some(verbReads)).toBe(false);
  });
});
