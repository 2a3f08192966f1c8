/** How often a local program's request needs the user's yes (docs/architecture.md, "One CLI request"). */
export const approvalPolicies = ['ask-every-time', 'ask-once', 'never-ask'] as const;
export type ApprovalPolicy = (typeof approvalPolicies)[number];

/** An unanswered ask becomes a refusal well before the Go SDK's 60 s credential_process limit. */
export const defaultApprovalTimeoutSeconds = 45;
