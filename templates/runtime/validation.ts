// Helpers for the generated request validators (src/validators.ts). The validators are plain code emitted
// per schema; what they share lives here: result and error types, the error cap, code-point lengths, deep
// equality, format checks, JSON Pointer escaping and form wire names. No dependencies: this file is copied
// verbatim into every generated package.

/** One problem found in a value. */
export interface ValidationError {
  /** JSON Pointer (RFC 6901) to the offending value: "/options/document/allowed_types/1" ("" is the root). */
  pointer: string;
  /** The JSON Schema keyword that failed ("type", "required", "maxLength", "anyOf", ...). */
  keyword: string;
  /** What was expected, in plain words ("must be at most 5000 characters long"). Never quotes large input. */
  message: string;
  /**
   * For form-encoded bodies: the field name on the wire ("options[document][allowed_types][1]"), worked out
   * from the pointer when read (a getter: `{ ...error }` leaves it out; JSON.stringify keeps it).
   */
  wireName?: string;
}

/** A validator's answer: never thrown. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

export interface ValidateOptions {
  /** Stop after this many errors (default 20). */
  maxErrors?: number;
}

const DEFAULT_MAX_ERRORS = 20;
/** The most characters of any input value a message quotes. */
const QUOTE_LIMIT = 40;
/** Pointer segments (input keys) longer than this are shortened, so a huge key is never echoed back. */
const SEGMENT_LIMIT = 200;

// ---------------------------------------------------------------------------------------------------
// Error collection. A validator runs its checks once, with a state collecting errors: a valid value
// leaves it empty, an invalid one is checked to the end (or the cap) in the same pass. Each error has a
// pointer relative to the checked value; a caller prefixes the errors of a failed call with its path, so
// pointers are only ever built for errors. Branch tries (anyOf, not, if, contains) run with no state:
// yes/no, return at the first failure, nothing allocated.

/** Where errors are collected. */
export interface ValidationState {
  errors: ValidationError[];
  max: number;
  /** The value is a form body: errors also carry wire names. */
  form: boolean;
}

/** The signature of every generated check function. */
export type Check = (value: unknown, state: ValidationState | null, ev: Evaluated | null) => boolean;

/**
 * The errors of a state that has none. Never pushed to: the first error replaces it with a one-item array
 * (see addError), so a state starts and is handed back for reuse with no allocation. Frozen, so a push
 * by mistake throws rather than leaking errors into every later validation.
 */
const NO_ERRORS: ValidationError[] = Object.freeze([]) as unknown as ValidationError[];

function newState(max: number, form: boolean): ValidationState {
  return { errors: NO_ERRORS, max, form };
}

/** Adds an error to a state (below its cap: the caller checks). */
function addError(state: ValidationState, error: ValidationError): void {
  if (state.errors.length === 0) state.errors = [error];
  else state.errors.push(error);
}

/**
 * The state no validation is using, reused by the next one so a valid value allocates nothing. A
 * validation that starts while another runs (a getter on the input calling a validator) gets a new state.
 */
let idleState: ValidationState | null = null;

/** The state a validator starts with: no errors yet, the cap from the options (default 20). */
export function startValidation(options: ValidateOptions | undefined, form: boolean): ValidationState {
  const requested = options?.maxErrors;
  const max = requested !== undefined && requested >= 1 ? requested : DEFAULT_MAX_ERRORS;
  const state = idleState;
  if (state === null) return newState(max, form);
  idleState = null;
  state.max = max;
  state.form = form;
  return state;
}

/** Hands a state back for reuse, empty. */
function release(state: ValidationState): void {
  state.errors = NO_ERRORS;
  idleState = state;
}

/** The answer of a validator whose check passed. */
export function valid<T>(state: ValidationState, value: unknown): { ok: true; value: T } {
  release(state);
  return { ok: true, value: value as T };
}

/** The answer of a validator whose check failed: the errors it collected. */
export function invalid(state: ValidationState): { ok: false; errors: ValidationError[] } {
  const errors = state.errors;
  release(state);
  // A failed check always reports an error; keep the promise even if one did not.
  if (errors.length === 0) return { ok: false, errors: [newError(state, "", "schema", "is not valid")] };
  return { ok: false, errors };
}

/**
 * An error as validators make them: one class for every body, so the code handling errors sees one object
 * shape. The wire name of a form body's error is worked out from the pointer when read: building it for
 * every error took longer than the whole check (about 150 ns against 70 for one error three levels
 * deep), and most callers read only the pointer or the message. A getter is not an own property:
 * `{ ...error }` leaves it out, so JSON.stringify is given it through toJSON.
 */
class Issue implements ValidationError {
  readonly #form: boolean;

  constructor(
    public pointer: string,
    public keyword: string,
    public message: string,
    form: boolean,
  ) {
    this.#form = form;
  }

  get wireName(): string | undefined {
    return this.#form ? wireName(this.pointer) : undefined;
  }

  toJSON(): ValidationError {
    return { pointer: this.pointer, keyword: this.keyword, message: this.message, wireName: this.wireName };
  }
}

function newError(
  state: ValidationState | null,
  pointer: string,
  keyword: string,
  message: string,
): ValidationError {
  return new Issue(pointer, keyword, message, state !== null && state.form);
}

/** Records an error; true when the cap is reached (the caller then stops). */
export function report(state: ValidationState, pointer: string, keyword: string, message: string): boolean {
  if (state.errors.length < state.max) addError(state, newError(state, pointer, keyword, message));
  return state.errors.length >= state.max;
}

/** Prefixes the pointers of errors[from..] with the path to the checked value; true at the cap. */
export function prefixErrors(state: ValidationState, from: number, prefix: string): boolean {
  const errors = state.errors;
  for (let i = from; i < errors.length; i++) {
    const error = errors[i] as ValidationError;
    error.pointer = prefix + error.pointer;
  }
  return errors.length >= state.max;
}

/** Copies errors collected in a sub-state (one anyOf branch) into a state, prefixed; true at the cap. */
function reportAll(state: ValidationState, errors: readonly ValidationError[], prefix: string): boolean {
  for (const error of errors) {
    if (state.errors.length >= state.max) break;
    addError(state, newError(state, prefix + error.pointer, error.keyword, error.message));
  }
  return state.errors.length >= state.max;
}

function depthOf(pointer: string): number {
  // indexOf, not a charCodeAt loop: pointers are built by concatenation, and indexOf reads the rope once.
  let depth = 0;
  for (let i = pointer.indexOf("/"); i !== -1; i = pointer.indexOf("/", i + 1)) depth++;
  return depth;
}

/**
 * The index of the anyOf/oneOf branch that best matches the input (its errors are reported, the others
 * dropped). Pointers are relative to the anyOf's value. The rule:
 * 1. a branch that failed on the value's own type (`type` at "" itself) or on a `const` one level
 *    down (a tag property like `"type": "card"`) is a poor match and loses to any other;
 * 2. then the branch whose deepest error is deepest wins (the input got furthest into that branch);
 * 3. then the branch with the fewest errors;
 * 4. then the first branch, in schema order.
 */
export function bestBranch(branches: readonly (readonly ValidationError[])[]): number {
  let best = 0;
  let bestPoor = true;
  let bestDeepest = -1;
  let bestCount = Infinity;
  for (let index = 0; index < branches.length; index++) {
    const errors = branches[index] as readonly ValidationError[];
    let poor = false;
    let deepest = 0;
    for (const error of errors) {
      const depth = depthOf(error.pointer);
      // A one-value enum is a const too (`"type": {"enum": ["card"]}`, as OpenAPI 3.0 writes tags).
      const tag = error.keyword === "const" || error.keyword === "enum";
      if ((depth === 0 && error.keyword === "type") || (depth === 1 && tag)) poor = true;
      if (depth > deepest) deepest = depth;
    }
    const better =
      index === 0 ||
      (bestPoor && !poor) ||
      (poor === bestPoor &&
        (deepest > bestDeepest || (deepest === bestDeepest && errors.length < bestCount)));
    if (better) {
      best = index;
      bestPoor = poor;
      bestDeepest = deepest;
      bestCount = errors.length;
    }
  }
  return best;
}

/**
 * A check that threw: a stack overflow (a value nested thousands deep, or a cyclic object) is an answer,
 * one error; anything else (a getter on the input that throws) is rethrown. The state is free again.
 */
export function stackOverflow(
  error: unknown,
  state: ValidationState,
): { ok: false; errors: ValidationError[] } {
  release(state);
  if (!(error instanceof RangeError)) throw error;
  return { ok: false, errors: [newError(state, "", "depth", "is nested too deeply to validate")] };
}

function branchErrors(branch: Check, value: unknown, max: number): ValidationError[] {
  const state = newState(max, false);
  branch(value, state, null);
  return state.errors;
}

/** "must be an object" + "must be a string" -> "must be an object or a string". */
function joinTypeErrors(
  all: readonly (readonly ValidationError[])[],
  pointer: string,
): ValidationError | null {
  const expected: string[] = [];
  for (const errors of all) {
    const only = errors.length === 1 ? errors[0] : undefined;
    if (!only || only.keyword !== "type" || only.pointer !== "" || !only.message.startsWith("must be "))
      return null;
    for (const part of only.message.slice(8).split(/, | or /))
      if (!expected.includes(part)) expected.push(part);
  }
  const last = expected.pop();
  if (last === undefined) return null;
  const message = expected.length === 0 ? `must be ${last}` : `must be ${expected.join(", ")} or ${last}`;
  return newError(null, pointer, "type", message);
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The kind bit of a value (string 1, number 2, integer 4, boolean 8, null 16, array 32, object 64). */
function kindOf(value: unknown): number {
  if (typeof value === "string") return 1;
  if (typeof value === "number") return Number.isInteger(value) ? 4 : 2;
  if (typeof value === "boolean") return 8;
  if (value === null) return 16;
  return Array.isArray(value) ? 32 : typeof value === "object" ? 64 : 0;
}

/**
 * The branch the input meant, or -1: the one whose tag (a property fixed to a value in every branch) the
 * value carries, else the only branch accepting the value's kind.
 */
function meantBranch(
  value: unknown,
  tagProperty: string | null,
  tags: readonly unknown[] | null,
  kinds: readonly number[] | null,
): number {
  if (
    tagProperty !== null &&
    tags !== null &&
    typeof value === "object" &&
    value !== null &&
    hasOwn(value, tagProperty)
  ) {
    const index = tags.indexOf((value as Record<string, unknown>)[tagProperty]);
    if (index !== -1) return index;
  }
  if (kinds === null) return -1;
  const kind = kindOf(value);
  let found = -1;
  for (let i = 0; i < kinds.length; i++) {
    if (((kinds[i] as number) & kind) === 0) continue;
    if (found !== -1) return -1;
    found = i;
  }
  return found;
}

/**
 * Errors for an anyOf none of whose branches passed: those of one branch only, the one the input meant
 * (see meantBranch) or else the best match (see bestBranch). When every branch failed only on the
 * value's type, one "type" error lists every type allowed. True when the cap is reached.
 */
export function anyOfErrors(
  state: ValidationState,
  pointer: string,
  value: unknown,
  branches: readonly Check[],
  tagProperty: string | null,
  tags: readonly unknown[] | null,
  kinds: readonly number[] | null,
  tagMessage: string | null,
): boolean {
  // An object whose tag names no branch (a tool `"type": "browser"` where the spec knows "function" and
  // "file_search") fails every branch on its tag: one error there naming every tag, rather than the
  // first branch's tag alone and the fields that branch wants.
  if (tagProperty !== null && tags !== null && isObject(value) && hasOwn(value, tagProperty)) {
    const tag = (value as Record<string, unknown>)[tagProperty];
    if (tag !== undefined && !tags.includes(tag) && tagMessage !== null) {
      return report(state, `${pointer}/${pointerSegment(tagProperty)}`, "enum", tagMessage);
    }
  }
  const meant = branches[meantBranch(value, tagProperty, tags, kinds)];
  if (meant) {
    const before = state.errors.length;
    meant(value, state, null);
    if (state.errors.length > before) return prefixErrors(state, before, pointer);
  }
  const all: ValidationError[][] = [];
  for (const branch of branches) all.push(branchErrors(branch, value, state.max));
  const joined = joinTypeErrors(all, pointer);
  if (joined) return report(state, joined.pointer, joined.keyword, joined.message);
  return reportAll(state, all[bestBranch(all)] ?? [], pointer);
}

/** Errors for a oneOf that did not match exactly one branch. True when the cap is reached. */
export function oneOfErrors(
  state: ValidationState,
  pointer: string,
  value: unknown,
  branches: readonly Check[],
  tagProperty: string | null,
  tags: readonly unknown[] | null,
  kinds: readonly number[] | null,
  tagMessage: string | null,
): boolean {
  const matching: number[] = [];
  for (let i = 0; i < branches.length; i++) if ((branches[i] as Check)(value, null, null)) matching.push(i);
  if (matching.length > 1) {
    const which = matching.length === 2 ? `${matching[0]} and ${matching[1]}` : matching.join(", ");
    return report(
      state,
      pointer,
      "oneOf",
      `must match exactly one schema in oneOf, but matches ${matching.length} (branches ${which})`,
    );
  }
  return anyOfErrors(state, pointer, value, branches, tagProperty, tags, kinds, tagMessage);
}

/** An error for a property name that fails `propertyNames`: its first problem. True at the cap. */
export function propertyNameErrors(
  state: ValidationState,
  pointer: string,
  key: string,
  check: Check,
): boolean {
  const errors = branchErrors(check, key, 1);
  const reason = errors[0]?.message ?? "is not allowed";
  return report(state, pointer, "propertyNames", `property name ${describe(key)} ${reason}`);
}

/** Own properties whose value is not undefined (undefined is absent, as JSON.stringify drops it). */
export function countProperties(object: object): number {
  let n = 0;
  for (const key in object) {
    if (hasOwn(object, key) && (object as Record<string, unknown>)[key] !== undefined) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Annotations for unevaluatedProperties / unevaluatedItems: which keys and indices other keywords
// evaluated at one instance location. Only schemas that need them create one.

export interface Evaluated {
  props: Set<string> | null;
  allProps: boolean;
  /** Items 0 .. items-1 were evaluated (prefixItems). */
  items: number;
  allItems: boolean;
  /** Single indices evaluated by `contains`. */
  itemSet: Set<number> | null;
}

export function newEvaluated(): Evaluated {
  return { props: null, allProps: false, items: 0, allItems: false, itemSet: null };
}

export function evaluateProp(ev: Evaluated, key: string): void {
  (ev.props ??= new Set()).add(key);
}

export function evaluateItem(ev: Evaluated, index: number): void {
  (ev.itemSet ??= new Set()).add(index);
}

export function mergeEvaluated(into: Evaluated, from: Evaluated): void {
  if (from.allProps) into.allProps = true;
  else if (from.props !== null) for (const key of from.props) evaluateProp(into, key);
  if (from.allItems) into.allItems = true;
  if (from.items > into.items) into.items = from.items;
  if (from.itemSet !== null) for (const index of from.itemSet) evaluateItem(into, index);
}

export function isPropEvaluated(ev: Evaluated, key: string): boolean {
  return ev.allProps || (ev.props !== null && ev.props.has(key));
}

export function isItemEvaluated(ev: Evaluated, index: number): boolean {
  return ev.allItems || index < ev.items || (ev.itemSet !== null && ev.itemSet.has(index));
}

// ---------------------------------------------------------------------------------------------------
// Values.

/** Own enumerable presence, so `{}` never has "toString" and a polluted prototype adds nothing. */
export const hasOwn: (object: object, key: string) => boolean = (object, key) =>
  Object.prototype.hasOwnProperty.call(object, key);

/** Length in Unicode code points (JSON Schema counts characters, not UTF-16 units: an emoji is 1). */
export function codePointLength(text: string): number {
  let length = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    length++;
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return length;
}

// A string of n UTF-16 units has between ceil(n/2) and n code points: most length checks are decided by
// `text.length` alone and never walk the string (a 4,000-character value under maxLength 5000 is O(1)).

export function fitsMaxLength(text: string, max: number): boolean {
  if (text.length <= max) return true;
  if (text.length > 2 * max) return false;
  return codePointLength(text) <= max;
}

export function fitsMinLength(text: string, min: number): boolean {
  if (text.length < min) return false;
  if (Math.ceil(text.length / 2) >= min) return true;
  return codePointLength(text) >= min;
}

/** JSON equality: numbers by value, objects by own keys in any order, arrays in order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const aArray = Array.isArray(a);
  if (aArray !== Array.isArray(b)) return false;
  if (aArray) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!hasOwn(y, key) || !deepEqual(x[key], y[key])) return false;
  }
  return true;
}

/** True when `value` deep-equals one of `candidates`. */
export function equalsOneOf(value: unknown, candidates: readonly unknown[]): boolean {
  for (const candidate of candidates) if (deepEqual(value, candidate)) return true;
  return false;
}

/**
 * A canonical text for a JSON value (object keys sorted), so duplicates in a long array are found with
 * one Set in linear time. Keys are written with JSON.stringify: "__proto__" or "constructor" are plain
 * text here, never property accesses.
 */
function canonical(value: unknown): string {
  if (typeof value !== "object" || value === null) {
    return typeof value === "string" ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`).join(",")}}`;
}

/** The indices [i, j] of the first two equal items, or null when all items are distinct. */
export function findDuplicate(items: readonly unknown[]): [number, number] | null {
  const n = items.length;
  if (n <= 16) {
    for (let j = 1; j < n; j++) for (let i = 0; i < j; i++) if (deepEqual(items[i], items[j])) return [i, j];
    return null;
  }
  const seen = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    const key = canonical(items[j]);
    const i = seen.get(key);
    if (i !== undefined) return [i, j];
    seen.set(key, j);
  }
  return null;
}

/** multipleOf without float noise: 0.0075 is a multiple of 0.0001, 1e308 is not a multiple of 0.123456789. */
export function isMultipleOf(value: number, divisor: number): boolean {
  if (Number.isInteger(value) && Number.isInteger(divisor)) return value % divisor === 0;
  // Every integer is a multiple of 1/k (0.5, 0.25 ...), even past the float range of value / divisor.
  if (Number.isInteger(value) && Number.isInteger(1 / divisor)) return true;
  const quotient = value / divisor;
  if (!Number.isFinite(quotient)) return false;
  if (Number.isInteger(quotient)) return true;
  // Scale both by the divisor's decimal places and compare as integers when that is exact.
  const places = decimalPlaces(divisor);
  const scale = 10 ** places;
  const scaledValue = Math.round(value * scale);
  const scaledDivisor = Math.round(divisor * scale);
  if (Math.abs(value * scale - scaledValue) > 1e-7 * Math.max(1, Math.abs(scaledValue))) return false;
  if (!Number.isSafeInteger(scaledValue) || !Number.isSafeInteger(scaledDivisor) || scaledDivisor === 0) {
    return Math.abs(quotient - Math.round(quotient)) < 1e-9;
  }
  return scaledValue % scaledDivisor === 0;
}

function decimalPlaces(n: number): number {
  const text = String(n);
  const exponent = text.indexOf("e-");
  if (exponent !== -1) {
    const mantissa = text.slice(0, exponent);
    const dot = mantissa.indexOf(".");
    return Number(text.slice(exponent + 2)) + (dot === -1 ? 0 : mantissa.length - dot - 1);
  }
  const dot = text.indexOf(".");
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** A short quotation of an input value for a message: at most ~40 characters, never the whole thing. */
export function describe(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(clip(value, QUOTE_LIMIT));
  else if (value === null || typeof value !== "object") text = String(value);
  else text = Array.isArray(value) ? "an array" : "an object";
  return clip(text, QUOTE_LIMIT + 4);
}

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Do not cut a surrogate pair in half.
  let end = limit;
  const unit = text.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

// ---------------------------------------------------------------------------------------------------
// JSON Pointers and form wire names.

/** One pointer segment for an input key ("a/b" -> "a~1b"); absurdly long keys are shortened. */
export function pointerSegment(key: string): string {
  const text = key.length > SEGMENT_LIMIT ? clip(key, QUOTE_LIMIT) : key;
  if (text.indexOf("~") === -1 && text.indexOf("/") === -1) return text;
  return text.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapeSegment(segment: string): string {
  if (segment.indexOf("~") === -1) return segment;
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * The form field name for a pointer, as Stripe-style deepObject encoding writes it:
 * "/options/document/allowed_types/1" -> "options[document][allowed_types][1]".
 */
export function wireName(pointer: string): string {
  let name = "";
  let start = 1;
  let first = true;
  while (start <= pointer.length) {
    let end = pointer.indexOf("/", start);
    if (end === -1) end = pointer.length;
    const segment = unescapeSegment(pointer.slice(start, end));
    name += first ? segment : `[${segment}]`;
    first = false;
    start = end + 1;
  }
  return name;
}

// ---------------------------------------------------------------------------------------------------
// Formats asserted for request validation: date-time, date, email, uri, uuid (others are annotations).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** RFC 3339 full-date ("2024-02-29"). */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** RFC 3339 date-time; a leap second (":60") only at 23:59 UTC once the offset is applied. */
export function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (m === null || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const offsetHour = m[8] === undefined ? 0 : Number(m[8]);
  const offsetMinute = m[9] === undefined ? 0 : Number(m[9]);
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return false;
  if (second < 60) return true;
  const sign = m[7] === "-" ? 1 : -1;
  const utcMinutes = (((hour * 60 + minute + sign * (offsetHour * 60 + offsetMinute)) % 1440) + 1440) % 1440;
  return utcMinutes === 23 * 60 + 59;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

const IPV4_PART = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)";
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** RFC 4291 text form, with an optional embedded IPv4 tail. */
function isIpv6(text: string): boolean {
  let groups = text;
  let tailGroups = 0;
  const lastColon = text.lastIndexOf(":");
  if (lastColon !== -1 && text.indexOf(".", lastColon) !== -1) {
    if (!isIpv4(text.slice(lastColon + 1))) return false;
    groups = `${text.slice(0, lastColon + 1)}0`;
    tailGroups = 1;
  }
  const halves = groups.split("::");
  if (halves.length > 2) return false;
  const parts = (half: string): string[] | null => {
    if (half === "") return [];
    const items = half.split(":");
    return items.every((item) => HEX_GROUP.test(item)) ? items : null;
  };
  const head = parts(halves[0] ?? "");
  const tail = halves.length === 2 ? parts(halves[1] ?? "") : [];
  if (head === null || tail === null) return false;
  const count = head.length + tail.length + tailGroups;
  return halves.length === 2 ? count <= 7 : count === 8;
}

const ATOM = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
const DOT_ATOM = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);
const QUOTED_LOCAL = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** RFC 5321 mailbox: dot-atom or quoted local part; hostname or [IPv4] / [IPv6:...] literal domain. */
export function isEmail(text: string): boolean {
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!DOT_ATOM.test(local) && !QUOTED_LOCAL.test(local)) return false;
  if (domain.startsWith("[") && domain.endsWith("]")) {
    const literal = domain.slice(1, -1);
    return literal.startsWith("IPv6:") ? isIpv6(literal.slice(5)) : isIpv4(literal);
  }
  return HOSTNAME.test(domain);
}

// RFC 3986 absolute URI. Characters: unreserved, sub-delims, ":" "@", and %XX escapes.
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
// After an authority the path is empty or starts with "/" (RFC 3986 path-abempty): written so, the
// authority and the path cannot trade characters, and a rejected input costs linear time, not quadratic.
const URI = new RegExp(
  "^([A-Za-z][A-Za-z0-9+\\-.]*):" + // scheme
    `(?://([^/?#]*)((?:/${PCHAR}*)*)|((?:${PCHAR}|/)*))` + // authority (checked below) and path, or a path
    `(?:\\?(?:${PCHAR}|[/?])*)?` + // query
    `(?:#(?:${PCHAR}|[/?])*)?$`, // fragment
);
const USERINFO = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*$/;
const REG_NAME = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

function isAuthority(authority: string): boolean {
  const at = authority.lastIndexOf("@");
  if (at !== -1 && !USERINFO.test(authority.slice(0, at))) return false;
  let host = authority.slice(at + 1);
  // A port is digits after the last ":" outside an IP literal.
  const close = host.lastIndexOf("]");
  const colon = host.lastIndexOf(":");
  if (colon > close) {
    if (!/^\d*$/.test(host.slice(colon + 1))) return false;
    host = host.slice(0, colon);
  }
  if (host.startsWith("[")) {
    if (!host.endsWith("]")) return false;
    const literal = host.slice(1, -1);
    if (/^v[0-9A-Fa-f]+\./.test(literal))
      return /^v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/.test(literal);
    return isIpv6(literal);
  }
  return REG_NAME.test(host);
}

/** An absolute URI (RFC 3986 "URI": scheme required; a relative reference is not enough). */
export function isUri(text: string): boolean {
  const m = URI.exec(text);
  if (m === null) return false;
  if (m[2] !== undefined) return isAuthority(m[2]);
  // Without an authority the path cannot start with "//" (and has no brackets: PCHAR excludes them).
  return !(m[4] ?? "").startsWith("//");
}
