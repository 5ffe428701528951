/**
 * The Verify view's checks, off the page's thread: a large credential's JSON-LD expansion
 * and canonicalisation take seconds in one piece, during which the page would not answer.
 * One request, one verdict, in order; the view ends the worker when its file is done.
 */
import { checkCredential, type CredentialVerdict } from '../../../../lib/credentials/verify';

/** What the view sends: a credential of the file and the time to judge it at. */
export interface VerifyRequest {
  id: number;
  item: unknown;
  now: number;
}

export interface VerifyReply {
  id: number;
  verdict: CredentialVerdict;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null;
  postMessage(reply: VerifyReply): void;
};

scope.onmessage = (event) => {
  const { id, item, now } = event.data;
  void checkCredential(item, { now }).then((verdict) => scope.postMessage({ id, verdict }));
};
