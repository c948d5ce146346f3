// Records that come from users or from the spec (params, headers, credentials by scheme key) are read and
// written by own property only: reading `record[name]` finds Object.prototype's members for names such as
// `toString` or `constructor` (and would send a function's text), and assigning `record["__proto__"]`
// sets the prototype instead of a property (and drops the value from the request).

export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** The record's own property `key`, or undefined. */
export function ownValue(record: object | undefined | null, key: string): unknown {
  return record !== undefined && record !== null && hasOwn(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

/** Sets an own, enumerable data property, whatever the key (`__proto__` included). */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
