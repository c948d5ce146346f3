// The client's lazy resources (runtime/lazy-resource.ts) against a real server: a method called before its
// module has loaded behaves as the class's method (awaiting, `.asResponse()`, `for await`), a module that
// failed to load is loaded again on the next call, and the validators' loader is not called under
// `validate: false`.
import { describe, expect, it } from "vitest";
import { APIPromise } from "../../templates/runtime/api-promise.ts";
import { HttpClient, type OperationSpec } from "../../templates/runtime/client.ts";
import { lazyResource } from "../../templates/runtime/lazy-resource.ts";
import { PagePromise, stripeCursor } from "../../templates/runtime/pagination.ts";
import type { RequestValidators } from "../../templates/runtime/request-check.ts";
import { serverForTests } from "./server.ts";

const server = serverForTests();

let validatorLoads = 0;
const retrieve: OperationSpec = {
  method: "GET",
  path: "/v1/items/{id}",
  validate: () => {
    validatorLoads++;
    return Promise.resolve<RequestValidators>({});
  },
};
const list: OperationSpec = { method: "GET", path: "/v1/items", query: [{ name: "starting_after" }] };

/** What a generated resource module exports: a class whose methods start calls. */
class Items {
  constructor(private readonly client: HttpClient) {}
  retrieve(id: string): APIPromise<unknown> {
    return new APIPromise((wish) => this.client.request(retrieve, { path: { id } }, {}, wish));
  }
  list(): PagePromise<{ data: { id: string }[]; has_more: boolean }, { id: string }> {
    return this.client.paginate(list, {}, {}, stripeCursor("starting_after"));
  }
}

function items(http: HttpClient, load: () => Promise<unknown>): Items {
  return lazyResource<Items>(http, load, "Items", { calls: "retrieve", lists: "list" });
}

describe("lazy resources", () => {
  it("behave as the class: awaiting gives the body, asResponse the Response, for await every item", async () => {
    server.handle((r) =>
      r.path === "/v1/items"
        ? { body: { data: [{ id: "a" }, { id: "b" }], has_more: false } }
        : { body: { id: "x" } },
    );
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    const resource = items(http, () => Promise.resolve({ Items }));
    expect(await resource.retrieve("x")).toEqual({ id: "x" });
    const response = await resource.retrieve("x").asResponse();
    expect(response).toBeInstanceOf(Response);
    expect(await response.json()).toEqual({ id: "x" });
    expect(resource.retrieve("x")).toBeInstanceOf(APIPromise);
    const seen: string[] = [];
    for await (const item of resource.list()) seen.push(item.id);
    expect(seen).toEqual(["a", "b"]);
    expect(Object.keys(resource)).toEqual(["retrieve", "list"]);
  });

  it("load a module again after a failed load", async () => {
    server.handle(() => ({ body: { id: "x" } }));
    const http = new HttpClient({ baseURL: server.url, auth: {} });
    let attempts = 0;
    const resource = items(http, () =>
      ++attempts === 1 ? Promise.reject(new Error("chunk failed to load")) : Promise.resolve({ Items }),
    );
    await expect(resource.retrieve("x")).rejects.toThrow("chunk failed to load");
    expect(await resource.retrieve("x")).toEqual({ id: "x" });
    expect(attempts).toBe(2);
  });

  it("leave an operation's validators unloaded under validate: false", async () => {
    server.handle(() => ({ body: { id: "x" } }));
    const loadsBefore = validatorLoads;
    await new HttpClient({ baseURL: server.url, auth: {}, options: { validate: false } }).request(retrieve, {
      path: { id: "x" },
    });
    expect(validatorLoads).toBe(loadsBefore);
    await new HttpClient({ baseURL: server.url, auth: {} }).request(retrieve, { path: { id: "x" } });
    expect(validatorLoads).toBe(loadsBefore + 1);
  });
});
