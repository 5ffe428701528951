/**
 * What end-to-end tests ask of an endorsement request page and of the endorsement signed in
 * it: the page's inline script is the one its CSP hash names; a page whose script was
 * changed by one byte is refused by that CSP; the signed endorsement passes
 * `@digitalcredentials/verifier-core` and Skilltrail's `checkEndorsement`, and an edited
 * copy is refused.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { verifyCredential as verifierCore } from '@digitalcredentials/verifier-core';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { signDataIntegrity } from '../../../lib/credentials/data-integrity';
import { didKeyFromPair } from '../../../lib/credentials/did-key';
import { checkEndorsement } from '../../../lib/credentials/endorsement';
import { learnerAchievementId } from '../../../lib/credentials/learner-binding';
import { jsonForScript, REQUEST_DATA_ID } from '../../../lib/endorsement-request/page-html';
import { weekFixture } from '../../fixtures/week';
import { putRecords } from './dexie-reader';
import { waitForTruthy } from './pages';

/** The page's CSP, inline script and style, read from its HTML. */
export function requestPageParts(html: string): { csp: string; script: string; style: string } {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(1);
  expect(styles).toHaveLength(1);
  return { csp: csp!, script: scripts[0]!, style: styles[0]! };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The CSP allows exactly the page's own script and style, by hash, and nothing remote; with
 * `workers`, also a `blob:` worker (the portfolio runs its own script text in one).
 */
export function expectStrictCsp(html: string, options: { workers?: boolean } = {}): void {
  const { csp, script, style } = requestPageParts(html);
  const workers = options.workers ? ' worker-src blob:;' : '';
  expect(csp).toBe(
    `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; img-src data:;${workers} base-uri 'none'; form-action 'none'`,
  );
  // Nothing in the page loads from anywhere: no src, no href but the evidence links.
  expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)=/i);
}

/** Makes `page` record every CSP violation the documents it opens from now on report. */
export async function watchCspViolations(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
}

/** The CSP violations `page` reported (`watchCspViolations` first). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

/** The page's inline script was refused by its CSP, so nothing of it ran. */
export async function expectScriptRefused(page: Page): Promise<void> {
  await waitForTruthy(
    page,
    () => (window as unknown as { violations: string[] }).violations.length > 0,
  );
  expect((await cspViolations(page))[0]).toMatch(/^script-src-elem inline/);
  expect(await page.$('#signature')).toBeNull();
}

/** The fixture week's skills and sessions, written into the extension's database from `page`. */
export async function putFixtureWeek(page: Page): Promise<void> {
  const { data } = weekFixture();
  await putRecords(page, {
    sessions: data.sessions,
    visits: data.visits,
    searches: data.searches,
    skills: data.skills,
  });
}

/** A copy of the page whose inline script differs by one byte: its hash no longer matches. */
export function pageWithAlteredScript(html: string, path: string): string {
  const { script } = requestPageParts(html);
  writeFileSync(path, html.replace(`<script>${script}</script>`, `<script>${script};</script>`));
  return path;
}

/** A copy of the page whose embedded credential says more than the learner signed. */
export function pageWithEditedClaim(html: string, path: string): string {
  const edited = html.replace(/"narrative":"[^"]*"/, '"narrative":"I am the best at this."');
  expect(edited).not.toBe(html);
  writeFileSync(path, edited);
  return path;
}

/**
 * Checks a signed endorsement of the skill `skillId` of the learner `learnerDid` with tools
 * Skilltrail did not write and with its own `checkEndorsement`; answers the credential.
 */
export async function expectValidEndorsement(
  text: string,
  skillId: string,
  learnerDid: string,
): Promise<Record<string, unknown>> {
  const credential = JSON.parse(text) as Record<string, unknown>;
  const fetch = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(new Error('offline'));
  const core = (await verifierCore({
    credential: credential as never,
    knownDIDRegistries: [],
  }).finally(() => (globalThis.fetch = fetch))) as { log?: { id: string; valid: boolean }[] };
  expect(core.log?.find((s) => s.id === 'valid_signature')?.valid).toBe(true);
  const subjects = new Map([[learnerAchievementId(learnerDid, skillId), skillId]]);
  const checked = await checkEndorsement(text, subjects, Date.now(), learnerDid);
  expect(checked.ok, JSON.stringify(checked)).toBe(true);
  // One changed word, and neither accepts it.
  const edited = text.replace(/"endorsementComment": "/, '"endorsementComment": "Not ');
  expect(edited).not.toBe(text);
  expect(await checkEndorsement(edited, subjects, Date.now(), learnerDid)).toMatchObject({
    ok: false,
    key: 'bad-proof',
  });
  return credential;
}

/**
 * A request page forged with someone's skill: the claim names the learner's achievement id
 * (their `did:key` and skill), but is signed by another key, named as its issuer. Its own
 * signature holds; only the binding shows it is not the learner's.
 */
export async function pageWithForeignSkill(html: string, path: string): Promise<string> {
  const block = new RegExp(
    `(<script type="application/json" id="${REQUEST_DATA_ID}">)([\\s\\S]*?)(</script>)`,
  );
  const m = block.exec(html)!;
  const data = JSON.parse(m[2]!) as { credential: Record<string, unknown> };
  const forger = await didKeyFromPair(
    (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair,
  );
  const { proof: _, ...unsigned } = data.credential as Record<string, unknown> & {
    issuer: Record<string, unknown>;
    credentialSubject: Record<string, unknown>;
  };
  unsigned.issuer = { ...unsigned.issuer, id: forger.did };
  unsigned.credentialSubject = { ...unsigned.credentialSubject, id: forger.did };
  data.credential = await signDataIntegrity(unsigned, forger.signer);
  writeFileSync(path, html.replace(m[0], `${m[1]}${jsonForScript(data)}${m[3]}`));
  return path;
}
