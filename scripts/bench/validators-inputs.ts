// Request bodies for the validator benchmark, shaped like real calls: Stripe's create-verification-session
// body (small) and create-checkout-session body (large: line items, custom fields and shipping options,
// arrays of nested objects). Options turn one value invalid, deep inside, or make one string long.

export function verificationSession(options: { allowedTypes?: string[]; expand?: string[] } = {}): unknown {
  return {
    type: "document",
    metadata: { order_id: "6735", customer: "cus_9s6XKzkNRiz8i3" },
    options: {
      document: {
        allowed_types: options.allowedTypes ?? ["driving_license", "passport"],
        require_id_number: true,
        require_live_capture: true,
        require_matching_selfie: false,
      },
    },
    return_url: "https://example.com/verification/return",
    expand: options.expand ?? ["last_verification_report"],
  };
}

function lineItem(i: number, badInterval: boolean): unknown {
  return {
    price_data: {
      currency: "usd",
      unit_amount: 1000 + i,
      tax_behavior: "exclusive",
      recurring: { interval: badInterval ? "fortnight" : "month", interval_count: 1 },
      product_data: {
        name: `Plan ${i}`,
        images: [`https://example.com/images/${i}.png`],
        metadata: { sku: `sku_${i}`, tier: "gold" },
        tax_code: "txcd_10103001",
      },
    },
    quantity: i + 1,
    adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 },
    tax_rates: ["txr_1", "txr_2"],
  };
}

export function checkoutSession(options: { badInterval?: boolean } = {}): unknown {
  return {
    mode: "subscription",
    success_url: "https://example.com/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "https://example.com/cancel",
    customer_email: "jenny.rosen@example.com",
    allow_promotion_codes: true,
    payment_method_types: ["card", "us_bank_account"],
    metadata: { cart: "c_123", campaign: "spring" },
    line_items: [0, 1, 2, 3, 4].map((i) => lineItem(i, options.badInterval === true && i === 3)),
    discounts: [{ coupon: "SPRING10" }],
    custom_fields: [
      {
        key: "engraving",
        label: { type: "custom", custom: "Personalized engraving" },
        type: "text",
        optional: true,
      },
      {
        key: "size",
        label: { type: "custom", custom: "Size" },
        type: "dropdown",
        dropdown: {
          options: [
            { label: "Small", value: "s" },
            { label: "Medium", value: "m" },
            { label: "Large", value: "l" },
          ],
        },
      },
    ],
    subscription_data: {
      trial_period_days: 14,
      metadata: { plan: "pro" },
      default_tax_rates: ["txr_1"],
      trial_settings: { end_behavior: { missing_payment_method: "pause" } },
    },
    consent_collection: { promotions: "auto", terms_of_service: "required" },
    expires_at: 1_900_000_000,
  };
}
