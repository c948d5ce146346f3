// The client's resources load on first use. `client.customers` is an object with the methods of the
// Customers class (the generator lists their names), and src/resources/customers.ts, with the operations
// it calls, is imported when one of them is first called. Class methods cannot be tree-shaken, so a client
// holding every resource class would bundle every operation; this way a bundler with code splitting puts
// each resource in a chunk of its own, fetched when the page first uses it, and the client holds names.
// Calls return at once, as the class's methods do: an APIPromise or a PagePromise that waits for the code.
// The trade-off: `client.customers instanceof Customers` is false (`new Customers(client.http)` is the
// class itself), and the first call of each resource waits for its module.
import { APIPromise } from "./api-promise.js";
import type { HttpClient } from "./client.js";
import { PagePromise } from "./pagination.js";

/** A resource's methods and the resources under it, as the generated client lists them. */
export interface ResourceShape {
  /** Methods returning an APIPromise, separated by spaces. */
  calls?: string;
  /** Methods returning a PagePromise (lists), separated by spaces. */
  lists?: string;
  children?: Record<string, ResourceShape>;
}

type Instance = Record<string, unknown>;
type Method = (...args: unknown[]) => unknown;

/**
 * The resource `className` of the module `load` imports, built on `http` when a method is first called.
 * A failed load (a chunk the network dropped) is not kept: the next call tries again.
 */
export function lazyResource<T>(
  http: HttpClient,
  load: () => Promise<unknown>,
  className: string,
  shape: ResourceShape,
): T {
  let instance: Promise<Instance> | undefined;
  const root = (): Promise<Instance> => {
    if (instance === undefined) {
      const loading = load().then((module) => {
        const Resource = (module as Record<string, new (client: HttpClient) => Instance>)[className];
        if (Resource === undefined) throw new Error(`the resource module does not export ${className}`);
        return new Resource(http);
      });
      instance = loading;
      loading.catch(() => {
        if (instance === loading) instance = undefined;
      });
    }
    return instance;
  };
  return resourceOf(root, shape) as T;
}

function names(list: string | undefined): string[] {
  return list === undefined || list === "" ? [] : list.split(" ");
}

/** An object with the shape's methods and child resources, each calling into what `target` resolves to. */
function resourceOf(target: () => Promise<Instance>, shape: ResourceShape): Instance {
  // Own properties defined one by one: a name such as "__proto__" is a property, not the prototype.
  const resource: Instance = {};
  const define = (name: string, value: unknown): void => {
    Object.defineProperty(resource, name, { value, enumerable: true });
  };
  // Resolves to a function starting the call: APIPromise and PagePromise are thenables, and a promise
  // resolving to one would take its result instead.
  const loaded = (name: string, args: unknown[]) =>
    target().then((instance) => () => (instance[name] as Method).apply(instance, args));
  for (const name of names(shape.calls)) {
    define(name, (...args: unknown[]) =>
      APIPromise.deferred(loaded(name, args) as Promise<() => APIPromise<unknown, unknown>>),
    );
  }
  for (const name of names(shape.lists)) {
    define(name, (...args: unknown[]) =>
      PagePromise.deferred(loaded(name, args) as Promise<() => PagePromise<unknown, unknown, unknown>>),
    );
  }
  for (const [name, child] of Object.entries(shape.children ?? {})) {
    define(
      name,
      resourceOf(() => target().then((instance) => instance[name] as Instance), child),
    );
  }
  return resource;
}
