import * as z from 'zod/mini';

// Fields the portal may send as null as well as leave out.
const maybe = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));
const nonEmpty = () => z.string().check(z.minLength(1));

export const AwsJitCredentialsSchema = z.object({
  ConsoleUrl: maybe(z.string()),
  AccessKeyId: nonEmpty(),
  SecretAccessKey: nonEmpty(),
  // Empty is possible (duplo-jit declares it without omitempty) and the peers pass it on; the console falls back.
  Region: z.string(),
  SessionToken: maybe(z.string()),
  Validity: maybe(z.number()),
});
export type AwsJitCredentials = z.infer<typeof AwsJitCredentialsSchema>;

// A row without a name or an ID cannot be chosen but spoils nothing else: the client skips it (hasTenantIdentity).
const UserTenantRowSchema = z.object({
  TenantId: maybe(z.string()),
  AccountName: maybe(z.string()),
  PlanID: maybe(z.string()),
});
type UserTenantRow = z.infer<typeof UserTenantRowSchema>;
export type UserTenant = UserTenantRow & { readonly TenantId: string; readonly AccountName: string };
export const UserTenantListSchema = z.array(UserTenantRowSchema);

export function hasTenantIdentity(row: UserTenantRow): row is UserTenant {
  return Boolean(row.TenantId && row.AccountName);
}

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

/** duplo-jit's `DuploPlanK8ClusterConfig`: what both Kubernetes JIT endpoints answer. */
export const K8sClusterConfigSchema = z.object({
  Name: maybe(z.string()),
  ApiServer: nonEmpty(),
  Token: nonEmpty(),
  K8Provider: maybe(z.number()),
  AwsRegion: maybe(z.string()),
  K8sVersion: maybe(z.string()),
  // Absent on clusters without a CA of their own (AKS); duplo-jit then skips TLS verification.
  CertificateAuthorityDataBase64: maybe(z.string()),
  // duplo-jit reads it as the token's expiry, whatever its name says.
  LastTokenRefreshTime: maybe(z.string()),
});
export type K8sClusterConfig = z.infer<typeof K8sClusterConfigSchema>;
