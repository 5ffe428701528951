/**
 * What a restore checks of a backup's follow-ups and endorsements before anything is
 * written: each is about a skill of the file or of the record, and each endorsement is one
 * that verifies — its proof by its own issuer, about this learner's skill (its subject names
 * the learner's `did:key`), or about one stated activity of the file (`sessionId`), not dated
 * in the future — and says what its record shows. An
 * endorsement that expired since it was added is kept (the views mark it expired).
 */
import type { Skill } from '../model';
import { learnerAchievementId, learnerActivityId } from '../credentials/learner-binding';
import type { Backup, BackupError } from './backup';
import { fail } from './backup-parse';

/**
 * The first follow-up or endorsement of `backup` that may not be restored, by its position,
 * or `null`. `existing` are the record's skills; `learnerDid` is whose endorsements they
 * must be (the key the backup brings, or this browser's). Loads the JSON-LD checks.
 * @example const problem = await backupEndorsementProblem(parsed.backup, await db.skills.toArray(), did, Date.now());
 */
export async function backupEndorsementProblem(
  backup: Backup,
  existing: readonly Skill[],
  learnerDid: string,
  now: number,
): Promise<BackupError | null> {
  const { data } = backup;
  /** Each skill's ids (its own and those merged into it), from the file and the record. */
  const idsOf = new Map<string, Set<string>>();
  for (const s of [...existing, ...data.skills]) {
    const ids = idsOf.get(s.id) ?? new Set<string>();
    for (const id of [s.id, ...(s.mergedIds ?? [])]) ids.add(id);
    idsOf.set(s.id, ids);
  }
  const i = data.followUps.findIndex((f) => !idsOf.has(f.skillId));
  if (i >= 0) return fail('orphan-skill', `data.followUps[${i}].skillId: no such skill`);
  const j = data.endorsements.findIndex((e) => !idsOf.has(e.skillId));
  if (j >= 0) return fail('orphan-skill', `data.endorsements[${j}].skillId: no such skill`);
  if (data.endorsements.length === 0) return null;

  const subjects = new Map<string, string>();
  for (const [skillId, ids] of idsOf)
    for (const id of ids) subjects.set(learnerAchievementId(learnerDid, id), skillId);
  const stated = new Set(
    data.sessions.filter((s) => s.kind === 'away' && s.provenance === 'stated').map((s) => s.id),
  );
  const { checkEndorsement } = await import('../credentials/endorsement');
  for (const [k, record] of data.endorsements.entries()) {
    const at = `data.endorsements[${k}]`;
    // One activity's endorsement may be of that activity only, a stated one of the file.
    const activities = new Map(
      record.sessionId !== undefined && stated.has(record.sessionId)
        ? [
            [
              learnerActivityId(learnerDid, record.sessionId),
              { sessionId: record.sessionId, skillId: record.skillId },
            ],
          ]
        : [],
    );
    const r = await checkEndorsement(
      record.credential,
      record.sessionId === undefined ? subjects : new Map(),
      now,
      learnerDid,
      { keepExpired: true, activities },
    );
    if (!r.ok) return fail('endorsement-refused', `${at}: ${r.message} (${r.detail})`);
    const signed = r.endorsement;
    if (record.sessionId === undefined) {
      const skillIds = idsOf.get(record.skillId)!;
      const rawId = [...skillIds].find(
        (id) => learnerAchievementId(learnerDid, id) === signed.subjectId,
      );
      if (!rawId) return fail('endorsement-refused', `${at}.skillId: not the skill it endorses`);
    }
    // What the views show must be what the endorser signed.
    for (const field of [
      'credentialId',
      'subjectId',
      'issuerName',
      'issuerDescription',
      'issuerEmail',
      'comment',
      'issuedAt',
      'expiresAt',
    ] as const) {
      if (record[field] !== signed[field])
        return fail('endorsement-refused', `${at}.${field}: not what the endorsement says`);
    }
  }
  return null;
}
