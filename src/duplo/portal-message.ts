const maxLength = 200;

/**
 * The portal explains some refusals in a `Message` field (or plain text on older
 * endpoints). It is worth showing, but it is foreign text: keep it short, on one line,
 * and never let it echo the caller's token back into a log.
 */
export function readPortalMessage(body: string, contentType: string, token: string): string | undefined {
  let message: string | undefined;
  if (/json/i.test(contentType) || body.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null && 'Message' in parsed && typeof parsed.Message === 'string') {
        message = parsed.Message;
      }
    } catch {
      message = undefined;
    }
  } else if (/text\/plain/i.test(contentType)) {
    message = body;
  }
  if (message === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  let clean = message.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (token) clean = clean.split(token).join('[redacted]');
  if (clean.length > maxLength) clean = `${clean.slice(0, maxLength - 1)}…`;
  return clean || undefined;
}
