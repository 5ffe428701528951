/**
 * A short built-in list of common workplace skills, technical and interpersonal, that a
 * new learner can pick from on the welcome page instead of starting from an empty list.
 * Our own wording; no framework URIs (a learner or organisation links ESCO or O*NET
 * through the taxonomy import or the skill editor).
 */
import type { SkilltrailDb } from './db';
import { newId } from './ids';
import type { Skill } from './model';
import { cleanAliases } from './skill-library';
import { SKILL_COLOURS, cleanSkillName, skillKey } from './skills';

export interface StarterSkill {
  name: string;
  description: string;
  aliases: string[];
}

export const STARTER_SKILLS: readonly StarterSkill[] = [
  {
    name: 'Communication',
    description: 'Getting ideas across clearly in writing, in meetings and one to one.',
    aliases: ['Written communication', 'Verbal communication'],
  },
  {
    name: 'Teamwork',
    description: 'Working with others towards a shared result, and helping the team work well.',
    aliases: ['Collaboration'],
  },
  {
    name: 'Leadership',
    description: 'Setting direction, motivating people and growing the people you work with.',
    aliases: ['People management', 'Team leadership'],
  },
  {
    name: 'Project management',
    description: 'Planning, running and closing pieces of work on time, scope and budget.',
    aliases: ['PM', 'Project planning'],
  },
  {
    name: 'Agile methods',
    description: 'Scrum, Kanban and other ways of delivering work in short, reviewed steps.',
    aliases: ['Agile', 'Scrum', 'Kanban'],
  },
  {
    name: 'Time management',
    description: 'Prioritising, planning your days and keeping focus.',
    aliases: ['Prioritisation', 'Productivity'],
  },
  {
    name: 'Problem solving',
    description: 'Finding the cause of a problem and choosing a workable fix.',
    aliases: ['Troubleshooting'],
  },
  {
    name: 'Critical thinking',
    description: 'Weighing evidence and arguments before drawing a conclusion.',
    aliases: ['Analytical thinking'],
  },
  {
    name: 'Customer service',
    description: 'Helping customers and users well, including when things go wrong.',
    aliases: ['Customer support', 'Client relations'],
  },
  {
    name: 'Negotiation',
    description: 'Reaching agreements that both sides can live with.',
    aliases: [],
  },
  {
    name: 'Public speaking',
    description: 'Presenting to a group with clarity and confidence.',
    aliases: ['Presentation skills', 'Presenting'],
  },
  {
    name: 'Business writing',
    description: 'Reports, emails and documents that are short, clear and fit their readers.',
    aliases: ['Writing', 'Copywriting'],
  },
  {
    name: 'Data analysis',
    description: 'Cleaning, exploring and summarising data to answer a question.',
    aliases: ['Data analytics', 'Analytics'],
  },
  {
    name: 'Spreadsheets',
    description: 'Formulas, pivot tables and charts in Excel, Google Sheets or LibreOffice.',
    aliases: ['Excel', 'Google Sheets'],
  },
  {
    name: 'SQL',
    description: 'Querying and shaping data in relational databases.',
    aliases: ['Databases'],
  },
  {
    name: 'Python',
    description: 'Programming in Python, from scripts to data work and web services.',
    aliases: ['Python programming'],
  },
  {
    name: 'JavaScript',
    description: 'Programming for the web and Node.js, TypeScript included.',
    aliases: ['JS', 'TypeScript'],
  },
  {
    name: 'Web development',
    description: 'Building websites and web applications: HTML, CSS and the tools around them.',
    aliases: ['HTML', 'CSS', 'Front-end development'],
  },
  {
    name: 'Cloud computing',
    description: 'Running systems on AWS, Azure, Google Cloud and similar platforms.',
    aliases: ['AWS', 'Azure', 'Google Cloud'],
  },
  {
    name: 'Cybersecurity',
    description: 'Protecting systems and data: threats, safe practice and incident response.',
    aliases: ['Information security', 'Security'],
  },
  {
    name: 'Machine learning',
    description: 'Models that learn from data, and using AI tools responsibly.',
    aliases: ['ML', 'Artificial intelligence', 'AI'],
  },
  {
    name: 'UX design',
    description: 'Understanding users and designing products that are easy to use.',
    aliases: ['User experience', 'UI design'],
  },
  {
    name: 'Accessibility',
    description: 'Making products and documents usable by people with disabilities.',
    aliases: ['a11y', 'WCAG', 'Inclusive design'],
  },
  {
    name: 'Digital marketing',
    description: 'Reaching people online: content, search, social media and email.',
    aliases: ['SEO', 'Content marketing', 'Marketing'],
  },
  {
    name: 'Finance basics',
    description: 'Budgets, costs, forecasts and reading financial statements.',
    aliases: ['Budgeting', 'Accounting basics'],
  },
  {
    name: 'Foreign languages',
    description: 'Learning and practising a language other than your first.',
    aliases: ['Languages', 'Language learning'],
  },
];

/**
 * Adds the starter skills named `names` (any spelling of their names; unknown names are
 * skipped) to the library. A skill whose key already exists is left as the learner has it.
 * Atomic and idempotent: adding the same names again adds nothing. Returns the new skills.
 * @example await addStarterSkills(db, ['Python', 'Communication'], Date.now())
 */
export async function addStarterSkills(
  db: SkilltrailDb,
  names: readonly string[],
  now: number,
): Promise<Skill[]> {
  const wanted = new Set(names.map(skillKey));
  const picked = STARTER_SKILLS.filter((s) => wanted.has(skillKey(s.name)));
  return db.transaction('rw', db.skills, async () => {
    let count = await db.skills.count();
    const added: Skill[] = [];
    for (const starter of picked) {
      const name = cleanSkillName(starter.name);
      const key = skillKey(name);
      if (await db.skills.where('key').equals(key).first()) continue;
      added.push({
        id: newId(),
        name,
        key,
        aliases: cleanAliases(starter.aliases, key),
        description: starter.description,
        colour: SKILL_COLOURS[count++ % SKILL_COLOURS.length]!,
        createdAt: now,
        updatedAt: now,
      });
    }
    await db.skills.bulkAdd(added);
    return added;
  });
}
