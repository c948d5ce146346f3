// The title of a page without a request line, read above its first section (LAYOUTS.md family 7, ReadMe:
// a title, maybe a description, the try-it console; a capture's navigation tree above them).
import { describe, expect, it } from "vitest";
import { titleAboveSections } from "../../../scripts/scrape/read/page-title.ts";

const CONSOLE = [
  "Recent Requests",
  "Log in to see full request history",
  "TimeStatusUser Agent",
  "LoadingLoading…",
];
const NAV = [
  "Skip to main content",
  "Widgets API docs",
  "Search...",
  "API Reference",
  "Create a widget",
  "Changelog",
];

function titleOf(lines: string[]): string | undefined {
  return titleAboveSections(lines.map((text, i) => ({ text, source: { file: "p.txt", line: i + 1 } })))?.text;
}

describe("titleAboveSections", () => {
  it.each([
    [
      "the first line, above a description",
      ["Get a widget", "Returns a widget.", ...CONSOLE],
      "Get a widget",
    ],
    ["the first line, above a short description", ["Get a widget", "Returns one widget"], "Get a widget"],
    [
      "the line a navigation tree listed too",
      [...NAV, "Create a widget", "Creates one.", ...CONSOLE],
      "Create a widget",
    ],
    [
      "under a navigation tree, the line above the description",
      [...NAV, "Delete a widget", "Deletes it."],
      "Delete a widget",
    ],
    [
      "under a navigation tree, the last line when there is no description",
      [...NAV, "List gadgets", ...CONSOLE],
      "List gadgets",
    ],
    [
      "under a navigation tree, the title a short description without full stop says again",
      [...NAV, "Create sprocket", "Create a new Sprocket by sending its size", ...CONSOLE],
      "Create sprocket",
    ],
  ])("%s", (_, lines, title) => {
    expect(titleOf(lines)).toBe(title);
  });

  it("finds no title in type lines or sentences", () => {
    expect(titleOf(["string", "string"])).toBeUndefined();
    expect(titleOf(["Returns the widget.", ...CONSOLE])).toBeUndefined();
  });
});
