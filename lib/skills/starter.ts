/**
 * A short built-in list of common workplace skills, technical and interpersonal, that a
 * new learner can pick from on the welcome page instead of starting from an empty list.
 * In English and Spanish, the languages of the interface. Our own wording; no framework URIs (a learner or organisation links ESCO or O*NET
 * through the taxonomy import or the skill editor).
 */
import type { SkilltrailDb } from '../store/db';
import { newId } from '../ids';
import type { Skill } from '../model';
import { cleanAliases } from './library';
import { SKILL_COLOURS, cleanSkillName, skillKey } from './names';

/** A starter skill's words in one language. */
export interface StarterSkillText {
  name: string;
  description: string;
  aliases: string[];
}

/** Languages with their own starter names, besides English. */
export type StarterLanguage = 'es';

/** English at the top level; each other interface language in its own field. */
export interface StarterSkill extends StarterSkillText {
  es: StarterSkillText;
}

export const STARTER_SKILLS: readonly StarterSkill[] = [
  {
    name: 'Communication',
    description: 'Getting ideas across clearly in writing, in meetings and one to one.',
    aliases: ['Written communication', 'Verbal communication'],
    es: {
      name: 'Comunicación',
      description: 'Transmitir ideas con claridad por escrito, en reuniones y en persona.',
      aliases: ['Comunicación escrita', 'Comunicación oral'],
    },
  },
  {
    name: 'Teamwork',
    description: 'Working with others towards a shared result, and helping the team work well.',
    aliases: ['Collaboration'],
    es: {
      name: 'Trabajo en equipo',
      description:
        'Trabajar con otras personas hacia un resultado común y ayudar a que el equipo funcione bien.',
      aliases: ['Colaboración'],
    },
  },
  {
    name: 'Leadership',
    description: 'Setting direction, motivating people and growing the people you work with.',
    aliases: ['People management', 'Team leadership'],
    es: {
      name: 'Liderazgo',
      description: 'Marcar el rumbo, motivar y hacer crecer a las personas con las que trabajas.',
      aliases: ['Gestión de personas', 'Liderazgo de equipos'],
    },
  },
  {
    name: 'Project management',
    description: 'Planning, running and closing pieces of work on time, scope and budget.',
    aliases: ['PM', 'Project planning'],
    es: {
      name: 'Gestión de proyectos',
      description:
        'Planificar, llevar a cabo y cerrar trabajos dentro de plazo, alcance y presupuesto.',
      aliases: ['Planificación de proyectos'],
    },
  },
  {
    name: 'Agile methods',
    description: 'Scrum, Kanban and other ways of delivering work in short, reviewed steps.',
    aliases: ['Agile', 'Scrum', 'Kanban'],
    es: {
      name: 'Métodos ágiles',
      description:
        'Scrum, Kanban y otras formas de entregar el trabajo en pasos cortos y revisados.',
      aliases: ['Ágil'],
    },
  },
  {
    name: 'Time management',
    description: 'Prioritising, planning your days and keeping focus.',
    aliases: ['Prioritisation', 'Productivity'],
    es: {
      name: 'Gestión del tiempo',
      description: 'Priorizar, planificar tus días y mantener la concentración.',
      aliases: ['Priorización', 'Productividad'],
    },
  },
  {
    name: 'Problem solving',
    description: 'Finding the cause of a problem and choosing a workable fix.',
    aliases: ['Troubleshooting'],
    es: {
      name: 'Resolución de problemas',
      description: 'Encontrar la causa de un problema y elegir una solución viable.',
      aliases: ['Solución de problemas'],
    },
  },
  {
    name: 'Critical thinking',
    description: 'Weighing evidence and arguments before drawing a conclusion.',
    aliases: ['Analytical thinking'],
    es: {
      name: 'Pensamiento crítico',
      description: 'Sopesar pruebas y argumentos antes de sacar una conclusión.',
      aliases: ['Pensamiento analítico'],
    },
  },
  {
    name: 'Customer service',
    description: 'Helping customers and users well, including when things go wrong.',
    aliases: ['Customer support', 'Client relations'],
    es: {
      name: 'Atención al cliente',
      description: 'Ayudar bien a clientes y usuarios, también cuando algo sale mal.',
      aliases: ['Servicio al cliente', 'Soporte al cliente'],
    },
  },
  {
    name: 'Negotiation',
    description: 'Reaching agreements that both sides can live with.',
    aliases: [],
    es: {
      name: 'Negociación',
      description: 'Llegar a acuerdos que ambas partes puedan aceptar.',
      aliases: [],
    },
  },
  {
    name: 'Public speaking',
    description: 'Presenting to a group with clarity and confidence.',
    aliases: ['Presentation skills', 'Presenting'],
    es: {
      name: 'Hablar en público',
      description: 'Presentar ante un grupo con claridad y seguridad.',
      aliases: ['Oratoria', 'Presentaciones'],
    },
  },
  {
    name: 'Business writing',
    description: 'Reports, emails and documents that are short, clear and fit their readers.',
    aliases: ['Writing', 'Copywriting'],
    es: {
      name: 'Redacción profesional',
      description: 'Informes, correos y documentos breves, claros y pensados para quien los lee.',
      aliases: ['Redacción', 'Escritura'],
    },
  },
  {
    name: 'Data analysis',
    description: 'Cleaning, exploring and summarising data to answer a question.',
    aliases: ['Data analytics', 'Analytics'],
    es: {
      name: 'Análisis de datos',
      description: 'Limpiar, explorar y resumir datos para responder a una pregunta.',
      aliases: ['Analítica de datos'],
    },
  },
  {
    name: 'Spreadsheets',
    description: 'Formulas, pivot tables and charts in Excel, Google Sheets or LibreOffice.',
    aliases: ['Excel', 'Google Sheets'],
    es: {
      name: 'Hojas de cálculo',
      description: 'Fórmulas, tablas dinámicas y gráficos en Excel, Google Sheets o LibreOffice.',
      aliases: [],
    },
  },
  {
    name: 'SQL',
    description: 'Querying and shaping data in relational databases.',
    aliases: ['Databases'],
    es: {
      name: 'SQL',
      description: 'Consultar y dar forma a datos en bases de datos relacionales.',
      aliases: ['Bases de datos'],
    },
  },
  {
    name: 'Python',
    description: 'Programming in Python, from scripts to data work and web services.',
    aliases: ['Python programming'],
    es: {
      name: 'Python',
      description: 'Programar en Python, desde scripts hasta trabajo con datos y servicios web.',
      aliases: ['Programación en Python'],
    },
  },
  {
    name: 'JavaScript',
    description: 'Programming for the web and Node.js, TypeScript included.',
    aliases: ['JS', 'TypeScript'],
    es: {
      name: 'JavaScript',
      description: 'Programar para la web y Node.js, TypeScript incluido.',
      aliases: [],
    },
  },
  {
    name: 'Web development',
    description: 'Building websites and web applications: HTML, CSS and the tools around them.',
    aliases: ['HTML', 'CSS', 'Front-end development'],
    es: {
      name: 'Desarrollo web',
      description: 'Crear sitios y aplicaciones web: HTML, CSS y las herramientas que los rodean.',
      aliases: ['Desarrollo front-end'],
    },
  },
  {
    name: 'Cloud computing',
    description: 'Running systems on AWS, Azure, Google Cloud and similar platforms.',
    aliases: ['AWS', 'Azure', 'Google Cloud'],
    es: {
      name: 'Computación en la nube',
      description: 'Ejecutar sistemas en AWS, Azure, Google Cloud y plataformas parecidas.',
      aliases: ['La nube'],
    },
  },
  {
    name: 'Cybersecurity',
    description: 'Protecting systems and data: threats, safe practice and incident response.',
    aliases: ['Information security', 'Security'],
    es: {
      name: 'Ciberseguridad',
      description:
        'Proteger sistemas y datos: amenazas, buenas prácticas y respuesta a incidentes.',
      aliases: ['Seguridad de la información', 'Seguridad informática'],
    },
  },
  {
    name: 'Machine learning',
    description: 'Models that learn from data, and using AI tools responsibly.',
    aliases: ['ML', 'Artificial intelligence', 'AI'],
    es: {
      name: 'Aprendizaje automático',
      description: 'Modelos que aprenden de los datos, y el uso responsable de herramientas de IA.',
      aliases: ['Inteligencia artificial', 'IA'],
    },
  },
  {
    name: 'UX design',
    description: 'Understanding users and designing products that are easy to use.',
    aliases: ['User experience', 'UI design'],
    es: {
      name: 'Diseño UX',
      description: 'Entender a los usuarios y diseñar productos fáciles de usar.',
      aliases: ['Experiencia de usuario', 'Diseño de interfaces'],
    },
  },
  {
    name: 'Accessibility',
    description: 'Making products and documents usable by people with disabilities.',
    aliases: ['a11y', 'WCAG', 'Inclusive design'],
    es: {
      name: 'Accesibilidad',
      description: 'Hacer productos y documentos que puedan usar las personas con discapacidad.',
      aliases: ['Diseño inclusivo'],
    },
  },
  {
    name: 'Digital marketing',
    description: 'Reaching people online: content, search, social media and email.',
    aliases: ['SEO', 'Content marketing', 'Marketing'],
    es: {
      name: 'Marketing digital',
      description:
        'Llegar a la gente en internet: contenidos, buscadores, redes sociales y correo.',
      aliases: ['Marketing de contenidos', 'Posicionamiento en buscadores'],
    },
  },
  {
    name: 'Finance basics',
    description: 'Budgets, costs, forecasts and reading financial statements.',
    aliases: ['Budgeting', 'Accounting basics'],
    es: {
      name: 'Finanzas básicas',
      description: 'Presupuestos, costes, previsiones y lectura de estados financieros.',
      aliases: ['Presupuestos', 'Contabilidad básica'],
    },
  },
  {
    name: 'Foreign languages',
    description: 'Learning and practising a language other than your first.',
    aliases: ['Languages', 'Language learning'],
    es: {
      name: 'Idiomas',
      description: 'Aprender y practicar una lengua distinta de la tuya.',
      aliases: ['Lenguas extranjeras', 'Aprendizaje de idiomas'],
    },
  },
];

/**
 * A starter skill in the learner's language (`es`, `es-419`, `es_MX`), English otherwise.
 * A translated skill keeps its English names as aliases, so pages in English still name it.
 * @example localizeStarterSkill(STARTER_SKILLS[0]!, 'es').name // 'Comunicación'
 */
export function localizeStarterSkill(starter: StarterSkill, locale: string): StarterSkillText {
  const language = locale.toLowerCase().split(/[-_]/)[0] as StarterLanguage;
  const text = language === 'es' ? starter.es : undefined;
  if (!text)
    return { name: starter.name, description: starter.description, aliases: starter.aliases };
  return {
    name: text.name,
    description: text.description,
    aliases: [...text.aliases, starter.name, ...starter.aliases],
  };
}

/**
 * Every key a starter skill is known by, in every language: a library holding any of them
 * has that starter already.
 * @example starterSkillKeys(STARTER_SKILLS[0]!) // ['communication', 'comunicacion']
 */
export function starterSkillKeys(starter: StarterSkill): string[] {
  return [...new Set([starter.name, starter.es.name].map(skillKey))];
}

/**
 * Adds the starter skills named `names` (any spelling of their names, in any language;
 * unknown names are skipped) to the library, named in `options.locale` (English by
 * default). A starter the learner already has, under its name in any language, is left as
 * the learner has it. Atomic and idempotent: adding the same names again adds nothing.
 * Returns the new skills.
 * @example await addStarterSkills(db, ['Python', 'Communication'], Date.now())
 * @example await addStarterSkills(db, ['Comunicación'], Date.now(), { locale: 'es' }) // [{ name: 'Comunicación', … }]
 */
export async function addStarterSkills(
  db: SkilltrailDb,
  names: readonly string[],
  now: number,
  options: { locale?: string } = {},
): Promise<Skill[]> {
  const wanted = new Set(names.map(skillKey));
  const picked = STARTER_SKILLS.filter((s) => starterSkillKeys(s).some((k) => wanted.has(k)));
  return db.transaction('rw', db.skills, async () => {
    let count = await db.skills.count();
    const added: Skill[] = [];
    for (const starter of picked) {
      if (await db.skills.where('key').anyOf(starterSkillKeys(starter)).first()) continue;
      const text = localizeStarterSkill(starter, options.locale ?? 'en');
      const name = cleanSkillName(text.name);
      const key = skillKey(name);
      added.push({
        id: newId(),
        name,
        key,
        aliases: cleanAliases(text.aliases, key),
        description: text.description,
        colour: SKILL_COLOURS[count++ % SKILL_COLOURS.length]!,
        createdAt: now,
        updatedAt: now,
      });
    }
    await db.skills.bulkAdd(added);
    return added;
  });
}
