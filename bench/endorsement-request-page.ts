/**
 * The endorsement request page as a learner sends it, built as the dashboard builds it (the
 * standalone script, the learner's signed credential for one skill, the page's English
 * words) for the bundle-size benchmark: one typical skill (the fixture week's "Front-end
 * development", every evidence detail) and one at the most a badge lists (50 sessions with
 * long addresses and reflections).
 */
import { readFileSync } from 'node:fs';
import { signDataIntegrity } from '../lib/credentials/data-integrity';
import { getOrCreateDidKey } from '../lib/credentials/did-key';
import { memoryKeyStore } from '../lib/credentials/keys';
import { requestPageHtml } from '../lib/endorsement-request/page-html';
import type { RequestPageText } from '../lib/endorsement-request/text';
import { buildBadgeCredentials } from '../lib/export/openbadges/build';
import { prepareExport } from '../lib/export/privacy';
import { heavyWeek } from '../test/fixtures/heavy-week';
import { SKILL, weekFixture, type WeekFixture } from '../test/fixtures/week';
import { buildStandaloneScript } from '../tools/build/standalone-script';

type Messages = Record<string, { message: string }>;

/** The page's words in English: each field is the message `endorseReq<Field>`. */
function englishText(): RequestPageText {
  const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;
  return new Proxy({} as RequestPageText, {
    get: (_, field: string) => en[`endorseReq${field[0]!.toUpperCase()}${field.slice(1)}`]?.message,
    ownKeys: () =>
      Object.keys(en)
        .filter((k) => k.startsWith('endorseReq'))
        .map((k) => k[10]!.toLowerCase() + k.slice(11)),
    getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
  });
}

async function page(f: WeekFixture, skillId: string): Promise<string> {
  const shared = prepareExport(f.data, {
    ...f.week,
    timeZone: f.timeZone,
    weekStart: 1,
    level: 'full',
  });
  const key = await getOrCreateDidKey(memoryKeyStore());
  const all = await buildBadgeCredentials(shared, { issuerId: key.did, now: f.now });
  const credential = all.find((c) => c.credentialSubject.achievement.id.endsWith(skillId))!;
  const signed = await signDataIntegrity(credential, key.signer, { now: f.now });
  const text = { ...englishText() };
  return requestPageHtml(
    { credential: signed, text, lang: 'en' },
    await buildStandaloneScript('endorsement-request'),
  );
}

/** The script alone, and the two pages. */
export async function requestPages(): Promise<{
  script: string;
  typical: string;
  largest: string;
}> {
  const assets = await buildStandaloneScript('endorsement-request');
  const heavy = heavyWeek(1, 50);
  return {
    script: assets.script,
    typical: await page(weekFixture(), SKILL.frontEnd),
    largest: await page(heavy, heavy.data.skills.find((s) => s.name === 'Heavy skill 1')!.id),
  };
}
