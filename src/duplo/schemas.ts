import * as z from 'zod/mini';

// Fields the portal may send as null as well as leave out.
const maybe = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));
const nonEmpty = () => z.string().check(z.minLength(1));

export const AwsJitCredentialsSchema = z.object({
  ConsoleUrl: maybe(z.string()),
  AccessKeyId: nonEmpty(),
  SecretAccessKey: nonEmpty(),
  Region: nonEmpty(),
  SessionToken: maybe(z.string()),
  Validity: maybe(z.number()),
});
export type AwsJitCredentials = z.infer<typeof AwsJitCredentialsSchema>;

export const UserTenantSchema = z.object({
  TenantId: nonEmpty(),
  AccountName: nonEmpty(),
  PlanID: maybe(z.string()),
});
export type UserTenant = z.infer<typeof UserTenantSchema>;
export const UserTenantListSchema = z.array(UserTenantSchema);

export const SystemFeaturesSchema = z.object({
  IsOtpNeeded: maybe(z.boolean()),
  IsAwsAdminJITEnabled: maybe(z.boolean()),
  IsDuploOpsEnabled: maybe(z.boolean()),
  DefaultAwsRegion: maybe(z.string()),
  DefaultAwsAccount: maybe(z.string()),
  AwsRegions: maybe(z.array(z.string())),
  IsAwsCloudEnabled: maybe(z.boolean()),
});
export type SystemFeatures = z.infer<typeof SystemFeaturesSchema>;

export const TenantFeaturesSchema = z.object({
  Region: nonEmpty(),
  IsKubernetesEnabled: maybe(z.boolean()),
  UseLbIndex: maybe(z.boolean()),
});
export type TenantFeatures = z.infer<typeof TenantFeaturesSchema>;
