// JSDoc from the spec's words, in markdown (editors render JSDoc as markdown): HTML in a description
// becomes its markdown form (scripts/lib/html-to-markdown.ts). A description may hold "*/", which would
// end the comment early and turn the rest into code: it is broken up, as are line separators that some
// tools treat as line ends.
import type { JSDocStructure } from "ts-morph";
import { StructureKind } from "./code-file.ts";
import { htmlToMarkdown } from "../scripts/lib/html-to-markdown.ts";

export function docText(text: string): string {
  return htmlToMarkdown(text)
    .replace(/\*\//g, "*\\/")
    .replace(/[\u2028\u2029]/g, " ")
    .replace(/\r\n?/g, "\n")
    .trim();
}

export function jsDoc(source: {
  summary?: string;
  description?: string;
  deprecated?: boolean;
}): JSDocStructure[] {
  const parts = [source.summary, source.description].filter(
    (t): t is string => typeof t === "string" && t.trim() !== "",
  );
  const unique = parts.filter((p, i) => parts.indexOf(p) === i).map(docText);
  const tags = source.deprecated ? [{ tagName: "deprecated" }] : [];
  if (unique.length === 0 && tags.length === 0) return [];
  return [{ kind: StructureKind.JSDoc, description: unique.join("\n\n"), tags }];
}
