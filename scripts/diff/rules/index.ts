// Every rule, and how they are applied: each change goes to the rules that read its kind; each rule that
// fires makes a finding. One change can fire several rules (an enum that lost a value and gained
// another), and the same finding reached from two directions is reported once.
import type { Change, Finding } from "../model.ts";
import { message } from "./messages.ts";
import type { AnyRule } from "./rule.ts";
import { rule as pathRemoved } from "./path-removed.ts";
import { rule as operationRemoved } from "./operation-removed.ts";
import { rule as deprecatedOperationRemoved } from "./deprecated-operation-removed.ts";
import { rule as operationAdded } from "./operation-added.ts";
import { rule as operationDeprecated } from "./operation-deprecated.ts";
import { rule as serverRemoved } from "./server-removed.ts";
import { rule as serverAdded } from "./server-added.ts";
import { rule as defaultServerChanged } from "./default-server-changed.ts";
import { rule as webhookRemoved } from "./webhook-removed.ts";
import { rule as deprecatedWebhookRemoved } from "./deprecated-webhook-removed.ts";
import { rule as webhookAdded } from "./webhook-added.ts";
import { rule as discriminatorPropertyChanged } from "./discriminator-property-changed.ts";
import { rule as requestDiscriminatorValueRemoved } from "./request-discriminator-value-removed.ts";
import { rule as requestDiscriminatorValueAdded } from "./request-discriminator-value-added.ts";
import { rule as responseDiscriminatorValueAdded } from "./response-discriminator-value-added.ts";
import { rule as responseDiscriminatorValueRemoved } from "./response-discriminator-value-removed.ts";
import { rule as newRequiredRequestParameter } from "./new-required-request-parameter.ts";
import { rule as newOptionalRequestParameter } from "./new-optional-request-parameter.ts";
import { rule as requestParameterRemoved } from "./request-parameter-removed.ts";
import { rule as deprecatedRequestParameterRemoved } from "./deprecated-request-parameter-removed.ts";
import { rule as requestParameterRenamed } from "./request-parameter-renamed.ts";
import { rule as requestParameterMoved } from "./request-parameter-moved.ts";
import { rule as requestParameterBecameRequired } from "./request-parameter-became-required.ts";
import { rule as requestParameterBecameOptional } from "./request-parameter-became-optional.ts";
import { rule as requestParameterDeprecated } from "./request-parameter-deprecated.ts";
import { rule as requestParameterSerializationChanged } from "./request-parameter-serialization-changed.ts";
import { rule as requestBodyBecameRequired } from "./request-body-became-required.ts";
import { rule as requestBodyBecameOptional } from "./request-body-became-optional.ts";
import { rule as requestBodyAdded } from "./request-body-added.ts";
import { rule as requestBodyRemoved } from "./request-body-removed.ts";
import { rule as requestMediaTypeRemoved } from "./request-media-type-removed.ts";
import { rule as requestMediaTypeAdded } from "./request-media-type-added.ts";
import { rule as responseSuccessStatusRemoved } from "./response-success-status-removed.ts";
import { rule as responseErrorStatusRemoved } from "./response-error-status-removed.ts";
import { rule as responseSuccessStatusAdded } from "./response-success-status-added.ts";
import { rule as responseErrorStatusAdded } from "./response-error-status-added.ts";
import { rule as responseMediaTypeRemoved } from "./response-media-type-removed.ts";
import { rule as responseErrorMediaTypeRemoved } from "./response-error-media-type-removed.ts";
import { rule as responseMediaTypeAdded } from "./response-media-type-added.ts";
import { rule as responseRequiredHeaderRemoved } from "./response-required-header-removed.ts";
import { rule as responseOptionalHeaderRemoved } from "./response-optional-header-removed.ts";
import { rule as responseHeaderAdded } from "./response-header-added.ts";
import { rule as newRequiredRequestProperty } from "./new-required-request-property.ts";
import { rule as newOptionalRequestProperty } from "./new-optional-request-property.ts";
import { rule as requestPropertyBecameRequired } from "./request-property-became-required.ts";
import { rule as requestPropertyBecameOptional } from "./request-property-became-optional.ts";
import { rule as requestPropertyRemoved } from "./request-property-removed.ts";
import { rule as requestPropertyRemovedRejected } from "./request-property-removed-rejected.ts";
import { rule as requestPropertyRenamed } from "./request-property-renamed.ts";
import { rule as responseRequiredPropertyRemoved } from "./response-required-property-removed.ts";
import { rule as responseOptionalPropertyRemoved } from "./response-optional-property-removed.ts";
import { rule as responsePropertyBecameOptional } from "./response-property-became-optional.ts";
import { rule as responsePropertyBecameRequired } from "./response-property-became-required.ts";
import { rule as responsePropertyAdded } from "./response-property-added.ts";
import { rule as responsePropertyRenamed } from "./response-property-renamed.ts";
import { rule as deprecatedPropertyRemoved } from "./deprecated-property-removed.ts";
import { rule as propertyDeprecated } from "./property-deprecated.ts";
import { rule as requestTypeNarrowed } from "./request-type-narrowed.ts";
import { rule as requestTypeWidened } from "./request-type-widened.ts";
import { rule as responseTypeWidened } from "./response-type-widened.ts";
import { rule as responseTypeNarrowed } from "./response-type-narrowed.ts";
import { rule as typeChanged } from "./type-changed.ts";
import { rule as requestEnumValueRemoved } from "./request-enum-value-removed.ts";
import { rule as requestEnumValueAdded } from "./request-enum-value-added.ts";
import { rule as responseEnumValueAdded } from "./response-enum-value-added.ts";
import { rule as responseEnumValueRemoved } from "./response-enum-value-removed.ts";
import { rule as requestBecameEnum } from "./request-became-enum.ts";
import { rule as responseBecameEnum } from "./response-became-enum.ts";
import { rule as requestEnumRemoved } from "./request-enum-removed.ts";
import { rule as responseEnumRemoved } from "./response-enum-removed.ts";
import { rule as requestNullableRemoved } from "./request-nullable-removed.ts";
import { rule as requestNullableAdded } from "./request-nullable-added.ts";
import { rule as responseNullableAdded } from "./response-nullable-added.ts";
import { rule as responseNullableRemoved } from "./response-nullable-removed.ts";
import { rule as requestVariantRemoved } from "./request-variant-removed.ts";
import { rule as requestVariantAdded } from "./request-variant-added.ts";
import { rule as responseVariantAdded } from "./response-variant-added.ts";
import { rule as responseVariantRemoved } from "./response-variant-removed.ts";
import { rule as requestLimitTightened } from "./request-limit-tightened.ts";
import { rule as requestLimitLoosened } from "./request-limit-loosened.ts";
import { rule as responseLimitLoosened } from "./response-limit-loosened.ts";
import { rule as responseLimitTightened } from "./response-limit-tightened.ts";
import { rule as requestDefaultChanged } from "./request-default-changed.ts";
import { rule as responseDefaultChanged } from "./response-default-changed.ts";
import { rule as securityAdded } from "./security-added.ts";
import { rule as securityRemoved } from "./security-removed.ts";
import { rule as securityAlternativeAdded } from "./security-alternative-added.ts";
import { rule as securityChanged } from "./security-changed.ts";
import { rule as securitySchemeChanged } from "./security-scheme-changed.ts";
import { rule as generatedExportRenamed } from "./generated-export-renamed.ts";
import { rule as generatedExportRemoved } from "./generated-export-removed.ts";
import { rule as generatedSignatureChanged } from "./generated-signature-changed.ts";

export const RULES: readonly AnyRule[] = [
  pathRemoved,
  operationRemoved,
  deprecatedOperationRemoved,
  operationAdded,
  operationDeprecated,
  serverRemoved,
  serverAdded,
  defaultServerChanged,
  webhookRemoved,
  deprecatedWebhookRemoved,
  webhookAdded,
  discriminatorPropertyChanged,
  requestDiscriminatorValueRemoved,
  requestDiscriminatorValueAdded,
  responseDiscriminatorValueAdded,
  responseDiscriminatorValueRemoved,
  newRequiredRequestParameter,
  newOptionalRequestParameter,
  requestParameterRemoved,
  deprecatedRequestParameterRemoved,
  requestParameterRenamed,
  requestParameterMoved,
  requestParameterBecameRequired,
  requestParameterBecameOptional,
  requestParameterDeprecated,
  requestParameterSerializationChanged,
  requestBodyBecameRequired,
  requestBodyBecameOptional,
  requestBodyAdded,
  requestBodyRemoved,
  requestMediaTypeRemoved,
  requestMediaTypeAdded,
  responseSuccessStatusRemoved,
  responseErrorStatusRemoved,
  responseSuccessStatusAdded,
  responseErrorStatusAdded,
  responseMediaTypeRemoved,
  responseErrorMediaTypeRemoved,
  responseMediaTypeAdded,
  responseRequiredHeaderRemoved,
  responseOptionalHeaderRemoved,
  responseHeaderAdded,
  newRequiredRequestProperty,
  newOptionalRequestProperty,
  requestPropertyBecameRequired,
  requestPropertyBecameOptional,
  requestPropertyRemoved,
  requestPropertyRemovedRejected,
  requestPropertyRenamed,
  responseRequiredPropertyRemoved,
  responseOptionalPropertyRemoved,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  responsePropertyAdded,
  responsePropertyRenamed,
  deprecatedPropertyRemoved,
  propertyDeprecated,
  requestTypeNarrowed,
  requestTypeWidened,
  responseTypeWidened,
  responseTypeNarrowed,
  typeChanged,
  requestEnumValueRemoved,
  requestEnumValueAdded,
  responseEnumValueAdded,
  responseEnumValueRemoved,
  requestBecameEnum,
  responseBecameEnum,
  requestEnumRemoved,
  responseEnumRemoved,
  requestNullableRemoved,
  requestNullableAdded,
  responseNullableAdded,
  responseNullableRemoved,
  requestVariantRemoved,
  requestVariantAdded,
  responseVariantAdded,
  responseVariantRemoved,
  requestLimitTightened,
  requestLimitLoosened,
  responseLimitLoosened,
  responseLimitTightened,
  requestDefaultChanged,
  responseDefaultChanged,
  securityAdded,
  securityRemoved,
  securityAlternativeAdded,
  securityChanged,
  securitySchemeChanged,
  generatedExportRenamed,
  generatedExportRemoved,
  generatedSignatureChanged,
];

const RULES_BY_KIND = new Map<string, AnyRule[]>();
for (const rule of RULES) {
  for (const kind of rule.appliesTo) RULES_BY_KIND.set(kind, [...(RULES_BY_KIND.get(kind) ?? []), rule]);
}

export function applyRules(changes: readonly Change[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const change of changes) {
    for (const rule of RULES_BY_KIND.get(change.kind) ?? []) {
      const params = rule.check(change);
      if (!params) continue;
      const text = message(rule.id, params);
      const key = `${rule.id}\n${change.pointer}\n${text}`;
      const existing = byKey.get(key);
      if (existing) {
        existing.operations = [...new Set([...existing.operations, ...change.operations])];
        continue;
      }
      byKey.set(key, {
        id: rule.id,
        level: rule.level,
        semver: rule.semver,
        operations: [...change.operations],
        pointer: change.pointer,
        params,
        message: text,
      });
    }
  }
  return [...byKey.values()];
}
