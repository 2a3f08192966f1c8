/** The bridge protocol's version, alone in its file so the CLI's `aws` path can name it without loading zod. */
export const protocolVersion = 1;
