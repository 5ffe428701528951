/**
 * The script of the endorsement request page (`lib/endorsement-request/page-html.ts`): it
 * runs from a file on the endorser's disk, with no extension. It shows the learner's claim
 * from the page's data block, checks the learner's signature on it, and turns the form into
 * an `EndorsementCredential` signed with a key made here, saved as a file. Everything it
 * shows is written as text.
 */
import { signDataIntegrity, verifyDataIntegrity } from '../../lib/credentials/data-integrity';
import { didKeyFromPair, ED25519 } from '../../lib/credentials/did-key';
import { buildEndorsement, endorsementStatement } from '../../lib/credentials/endorsement';
import { keyFingerprint } from '../../lib/credentials/fingerprint';
import { achievementOwner } from '../../lib/credentials/learner-binding';
import { claimOf, fill, type Claim } from '../../lib/endorsement-request/claim';
import {
  FIELD_LIMITS,
  readEndorserForm,
  type EndorserField,
} from '../../lib/endorsement-request/endorser-form';
import { endorsementFilename } from '../../lib/endorsement-request/files';
import { REQUEST_DATA_ID, type RequestPageData } from '../../lib/endorsement-request/page-html';
import type { RequestPageText } from '../../lib/endorsement-request/text';
import { el, readDataBlock, saveFile } from '../dom';

function formatDate(day: string, lang: string): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (!Number.isFinite(at)) return day;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
  } catch {
    return day;
  }
}

function claimSection(
  claim: Claim,
  T: RequestPageText,
  lang: string,
  fingerprint: HTMLElement,
): HTMLElement {
  const evidence = claim.evidence.length
    ? el(
        'ul',
        { class: 'evidence' },
        ...claim.evidence.map((e) =>
          el(
            'li',
            {},
            e.href
              ? el('a', { href: e.href, rel: 'noopener noreferrer', dir: 'auto' }, e.name)
              : el('span', { dir: 'auto' }, e.name),
            el('br'),
            el('span', { class: 'meta' }, e.description),
            e.narrative && el('blockquote', { dir: 'auto' }, e.narrative),
          ),
        ),
      )
    : el('p', { class: 'muted' }, T.noEvidence);
  return el(
    'section',
    { 'aria-labelledby': 'claim-heading', class: 'claim' },
    el('h2', { id: 'claim-heading' }, T.claimHeading),
    claim.activity && el('p', { class: 'one-activity', id: 'one-activity' }, T.oneActivity),
    el('p', { class: 'meta', dir: 'auto', id: 'learner' }, fill(T.learner, claim.learner)),
    fingerprint,
    claim.from &&
      el(
        'p',
        { class: 'meta' },
        fill(T.period, formatDate(claim.from, lang), formatDate(claim.to, lang)),
      ),
    el('p', { dir: 'auto' }, claim.narrative),
    claim.skillDescription && el('p', { class: 'muted', dir: 'auto' }, claim.skillDescription),
    el('p', { class: 'meta' }, T.privacy),
    el('h3', {}, T.evidenceHeading),
    evidence,
    el('p', { class: 'muted' }, T.selfAsserted),
  );
}

const FIELDS: {
  field: EndorserField;
  label: keyof RequestPageText;
  multiline: boolean;
  required: boolean;
  type?: string;
}[] = [
  { field: 'name', label: 'name', multiline: false, required: true },
  { field: 'role', label: 'role', multiline: false, required: false },
  { field: 'email', label: 'email', multiline: false, required: false, type: 'email' },
  { field: 'howKnown', label: 'howKnown', multiline: true, required: false },
  { field: 'comment', label: 'comment', multiline: true, required: true },
];

async function hasEd25519(): Promise<boolean> {
  try {
    await crypto.subtle.generateKey(ED25519, false, ['sign', 'verify']);
    return true;
  } catch {
    return false;
  }
}

/** The statement the endorsement carries, as the endorser's name is typed. */
function statementOf(claim: Claim, endorser: string): string {
  return endorsementStatement({
    endorser: endorser.trim() || '…',
    learner: claim.learner,
    learnerId: claim.learnerId,
    skill: claim.skill,
    activity: claim.activity,
  });
}

function endorsementForm(
  claim: Claim,
  T: RequestPageText,
  verdict: Promise<'holds' | 'fails' | 'not-theirs'>,
): HTMLElement {
  const status = el('p', { role: 'status', class: 'status', id: 'sign-status' });
  const inputs = new Map<EndorserField, HTMLInputElement | HTMLTextAreaElement>();
  const errors = new Map<EndorserField, HTMLElement>();
  const rows = FIELDS.map(({ field, label, multiline, required, type }) => {
    const id = `field-${field}`;
    const input = multiline
      ? el('textarea', { id, name: field, rows: field === 'comment' ? '6' : '3' })
      : el('input', {
          id,
          name: field,
          type: type ?? 'text',
          autocomplete: field === 'name' ? 'name' : field === 'email' ? 'email' : 'off',
        });
    input.maxLength = FIELD_LIMITS[field];
    if (required) input.setAttribute('aria-required', 'true');
    input.setAttribute('dir', 'auto');
    const error = el('p', { class: 'error', id: `${id}-error` });
    const described = [`${id}-error`, field === 'comment' ? 'comment-hint' : '']
      .filter(Boolean)
      .join(' ');
    input.setAttribute('aria-describedby', described);
    inputs.set(field, input);
    errors.set(field, error);
    return el(
      'div',
      { class: 'field' },
      el('label', { for: id }, T[label], required ? ` ${T.required}` : ''),
      field === 'comment' && el('p', { class: 'muted hint', id: 'comment-hint' }, T.commentHint),
      input,
      error,
    );
  });
  const statement = el('blockquote', { id: 'will-say', lang: 'en', dir: 'ltr' });
  const subject = el('p', { class: 'muted address', id: 'will-say-subject' }, claim.subjectId);
  const showStatement = () => {
    statement.textContent = statementOf(claim, inputs.get('name')!.value);
  };
  inputs.get('name')!.addEventListener('input', showStatement);
  showStatement();
  const button = el('button', { type: 'submit', id: 'sign' }, T.sign);
  const form = el(
    'form',
    { novalidate: '', id: 'endorse-form' },
    ...rows,
    el('p', {}, T.willSay),
    statement,
    subject,
    button,
    status,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      for (const [field, error] of errors) {
        error.textContent = '';
        inputs.get(field)!.removeAttribute('aria-invalid');
      }
      status.textContent = '';
      status.className = 'status';
      const read = readEndorserForm({
        name: inputs.get('name')!.value,
        role: inputs.get('role')!.value,
        email: inputs.get('email')!.value,
        howKnown: inputs.get('howKnown')!.value,
        comment: inputs.get('comment')!.value,
      });
      if (!read.ok) {
        for (const { field, problem } of read.problems) {
          errors.get(field)!.textContent = T[problem];
          inputs.get(field)!.setAttribute('aria-invalid', 'true');
        }
        inputs.get(read.problems[0]!.field)!.focus();
        return;
      }
      const v = await verdict;
      if (v !== 'holds') {
        status.textContent = v === 'not-theirs' ? T.notTheirs : T.signatureFails;
        status.className = 'status bad';
        return;
      }
      if (!(await hasEd25519())) {
        status.textContent = T.noEd25519;
        status.className = 'status bad';
        return;
      }
      button.disabled = true;
      status.textContent = T.signing;
      try {
        // A key of its own for this one endorsement, never stored: the file carries the signature.
        const pair = (await crypto.subtle.generateKey(ED25519, false, [
          'sign',
          'verify',
        ])) as CryptoKeyPair;
        const key = await didKeyFromPair(pair);
        const now = Date.now();
        const unsigned = buildEndorsement({
          subjectId: claim.subjectId,
          subjectName: claim.skill,
          learnerName: claim.learner,
          issuerId: key.did,
          endorser: read.endorser,
          comment: read.comment,
          now,
          id: `urn:uuid:${crypto.randomUUID()}`,
        });
        const signed = await signDataIntegrity(unsigned, key.signer, { now });
        const name = endorsementFilename(claim.skill);
        saveFile(name, `${JSON.stringify(signed, null, 2)}\n`);
        status.textContent = fill(T.done, name);
        status.className = 'status ok';
        form.dataset.signed = 'true';
      } catch (e) {
        status.textContent = fill(T.signFailed, e instanceof Error ? e.message : String(e));
        status.className = 'status bad';
      } finally {
        button.disabled = false;
      }
    })();
  });

  return el(
    'section',
    { 'aria-labelledby': 'form-heading', class: 'endorse' },
    el('h2', { id: 'form-heading' }, T.formHeading),
    el('p', {}, T.meaning),
    el('p', { class: 'muted' }, T.keyNote),
    form,
  );
}

/**
 * Whether the request is the learner's own: their key signed it, and the skill it asks
 * about is one of that key's (a request signed by one key for another's skill is forged).
 */
async function checkSignature(
  credential: unknown,
  claim: Claim,
): Promise<'holds' | 'fails' | 'not-theirs'> {
  if (achievementOwner(claim.subjectId) !== claim.learnerId) return 'not-theirs';
  const result = await verifyDataIntegrity(credential);
  return result.ok && result.signer === claim.learnerId ? 'holds' : 'fails';
}

function main(): void {
  const root = document.getElementById('page')!;
  const data = readDataBlock<RequestPageData>(REQUEST_DATA_ID, (d) => !!d.text && !!d.credential);
  const claim = data && claimOf(data.credential);
  if (!data || !claim) {
    root.append(
      el(
        'p',
        { class: 'status bad', role: 'alert' },
        data?.text.damaged ?? 'This file is damaged.',
      ),
    );
    return;
  }
  const T = data.text;
  const signature = el('p', { class: 'status', role: 'status', id: 'signature' }, T.checking);
  const verdict = checkSignature(data.credential, claim).catch(() => 'fails' as const);
  void verdict.then((v) => {
    const ok = v === 'holds';
    signature.textContent = ok
      ? fill(T.signatureHolds, claim.learnerId)
      : v === 'not-theirs'
        ? T.notTheirs
        : T.signatureFails;
    signature.className = ok ? 'status ok' : 'status bad';
    signature.dataset.signature = v;
  });
  const fingerprint = el('p', { class: 'meta', id: 'fingerprint' });
  void keyFingerprint(claim.learnerId).then((f) => {
    fingerprint.textContent = fill(T.fingerprint, f);
    fingerprint.dataset.fingerprint = f;
  });
  root.append(
    el('p', {}, T.intro),
    signature,
    claimSection(claim, T, data.lang, fingerprint),
    endorsementForm(claim, T, verdict),
    el('footer', { class: 'muted' }, T.footer),
  );
}

main();
