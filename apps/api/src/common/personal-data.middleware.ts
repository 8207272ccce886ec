/**
 * Personal data (the fields listed in @ldm/domain's `PERSONAL_DATA_FIELDS`, by GraphQL type name) answer
 * null to callers who may not read them (analysts). A global middleware, so that the domain's list is
 * the only place that marks a field as personal: no decorator to forget on an entity.
 */
import type { MiddlewareFn } from "type-graphql";
import { canReadPersonalData, isPersonalDataField, type Viewer } from "@ldm/domain";

export const PersonalDataGuard: MiddlewareFn<{ viewer: Viewer | null }> = async (
  { context, info },
  next,
) => {
  const value: unknown = await next();
  if (
    context.viewer &&
    !canReadPersonalData(context.viewer) &&
    isPersonalDataField(info.parentType.name, info.fieldName)
  ) {
    return null;
  }
  return value;
};
