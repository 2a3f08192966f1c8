/** Why the sign-in listener turned a request away: the status it answers and words for the notice. */
export type HandoffRefusal = { readonly ok: false; readonly status: 400 | 404 | 405 | 413 | 415; readonly reason: string };

export const refuse = (status: HandoffRefusal['status'], reason: string): HandoffRefusal => ({ ok: false, status, reason });

/** A header's value when it was sent once; a repeated header counts as missing. */
export const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value);
