// Fields written as pipe tables: Name | Type | Required | Description, with optional location and default
// columns.
import type { Table, TableCell, TableRow } from "mdast";
import type { JsonSchema } from "../../fragment.ts";
import { parseConstraints, parseTypePhrase } from "../../type-phrase.ts";
import { withEnum } from "../../read/enum.ts";
import { tableColumns as sharedColumns, type Columns } from "../../read/field-tables.ts";
import { namePath } from "../../read/names.ts";
import { readRequired } from "../../read/required.ts";
import { locationOf } from "../../read/sections.ts";
import { codeDefault, codeEnum, type FieldDraft } from "./field-lists.ts";
import { lineOf, textOf, type Ctx, warn } from "./nodes.ts";
import type { Zone } from "./statements.ts";

interface TableColumns extends Columns {
  name: number;
}

/** The columns of a field table (the shared column reader), or undefined when it is not one: a name column and a type or description. */
export function tableColumns(table: Table): TableColumns | undefined {
  const header = table.children[0]?.children.map((c) => textOf(c)) ?? [];
  const columns = sharedColumns(header);
  const { name } = columns;
  if (name === undefined || (columns.type === undefined && columns.description === undefined))
    return undefined;
  return { ...columns, name };
}

/** "options.document" and "items[].name" name nested nodes; `expand[]` is an array field of its own. */
function tablePath(name: string): { path: string[]; array: boolean } {
  const named = namePath(name);
  return named ? { path: named.path, array: named.array } : { path: [name], array: false };
}

export function readTable(table: Table, zone: Zone, ctx: Ctx): FieldDraft[] {
  const columns = tableColumns(table);
  if (!columns) return [];
  const width = table.children[0]?.children.length ?? 0;
  const drafts: FieldDraft[] = [];
  for (const row of table.children.slice(1)) {
    if (row.children.length < width) {
      warn(
        ctx,
        lineOf(row),
        `table row has ${row.children.length} of ${width} cells: cells are missing (cut off?)`,
      );
    }
    const draft = readTableRow(row, columns, zone);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function readTableRow(row: TableRow, columns: TableColumns, zone: Zone): FieldDraft | undefined {
  const cellNode = (i: number | undefined): TableCell | undefined =>
    i === undefined ? undefined : row.children[i];
  const cell = (i: number | undefined, ticks = false): string => {
    const node = cellNode(i);
    return node ? textOf(node, ticks) : "";
  };
  // "amount *" and "amount (required)" mark required names when there is no Required column.
  const rawName = cell(columns.name);
  const name = rawName.replace(/(?<!\s)\s*(?:\*|\((?:required|optional)\))$/i, "").trim();
  if (!name) return undefined;
  const typeText = cell(columns.type);
  const location = locationOf(cell(columns.in));
  const named = tablePath(name);
  const draft: FieldDraft = {
    path: named.path,
    line: lineOf(row),
    zone: location ? { kind: "params", location } : zone,
  };
  let schema = tableSchema(typeText, cell(columns.description, true), cell(columns.default));
  // `expand[]` is an array whatever the Type column says; the type then describes its items.
  if (named.array && schema?.type !== "array")
    schema = schema ? { type: "array", items: schema } : { type: "array" };
  if (schema) draft.schema = schema;
  const required =
    columns.required !== undefined
      ? readRequired(cell(columns.required), false)
      : /(?:\*|\(required\))$/i.test(rawName) || undefined;
  if (required !== undefined && zone.kind !== "response") draft.required = required;
  const description = cell(columns.description);
  if (description) draft.description = description;
  if (/\bdeprecated\b/i.test(typeText)) draft.deprecated = true;
  return draft;
}

/** A row's schema: the type cell, constraints beside it, code enums and a code default in the description. */
function tableSchema(
  typeText: string,
  tickedDescription: string,
  defaultCell: string,
): JsonSchema | undefined {
  let schema = parseTypePhrase(typeText) ?? parseTypePhrase(typeText.split(/[\s,(]/)[0] ?? "");
  const values = codeEnum(tickedDescription);
  if (values) schema = withEnum(schema, values);
  if (!schema) return undefined;
  Object.assign(schema, parseConstraints(typeText.replace(/^\S+/, ""), schema));
  Object.assign(schema, codeDefault(tickedDescription, schema));
  const stated = defaultCell.replace(/^`|`$/g, "");
  if (stated && stated !== "-") Object.assign(schema, parseConstraints(`Defaults to \`${stated}\``, schema));
  return schema;
}
