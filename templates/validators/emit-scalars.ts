// String keywords (minLength, maxLength counted in code points, pattern, format) and number keywords
// (minimum, maximum, exclusive bounds, multipleOf), emitted inside the matching kind branch.
import type { Compiler, Place } from "./compiler.ts";
import { ownValue, type SchemaObject } from "./keywords.ts";
import { lit } from "./literal.ts";
import { messages } from "./messages.ts";
import { compilePattern } from "./patterns.ts";
import { lines } from "./lines.ts";
import type { NodeInfo } from "./registry.ts";

/** Formats asserted for request validation, and the runtime check for each. */
const FORMAT_CHECKS: Record<string, { helper: string; name: string }> = {
  "date-time": { helper: "isDateTime", name: "date-time (RFC 3339)" },
  date: { helper: "isDate", name: "date (RFC 3339 full-date)" },
  email: { helper: "isEmail", name: "email address" },
  uri: { helper: "isUri", name: "absolute URI" },
  uuid: { helper: "isUuid", name: "UUID" },
};

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function emitStringKeywords(c: Compiler, schema: SchemaObject, info: NodeInfo, place: Place): string {
  const v = place.value;
  const code: string[] = [];
  if (info.vocabularies.validation) {
    const min = count(ownValue(schema, "minLength"));
    if (min !== undefined && min > 0) {
      // Code points >= ceil(length / 2): a string of 2*min units or more is long enough without counting.
      const cpl = c.module.helper("codePointLength");
      const check =
        min === 1
          ? `${v}.length === 0`
          : `${v}.length < ${min} || (${v}.length < ${2 * min - 1} && ${cpl}(${v}) < ${min})`;
      code.push(`if (${check}) {\n${c.fail(place.pointer, "minLength", messages.minLength(min))}\n}`);
    }
    const max = count(ownValue(schema, "maxLength"));
    if (max !== undefined) {
      // Code points <= length: only a string longer than max units needs counting.
      const cpl = c.module.helper("codePointLength");
      code.push(
        `if (${v}.length > ${max} && ${cpl}(${v}) > ${max}) {\n${c.fail(place.pointer, "maxLength", messages.maxLength(max))}\n}`,
      );
    }
    const pattern = ownValue(schema, "pattern");
    if (typeof pattern === "string") {
      const regex = compilePattern(c, pattern, `${info.location}/pattern`);
      if (regex)
        code.push(
          `if (!${regex}.test(${v})) {\n${c.fail(place.pointer, "pattern", messages.pattern(pattern))}\n}`,
        );
    }
  }
  const format = ownValue(schema, "format");
  if (typeof format === "string" && info.vocabularies.formatAssertion) {
    const check = Object.prototype.hasOwnProperty.call(FORMAT_CHECKS, format)
      ? FORMAT_CHECKS[format]
      : undefined;
    if (check) {
      const helper = c.module.helper(check.helper);
      code.push(
        `if (!${helper}(${v})) {\n${c.fail(place.pointer, "format", messages.format(check.name))}\n}`,
      );
    }
  }
  return lines(code);
}

export function emitNumberKeywords(c: Compiler, schema: SchemaObject, info: NodeInfo, place: Place): string {
  if (!info.vocabularies.validation) return "";
  const v = place.value;
  const code: string[] = [];
  const bound = (keyword: string, operator: string, message: (n: number) => string) => {
    const n = finite(ownValue(schema, keyword));
    if (n === undefined) return;
    code.push(`if (${v} ${operator} ${lit(n)}) {\n${c.fail(place.pointer, keyword, message(n))}\n}`);
  };
  bound("minimum", "<", messages.minimum);
  bound("maximum", ">", messages.maximum);
  bound("exclusiveMinimum", "<=", messages.exclusiveMinimum);
  bound("exclusiveMaximum", ">=", messages.exclusiveMaximum);
  const divisor = finite(ownValue(schema, "multipleOf"));
  if (divisor !== undefined && divisor > 0) {
    const check = Number.isInteger(divisor)
      ? `${v} % ${lit(divisor)} !== 0`
      : `!${c.module.helper("isMultipleOf")}(${v}, ${lit(divisor)})`;
    code.push(`if (${check}) {\n${c.fail(place.pointer, "multipleOf", messages.multipleOf(divisor))}\n}`);
  }
  return lines(code);
}
