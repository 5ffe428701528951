import type { Skill } from '../model';

/** Colours for new skills, in turn; all reach 4.5:1 against white text. */
export const SKILL_COLOURS = [
  '#1d4ed8',
  '#047857',
  '#b45309',
  '#7c3aed',
  '#be123c',
  '#0f766e',
  '#4338ca',
  '#a21caf',
];

/**
 * The key that makes two skill names the same: case-, accent-, punctuation- and
 * space-insensitive.
 * @example skillKey('  Front-End   Development ') === skillKey('front end development') // true
 */
export function skillKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/** A skill name as the learner typed it, tidied: single spaces, bounded length. */
export function cleanSkillName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 80);
}

/**
 * Existing skills that match what the learner is typing, best first: exact key, then
 * prefix of the name or an alias, then a word prefix, then a substring.
 * @example rankSkillMatches('css', skills)[0]?.name // 'CSS'
 */
export function rankSkillMatches(query: string, skills: readonly Skill[], limit = 8): Skill[] {
  const q = skillKey(query);
  if (!q) return [];
  const scored: { skill: Skill; score: number }[] = [];
  for (const skill of skills) {
    let best = 0;
    for (const key of [skill.key, ...skill.aliases.map(skillKey)]) {
      if (key === q) best = Math.max(best, 4);
      else if (key.startsWith(q)) best = Math.max(best, 3);
      else if (key.split(' ').some((w) => w.startsWith(q))) best = Math.max(best, 2);
      else if (key.includes(q)) best = Math.max(best, 1);
    }
    if (best > 0) scored.push({ skill, score: best });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.skill.updatedAt - a.skill.updatedAt ||
      a.skill.name.localeCompare(b.skill.name),
  );
  return scored.slice(0, limit).map((s) => s.skill);
}
