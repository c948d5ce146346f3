// Seed 003's layout (LAYOUTS.md family 2): a docs.stripe.com API reference page captured as markdown, one
// page per resource with up to five operations. The site's navigation links first; per operation a
// `# Title`, a link to itself (`[Title](/api/<resource>/<action>)`), the description, then one list item
// per field with everything glued: `- nameTYPE` (+ `Required`), the description, `Show child parameters`
// for a field with children (collapsed), `Possible enum values` and the values run together; the
// description again as its own paragraph; `No parameters.` when there are none; the Returns sentence.
// No method, no path, no curl: the title and the link are all that name the operation.
//
// Facts it claims: only for an operation whose route its link names (below), the operation and, for each
// listed field in the place the method puts fields (the query of a GET or DELETE, the body of a POST), its
// existence, required and its type when the type word names one JSON type. Not claimed: enum values (run
// together with no separator, so a reader cannot split them), path parameters (no request line), formats,
// limits, nullable, status codes.
//
// What a link names: the page shows no method and no path, only `/api/<literal segments>/<action>`. By REST
// convention `create` and `list` name POST and GET on those segments and `retrieve` and `delete` name GET
// and DELETE on one item under them; that is the route the page shows, when it is the operation's route
// and no other operation of the site carries the same link. `update` does not show its method (POST at
// Stripe, PUT or PATCH elsewhere), a custom action neither its method nor where it sits, and a path with a
// template before its last literal (`/a/{a}/b`) gets the link of its first segments (`/api/a/create`):
// their pages show fields under a title, but not the operation those fields belong to.
import type { Perturbations, RenderApi, RenderOperation, RenderedPage, Renderer } from "../types.ts";
import { operationFact, operationKey } from "../facts.ts";
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

/** `/api/<segments>/<crud verb>` -> the route key it names by REST convention ("GET /x/{}"), if any. */
function linkedRoute(link: string): string | undefined {
  // A `#` or `?` ends a link's path: `/api/#X-Amz-Target=Svc.Op/create` links to `/api/`, an anchor after it.
  if (/[#?]/.test(link)) return undefined;
  const parts = link.split("/").filter((p) => p !== "");
  const action = parts.pop();
  const collection = `/${parts.slice(1).join("/")}`;
  switch (action) {
    case "create":
      return `POST ${collection}`;
    case "list":
      return `GET ${collection}`;
    case "retrieve":
      return `GET ${collection}/{}`;
    case "delete":
      return `DELETE ${collection}/{}`;
    default:
      return undefined;
  }
}

/** Whether the page shows where an operation is: its link names its route, and no other operation shares it. */
function routeShown(op: RenderOperation, linkCounts: ReadonlyMap<string, number>): boolean {
  const link = docsLinkOf(op);
  return linkCounts.get(link) === 1 && linkedRoute(link) === operationKey(op);
}

/** The site's links and how many operations carry each. */
function countLinks(operations: readonly RenderOperation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const op of operations) counts.set(docsLinkOf(op), (counts.get(docsLinkOf(op)) ?? 0) + 1);
  return counts;
}

/** Whether a listed field is where the operation's method puts fields: the query of a GET or DELETE, else the body. */
function inPlaceOfMethod(op: RenderOperation, field: ListedField): boolean {
  const where = field.facts[0]?.where ?? "";
  return ["get", "delete"].includes(op.method) ? where.startsWith("query.") : where.startsWith("body.");
}

function writeField(w: PageWriter, field: ListedField, perturbations: Perturbations, shown: boolean): void {
  w.write(
    `- ${fieldName(field.name, perturbations)}${stripeTypeWord(field.schema)}${field.required ? "Required" : ""}`,
  );
  if (shown) w.place(...field.facts);
  const description = paragraphs(field.description);
  w.write(description.join(" "));
  if (field.hasChildren) w.write("Show child parameters");
  const values = enumValues(field.schema);
  if (values && values.length > 0) w.write(`Possible enum values${values.map(valueText).join("")}`);
  w.write("\n\n");
  for (const p of description) w.write(`${p}\n\n`);
}

function writeOperation(
  w: PageWriter,
  op: RenderOperation,
  perturbations: Perturbations,
  shown: boolean,
): void {
  const title = titleOf(op);
  w.write(`# ${title}\n\n[${title}](${docsLinkOf(op)})`);
  if (shown) w.place(operationFact(op));
  w.write("\n\n");
  for (const p of paragraphs(op.description)) w.write(`${p}\n\n`);
  const { main, more } = listedFields(op);
  if (main.length + more.length === 0) w.write("No parameters.\n\n");
  for (const field of [...main, ...more])
    writeField(w, field, perturbations, shown && inPlaceOfMethod(op, field));
  w.write(`${returnsText(op)}\n\n`);
}

function renderPage(
  api: RenderApi,
  ops: readonly RenderOperation[],
  file: string,
  perturbations: Perturbations,
  linkCounts: ReadonlyMap<string, number>,
): RenderedPage {
  const w = new PageWriter();
  if (perturbations.navigationNoise) for (const line of navigationLines(api)) w.write(`- ${line}\n\n`);
  for (const line of SITE_LINKS) w.write(`${line}\n\n`);
  for (const op of ops) writeOperation(w, op, perturbations, routeShown(op, linkCounts));
  if (perturbations.navigationNoise) w.write(FOOTER_LINES.join("\n\n"));
  const page = w.page(file);
  return perturbations.flattenedToOneLine ? flattenToOneLine(page) : page;
}

export const seed003: Renderer = {
  name: "seed-003",
  imitates: "seed 003 (LAYOUTS.md family 2, docs.stripe.com markdown)",
  perturbations: ["flattenedToOneLine", "namesBrokenAtUnderscores", "navigationNoise"],
  render(api: RenderApi, perturbations: Perturbations): RenderedPage[] {
    const linkCounts = countLinks(api.operations);
    return resourcePages(api.operations, ".md").map(({ file, operations }) =>
      renderPage(api, operations, file, perturbations, linkCounts),
    );
  },
};
