/**
 * The portfolio page's signature checks, off the page's own thread where the browser lets
 * it: a worker made from the page's very script (allowed by the page's CSP as `blob:`, the
 * script text being the one its hash names) checks the credentials one after another, so
 * the page is shown and scrolls while they are checked, and every check after the first
 * reuses the JSON-LD contexts the first one resolved. Where no worker starts (a policy or a
 * browser that refuses one), the same checks run on the page, one at a time after it is
 * painted, yielding between them.
 */
import { prepareVerification, verifyDataIntegrity } from '../../lib/credentials/data-integrity';

/** Whether the credential's proof holds and was made by its issuer's own key. */
export async function holds(credential: unknown): Promise<boolean> {
  try {
    const issuer = (credential as { issuer?: unknown } | null)?.issuer;
    const issuerId = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | null)?.id;
    const r = await verifyDataIntegrity(credential);
    return r.ok && typeof issuerId === 'string' && !!issuerId && r.signer === issuerId;
  } catch {
    return false;
  }
}

interface Question {
  id: number;
  credential: unknown;
}
interface Answer {
  id: number;
  ok: boolean;
}

/** In the worker: answers each credential posted, one at a time, in the order they came. */
export function serveChecks(scope: {
  onmessage: ((e: MessageEvent<Question>) => void) | null;
  postMessage(answer: Answer): void;
}): void {
  // The contexts are made ready while the page still sends the first credential.
  let turn = prepareVerification();
  scope.onmessage = ({ data }) => {
    turn = turn.then(async () =>
      scope.postMessage({ id: data.id, ok: await holds(data.credential) }),
    );
  };
}

/** Lets the page paint and take input before the next piece of work. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Resolves once the page as built so far is on screen (at once in a hidden tab). */
function afterPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => void yieldToPage().then(resolve)));
}

/** How long a worker may go without answering before the page checks in its place. */
const SILENCE_MS = 20_000;

/** A worker running `source`, or null where the browser refuses one at once. */
function workerOf(source: string): { worker: Worker; url: string } | null {
  if (typeof Worker !== 'function') return null;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return { worker: new Worker(url), url };
  } catch {
    URL.revokeObjectURL(url);
    return null;
  }
}

export interface Checker {
  /** Whether `credential` holds; the same credential (by its JSON) is checked once. */
  check(credential: unknown): Promise<boolean>;
  /** Where the checks ran: `worker`, or `page` when none started or it failed. */
  readonly where: 'worker' | 'page';
}

/** Whether `credential` carries a proof at all: without one there is nothing to check. */
function hasProof(credential: unknown): boolean {
  const proof = (credential as { proof?: unknown } | null)?.proof;
  return [proof].flat().some(Boolean);
}

/**
 * Checks credentials in a worker started from `source` (the page's own script) for the
 * first credential with a proof, or on the page when there is none or it fails: what the
 * worker had not answered is then checked here. One without a proof is refused at once.
 */
export function startChecks(source: string | null | undefined): Checker {
  let onPage: Promise<unknown> | null = null;
  const inTurn = (credential: unknown): Promise<boolean> => {
    const answer = (onPage ??= afterPaint()).then(() => holds(credential));
    onPage = answer.then(yieldToPage);
    return answer;
  };

  const pending = new Map<number, { credential: unknown; resolve: (ok: boolean) => void }>();
  let where: Checker['where'] = 'page';
  let started: { worker: Worker; url: string } | null = null;
  let refused = !source;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  // A worker that fails, or falls silent, hands what it had not answered back to the page.
  const failOver = () => {
    clearTimeout(watchdog);
    if (started) {
      URL.revokeObjectURL(started.url);
      started.worker.terminate();
    }
    started = null;
    refused = true;
    where = 'page';
    for (const { credential, resolve } of pending.values()) void inTurn(credential).then(resolve);
    pending.clear();
  };
  const watch = () => {
    clearTimeout(watchdog);
    if (pending.size > 0) watchdog = setTimeout(failOver, SILENCE_MS);
  };
  const worker = (): Worker | null => {
    if (started || refused) return started?.worker ?? null;
    started = workerOf(source!);
    if (!started) {
      refused = true;
      return null;
    }
    where = 'worker';
    const { url } = started;
    started.worker.onmessage = ({ data }: MessageEvent<Answer>) => {
      URL.revokeObjectURL(url); // the worker has its script by its first answer
      pending.get(data.id)?.resolve(data.ok === true);
      pending.delete(data.id);
      watch();
    };
    started.worker.onerror = started.worker.onmessageerror = failOver;
    return started.worker;
  };

  let next = 0;
  const seen = new Map<string, Promise<boolean>>();
  const ask = (credential: unknown): Promise<boolean> => {
    if (!hasProof(credential)) return Promise.resolve(false);
    const to = worker();
    if (!to) return inTurn(credential);
    return new Promise<boolean>((resolve) => {
      const id = next++;
      pending.set(id, { credential, resolve });
      to.postMessage({ id, credential } satisfies Question);
      if (pending.size === 1) watch();
    });
  };
  return {
    get where() {
      return where;
    },
    check(credential) {
      const key = JSON.stringify(credential) ?? '';
      let answer = seen.get(key);
      if (!answer) seen.set(key, (answer = ask(credential)));
      return answer;
    },
  };
}
