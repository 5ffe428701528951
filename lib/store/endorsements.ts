/**
 * Endorsements in the database: a file someone sent the learner, checked and kept exactly as
 * it arrived, and the endorsements of each skill for the views and exports. A refused or
 * repeated file changes nothing.
 */
import type { SkilltrailDb } from './db';
import type { AddEndorsementResult } from '../credentials/endorsement';
import { learnerAchievementId } from '../credentials/learner-binding';
import { newId } from '../ids';
import type { Endorsement } from '../model';

/** What a file chooser gives: a size known before reading, and the text. */
export interface EndorsementFile {
  size: number;
  text: () => Promise<string>;
}

/**
 * Every achievement id the learner `learnerDid` may be endorsed for, with the skill it
 * belongs to: each skill's, as its badges name it, and each of the skills merged into it.
 * @example (await endorsableSubjects(db(), key.did)).get(learnerAchievementId(key.did, skill.id)) // skill.id
 */
export async function endorsableSubjects(
  db: SkilltrailDb,
  learnerDid: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await db.skills.each((skill) => {
    for (const merged of skill.mergedIds ?? [])
      out.set(learnerAchievementId(learnerDid, merged), skill.id);
    out.set(learnerAchievementId(learnerDid, skill.id), skill.id);
  });
  return out;
}

/**
 * Checks an endorsement file for the learner `learnerDid` (their `did:key`) and, when it
 * holds, stores it under its skill. The check (JSON-LD and proofs) loads on first use. A
 * file already added (by its credential id) is stored once and answered `already-added`.
 * Never throws for a bad file.
 * @example const r = await addEndorsement(db(), input.files[0], Date.now(), key.did);
 */
export async function addEndorsement(
  db: SkilltrailDb,
  file: EndorsementFile,
  now: number,
  learnerDid: string,
): Promise<AddEndorsementResult> {
  const { checkEndorsement, ENDORSEMENT_ERROR_TEXT, MAX_ENDORSEMENT_BYTES } =
    await import('../credentials/endorsement');
  if (file.size > MAX_ENDORSEMENT_BYTES) {
    return {
      ok: false,
      key: 'too-large',
      message: ENDORSEMENT_ERROR_TEXT['too-large'],
      detail: `${file.size} bytes`,
    };
  }
  const checked = await checkEndorsement(
    await file.text(),
    await endorsableSubjects(db, learnerDid),
    now,
    learnerDid,
  );
  if (!checked.ok) return checked;
  const endorsement: Endorsement = { id: newId(), ...checked.endorsement, addedAt: now };
  return db.transaction(
    'rw',
    [db.endorsements, db.skills],
    async (): Promise<AddEndorsementResult> => {
      const skill = await db.skills.get(endorsement.skillId);
      // The skill was deleted while the file was being checked.
      if (!skill) {
        return {
          ok: false,
          key: 'foreign-subject',
          message: ENDORSEMENT_ERROR_TEXT['foreign-subject'],
          detail: endorsement.subjectId,
        };
      }
      const existing = await db.endorsements
        .where('credentialId')
        .equals(endorsement.credentialId)
        .first();
      if (existing) {
        const owner = await db.skills.get(existing.skillId);
        return {
          ok: false,
          key: 'already-added',
          message: ENDORSEMENT_ERROR_TEXT['already-added'],
          detail: existing.credentialId,
          existing,
          skillName: owner?.name ?? skill.name,
        };
      }
      await db.endorsements.add(endorsement);
      return { ok: true, endorsement, skillName: skill.name };
    },
  );
}

/**
 * The endorsements of every skill, newest first (by when they were signed).
 * @example (await endorsementsBySkill(db())).get(skill.id)?.length
 */
export async function endorsementsBySkill(db: SkilltrailDb): Promise<Map<string, Endorsement[]>> {
  const all = await db.endorsements.toArray();
  all.sort((a, b) => b.issuedAt - a.issuedAt || a.id.localeCompare(b.id));
  const out = new Map<string, Endorsement[]>();
  for (const e of all) {
    const list = out.get(e.skillId);
    if (list) list.push(e);
    else out.set(e.skillId, [e]);
  }
  return out;
}
