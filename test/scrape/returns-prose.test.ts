// What an operation returns, read from the sentences docs write about it.
import { describe, expect, it } from "vitest";
import { returnedObject, returnsHint, returnsStatement } from "../../scripts/scrape/returns-prose.ts";

describe("returnedObject", () => {
  it.each([
    ["Returns the updated VerificationSession object", { name: "VerificationSession", list: false }],
    [
      "List of VerificationSession objects that match the filter.",
      { name: "VerificationSession", list: true },
    ],
    ["Returns a deleted Widget object on success.", { name: "Widget", list: false }],
    ["Returns the updated invoice_item object.", { name: "invoice_item", list: false }],
    ["A dictionary with an array of up to limit PaymentIntents.", { name: "PaymentIntent", list: true }],
    [
      "Returns a dictionary with a data property that contains an array of up to limit Payout objects.",
      { name: "Payout", list: true },
    ],
    ["Returns a JSON object containing Widget objects.", { name: "Widget", list: true }],
    ["Returns a list of `Book` objects, newest first.", { name: "Book", list: true }],
    ["Returns a list of Things.", { name: "Thing", list: true }],
    ["Returns the Thing.", { name: "Thing", list: false }],
    ["The identity.verification_session object.", { name: "identity.verification_session", list: false }],
    ["Returns an object with a data property.", undefined],
    ["Returns the deleted object.", undefined],
    ["Returns a new object.", undefined],
    ["Returns a list of Stripe accounts.", undefined],
    ["Returns the current status and scan history of one parcel.", undefined],
    ["Returns the ID.", undefined],
  ])("%j", (text, want) => {
    expect(returnedObject(text)).toEqual(want);
  });
});

describe("returnsStatement", () => {
  it("reads only a sentence that states the result", () => {
    expect(returnsStatement("Returns the created Widget object.")).toEqual({ name: "Widget", list: false });
    expect(returnsStatement("An array of Widget objects.")).toEqual({ name: "Widget", list: true });
    expect(returnsStatement("Updates a Widget object.")).toBeUndefined();
  });
});

describe("returnsHint", () => {
  it("finds the statement of the result anywhere in prose", () => {
    expect(returnsHint("Cancels a parcel that has not been picked up yet. Returns a Parcel object.")).toEqual(
      { name: "Parcel", list: false },
    );
    expect(returnsHint("Note: Returns the updated Widget object.")).toEqual({ name: "Widget", list: false });
  });

  it("ignores objects prose mentions without stating the result", () => {
    expect(returnsHint("Updates a VerificationSession object. Use it to change the checks.")).toBeUndefined();
    expect(returnsHint("Responds with 204 No Content.")).toBeUndefined();
  });
});
