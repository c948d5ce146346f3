// Seed 003's layout (LAYOUTS.md family 2): a docs.stripe.com API reference page captured as markdown, one
// page per resource with up to five operations. The site's navigation links first; per operation a
// `# Title`, a link to itself (`[Title](/api/<resource>/<action>)`), the description, then one list item
// per field with everything glued: `- nameTYPE` (+ `Required`), the description, `Show child parameters`
// for a field with children (collapsed), `Possible enum values` and the values run together; the
// description again as its own paragraph; `No parameters.` when there are none; the Returns sentence.
// No method, no path, no curl: the title and the link are all that name the operation.
//
// Facts it claims: the operation (at its link; a scraper places it by the title's verb and the link's
// path, issue 12 step 2); for each listed field its existence, required and its type when the type word
// names one JSON type. Not claimed: enum values (run together with no separator, so a reader cannot
// split them), path parameters (no request line), formats, limits, nullable, status codes.
import type { Perturbations, RenderApi, RenderOperation, RenderedPage, Renderer } from "../types.ts";
import { operationFact } from "../facts.ts";
import { enumValues } from "../schema-walk.ts";
import { FOOTER_LINES, PageWriter, fieldName, flattenToOneLine, navigationLines } from "./page-writer.ts";
import { valueText } from "./schema-text.ts";
import {
  type ListedField,
  docsLinkOf,
  listedFields,
  paragraphs,
  resourcePages,
  returnsText,
  stripeTypeWord,
  titleOf,
} from "./stripe-docs.ts";

/** The site's own navigation, as the seed's capture starts. */
const SITE_LINKS = [
  "- API Reference",
  "- Docs",
  "[Docs](/)",
  "- Support",
  "[Support](https://support.stripe.com)",
  "- Sign in →",
  "[Sign in →](https://dashboard.stripe.com/login)",
];

function writeField(w: PageWriter, field: ListedField, perturbations: Perturbations): void {
  w.write(
    `- ${fieldName(field.name, perturbations)}${stripeTypeWord(field.schema)}${field.required ? "Required" : ""}`,
  );
  w.place(...field.facts);
  const description = paragraphs(field.description);
  w.write(description.join(" "));
  if (field.hasChildren) w.write("Show child parameters");
  const values = enumValues(field.schema);
  if (values && values.length > 0) w.write(`Possible enum values${values.map(valueText).join("")}`);
  w.write("\n\n");
  for (const p of description) w.write(`${p}\n\n`);
}

function writeOperation(w: PageWriter, op: RenderOperation, perturbations: Perturbations): void {
  const title = titleOf(op);
  w.write(`# ${title}\n\n[${title}](${docsLinkOf(op)})`);
  w.place(operationFact(op));
  w.write("\n\n");
  for (const p of paragraphs(op.description)) w.write(`${p}\n\n`);
  const { main, more } = listedFields(op);
  if (main.length + more.length === 0) w.write("No parameters.\n\n");
  for (const field of [...main, ...more]) writeField(w, field, perturbations);
  w.write(`${returnsText(op)}\n\n`);
}

function renderPage(
  api: RenderApi,
  ops: readonly RenderOperation[],
  file: string,
  perturbations: Perturbations,
): RenderedPage {
  const w = new PageWriter();
  if (perturbations.navigationNoise) for (const line of navigationLines(api)) w.write(`- ${line}\n\n`);
  for (const line of SITE_LINKS) w.write(`${line}\n\n`);
  for (const op of ops) writeOperation(w, op, perturbations);
  if (perturbations.navigationNoise) w.write(FOOTER_LINES.join("\n\n"));
  const page = w.page(file);
  return perturbations.flattenedToOneLine ? flattenToOneLine(page) : page;
}

export const seed003: Renderer = {
  name: "seed-003",
  imitates: "seed 003 (LAYOUTS.md family 2, docs.stripe.com markdown)",
  perturbations: ["flattenedToOneLine", "namesBrokenAtUnderscores", "navigationNoise"],
  render(api: RenderApi, perturbations: Perturbations): RenderedPage[] {
    return resourcePages(api.operations, ".md").map(({ file, operations }) =>
      renderPage(api, operations, file, perturbations),
    );
  },
};
