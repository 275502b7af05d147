/** The JSON body size limit of a route, refused as RFC 9457 problem+json naming the body. */
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from './problem';

/** The problem of a body over `maxBytes`. */
export function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError('TOO_LARGE', `Isi permintaan melebihi ${maxBytes / 1024} KB.`, [
    { field: 'body', code: 'too_big', message: `Permintaan maksimal ${maxBytes / 1024} KB.` },
  ]);
}

/** Middleware refusing a body over `maxBytes` (counted as it streams in when there is no Content-Length). */
export function jsonBodyLimit(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes);
    },
  });
}
