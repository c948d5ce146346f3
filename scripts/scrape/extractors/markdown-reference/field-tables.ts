// Fields written as pipe tables: Name | Type | Required | Description, with optional location and default
// columns.
import type { Table, TableCell, TableRow } from "mdast";
import type { JsonSchema, ParameterLocation } from "../../fragment.ts";
import { parseConstraints, parseTypePhrase } from "../../type-phrase.ts";
import { codeDefault, codeEnum, type FieldDraft, withEnum } from "./field-lists.ts";
import { lineOf, textOf, type Ctx, warn } from "./nodes.ts";
import type { Zone } from "./statements.ts";

interface TableColumns {
  name: number;
  type?: number;
  required?: number;
  description?: number;
  location?: number;
  default?: number;
}

export function tableColumns(table: Table): TableColumns | undefined {
  const header = table.children[0]?.children.map((c) => textOf(c).toLowerCase()) ?? [];
  const find = (re: RegExp): number | undefined => {
    const i = header.findIndex((h) => re.test(h));
    return i >= 0 ? i : undefined;
  };
  const name = find(/^(?:name|parameter|param|field|attribute|property|key)s?$/);
  const columns: TableColumns | undefined = name === undefined ? undefined : { name };
  if (!columns) return undefined;
  const optional: [keyof TableColumns, RegExp][] = [
    ["type", /^(?:type|data type|schema)$/],
    ["required", /^required\??$/],
    ["description", /^(?:description|details|notes?)$/],
    ["location", /^(?:in|location|where)$/],
    ["default", /^default(?: value)?$/],
  ];
  for (const [key, re] of optional) {
    const i = find(re);
    if (i !== undefined) columns[key] = i;
  }
  return columns.type !== undefined || columns.description !== undefined ? columns : undefined;
}

function readRequiredCell(text: string): boolean | undefined {
  if (/^(?:yes|true|required|✓|✔|x)$/i.test(text)) return true;
  if (/^(?:no|false|optional|-|—|)$/i.test(text)) return false;
  return undefined;
}

/** "options.document" and "items[].name" name nested nodes; `expand[]` is a name of its own. */
function tablePath(name: string): string[] {
  const parts = name.split(".");
  if (parts.length < 2 || parts.some((p) => !/^[A-Za-z_$][\w$-]*(?:\[\])?$/.test(p))) return [name];
  return parts.map((p, i) => (i < parts.length - 1 ? p.replace(/\[\]$/, "") : p));
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
  const location = readLocation(cell(columns.location));
  const draft: FieldDraft = {
    path: tablePath(name),
    line: lineOf(row),
    zone: location ? { kind: "params", location } : zone,
  };
  const schema = tableSchema(typeText, cell(columns.description, true), cell(columns.default));
  if (schema) draft.schema = schema;
  const required =
    columns.required !== undefined
      ? readRequiredCell(cell(columns.required))
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

function readLocation(text: string): ParameterLocation | "body" | undefined {
  const t = text.toLowerCase();
  if (t === "path" || t === "query" || t === "header" || t === "cookie") return t;
  if (t === "body" || t === "form" || t === "formdata") return "body";
  return undefined;
}
