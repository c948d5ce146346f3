// `type` and the keywords that only apply to one kind of value, as one if/else chain on the value's kind:
// string keywords run inside `typeof v === "string"`, object keywords inside the object branch, and so on.
// A declared `type` adds a final else that reports the mismatch and skips the schema's other keywords.
import { emitArrayKeywords } from "./emit-arrays.ts";
import { emitObjectKeywords } from "./emit-objects.ts";
import { emitNumberKeywords, emitStringKeywords } from "./emit-scalars.ts";
import type { Compiler, FunctionScope, Place } from "./compiler.ts";
import { ownValue, type SchemaObject } from "./keywords.ts";
import { typeMessage } from "./messages.ts";
import type { NodeInfo } from "./registry.ts";

const KNOWN_TYPES = ["string", "number", "integer", "boolean", "null", "array", "object"];

/** The declared types, in a fixed order; undefined when `type` is absent (or not usable). */
export function declaredTypes(schema: SchemaObject): string[] | undefined {
  const type = ownValue(schema, "type");
  const list = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
  if (!list || list.length === 0) return undefined;
  const known = KNOWN_TYPES.filter((name) => list.includes(name));
  return known.length > 0 ? known : undefined;
}

interface Branch {
  condition: string;
  code: string;
}

export interface TypeSwitch {
  code: string;
  /** The code ends the schema's label block on a type mismatch (`break label`). */
  breaks: boolean;
}

function allows(types: string[] | undefined, type: string): boolean {
  return types === undefined || types.includes(type);
}

function declares(types: string[] | undefined, type: string): boolean {
  return types !== undefined && types.includes(type);
}

export function emitTypeSwitch(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
  /** The schema's label block to leave on a type mismatch; null when nothing follows the switch. */
  label: string | null,
): TypeSwitch {
  const v = place.value;
  const types = info.vocabularies.validation ? declaredTypes(schema) : undefined;
  const numeric = allows(types, "number") || allows(types, "integer");
  const branches: Branch[] = [];
  const stringCode = allows(types, "string") ? emitStringKeywords(c, schema, info, place) : "";
  if (stringCode !== "" || declares(types, "string")) {
    branches.push({ condition: `typeof ${v} === "string"`, code: stringCode });
  }
  const numberCode = numeric ? emitNumberKeywords(c, schema, info, place) : "";
  if (declares(types, "number")) branches.push({ condition: `Number.isFinite(${v})`, code: numberCode });
  else if (declares(types, "integer"))
    branches.push({ condition: `Number.isInteger(${v})`, code: numberCode });
  else if (numberCode !== "") branches.push({ condition: `typeof ${v} === "number"`, code: numberCode });
  const arrayCode = allows(types, "array") ? emitArrayKeywords(c, schema, info, place, scope) : "";
  const hasArray = arrayCode !== "" || declares(types, "array");
  if (hasArray) branches.push({ condition: `Array.isArray(${v})`, code: arrayCode });
  const objectCode = allows(types, "object") ? emitObjectKeywords(c, schema, info, place, scope) : "";
  if (objectCode !== "" || declares(types, "object")) {
    const condition = hasArray
      ? `typeof ${v} === "object" && ${v} !== null`
      : `typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v})`;
    branches.push({ condition, code: objectCode });
  }
  if (declares(types, "boolean")) branches.push({ condition: `typeof ${v} === "boolean"`, code: "" });
  if (declares(types, "null")) branches.push({ condition: `${v} === null`, code: "" });

  if (branches.length === 0) return { code: "", breaks: false };
  const leave = label === null ? "" : `\nbreak ${label};`;
  const mismatch = types === undefined ? "" : `${c.fail(place.pointer, "type", typeMessage(types))}${leave}`;
  // Only kind checks, no keywords: one negated condition.
  if (branches.every((branch) => branch.code === "")) {
    if (mismatch === "") return { code: "", breaks: false };
    const any = branches.map((branch) => `(${branch.condition})`).join(" || ");
    return { code: `if (!(${any})) {\n${mismatch}\n}`, breaks: label !== null };
  }
  let code = "";
  for (let i = 0; i < branches.length; i++) {
    const branch = branches[i] as Branch;
    code += `${i === 0 ? "if" : "} else if"} (${branch.condition}) {\n${branch.code}${branch.code ? "\n" : ""}`;
  }
  code += mismatch === "" ? "}" : `} else {\n${mismatch}\n}`;
  return { code, breaks: mismatch !== "" && label !== null };
}
