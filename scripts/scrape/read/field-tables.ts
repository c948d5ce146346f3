// Fields, part 3: parameter tables, read through the roles their header cells name (name, type, required,
// description, location, default, values, status).
import { plain, type Row } from "./blocks.ts";
import { applyInfo, parseNameLead } from "./field-lists.ts";
import { coerce, describe, enrichSchema, parseTypeCell, type FieldSpec } from "./field-types.ts";
import { readEnumStatement, withEnum } from "./enum.ts";
import { readRequired } from "./required.ts";
import { locationOf, markedLocation } from "./sections.ts";

export interface Columns {
  name?: number;
  type?: number;
  required?: number;
  description?: number;
  in?: number;
  default?: number;
  values?: number;
  status?: number;
}

function columnRole(cell: string): keyof Columns | undefined {
  const t = plain(cell)
    .toLowerCase()
    .replace(/[:?*]$/, "")
    .trim();
  if (/^(in|location|param(eter)? ?type|placement|where)$/.test(t)) return "in";
  if (/^(http )?(status|status code|code|http code|response code)$/.test(t)) return "status";
  if (/^(\w+ )?(name|param|parameter|field|property|key|attribute|argument|header)s?( name)?$/.test(t))
    return "name";
  if (/^(data ?type|type|schema|format|value type|kind)$/.test(t)) return "type";
  if (/^(required|req\.?|mandatory|optional|presence|required\/optional)$/.test(t)) return "required";
  if (/^(description|desc|details|notes?|comments?|meaning|explanation|purpose|info|summary)$/.test(t))
    return "description";
  if (/^default( value)?$/.test(t)) return "default";
  if (/^((allowed|possible|accepted|valid|supported) values|values|enum|enum values|options)$/.test(t))
    return "values";
  return undefined;
}

export function tableColumns(header: string[]): Columns {
  const cols: Columns = {};
  header.forEach((cell, i) => {
    const role = columnRole(cell);
    if (role && cols[role] === undefined) cols[role] = i;
  });
  return cols;
}

/** One row of a parameter table, read through the columns its header names. */
export function rowSpec(row: Row, cols: Columns): FieldSpec | undefined {
  const cell = (i: number | undefined): string => (i === undefined ? "" : (row.cells[i] ?? ""));
  const lead = parseNameLead(cell(cols.name));
  if (!lead) return undefined;
  const spec: FieldSpec = { name: lead.name, typed: true };
  // Without a type column the name cell may carry the type: "id (string, required)".
  const nameInfo = parseTypeCell(lead.rest);
  applyInfo(spec, cols.type !== undefined ? parseTypeCell(cell(cols.type)) : nameInfo);
  const said = describe(cell(cols.description));
  spec.required =
    readRequired(cell(cols.required)) ?? spec.required ?? lead.required ?? nameInfo.required ?? said.required;
  if (nameInfo.deprecated || said.deprecated) spec.deprecated = true;
  spec.location =
    locationOf(plain(cell(cols.in))) ??
    spec.location ??
    nameInfo.location ??
    markedLocation(said.description ?? "");
  if (said.description) spec.description = said.description;
  let schema = spec.schema;
  const def = plain(cell(cols.default));
  if (def && def !== "-") schema = { ...(schema ?? {}), default: coerce(def, schema) };
  const values = cell(cols.values);
  const listed = values ? readEnumStatement(`one of ${values}`)?.values : undefined;
  if (listed?.length) schema = withEnum(schema ?? {}, listed);
  schema = enrichSchema(schema, said.description ?? "");
  if (schema) spec.schema = schema;
  else delete spec.schema;
  if (spec.required === undefined) delete spec.required;
  if (spec.location === undefined) delete spec.location;
  return spec;
}
