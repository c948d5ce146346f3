// Own properties of objects built from user text (pages, specs). A key such as "__proto__" must be read
// and written as an own property: plain assignment would replace the object's prototype instead, and
// walking into `obj["__proto__"]` and assigning there writes onto Object.prototype for every object.

/** node[key] if node has that own property (arrays by index), else undefined. */
export function getOwn(node: unknown, key: string): unknown {
  if (Array.isArray(node)) {
    if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
    return node[Number(key)];
  }
  if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
  return (node as Record<string, unknown>)[key];
}

/** Sets an own data property even for "__proto__", which plain assignment would treat as the prototype. */
export function setOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  // "__proto__" is the one key whose assignment on a plain object does not make an own data property (it
  // is Object.prototype's only setter). Every other key is assigned: the same property, and
  // defineProperty turns the object into a slow dictionary, which cost several times over on whole sites.
  if (key === "__proto__") {
    Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
  } else node[key] = value;
}
