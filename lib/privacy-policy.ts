/**
 * The privacy policy's outline: which messages it says, in which order. The extension's
 * privacy page renders it in the interface language and `docs/PRIVACY.md` is written from
 * it in English (`npm run docs:privacy`), so the two always say the same.
 */

export interface PolicySection {
  /** Message key of the section's heading. */
  heading: string;
  paragraphs: readonly string[];
  /** Message keys of a bulleted list after the paragraphs. */
  items: readonly string[];
}

export const POLICY = {
  title: 'policyTitle',
  lead: ['policyLead', 'policyUpdated'],
  sections: [
    {
      heading: 'policyRecordedHeading',
      paragraphs: [],
      items: [
        'policyRecordedReading',
        'policyRecordedSearch',
        'policyRecordedCapture',
        'policyRecordedYours',
        'policyRecordedEngagement',
      ],
    },
    {
      heading: 'policyNeverHeading',
      paragraphs: [],
      items: ['policyNeverPrivate', 'policyNeverSites', 'policyNeverTyped'],
    },
    {
      heading: 'policyWhereHeading',
      paragraphs: ['policyWhereDevice', 'policyWhereNoServers'],
      items: [],
    },
    {
      heading: 'policyLeavesHeading',
      paragraphs: ['policyLeavesLead'],
      items: ['policyLeavesExport', 'policyLeavesLrs'],
    },
    {
      heading: 'policyDeleteHeading',
      paragraphs: [],
      items: ['policyDeleteSession', 'policyDeleteOld', 'policyDeleteAll', 'policyDeleteRemove'],
    },
    {
      heading: 'policyContactHeading',
      paragraphs: ['policyContact'],
      items: [],
    },
  ] as const satisfies readonly PolicySection[],
} as const;

/** Every message key the policy uses. */
export function policyKeys(): string[] {
  return [
    POLICY.title,
    ...POLICY.lead,
    ...POLICY.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...s.items]),
  ];
}

/**
 * The policy as Markdown, in the language `message` speaks; `homepage` closes the
 * contact section, where the page shows it as a link.
 */
export function policyMarkdown(message: (key: string) => string, homepage: string): string {
  const out = [`# ${message(POLICY.title)}`, '', ...POLICY.lead.flatMap((k) => [message(k), ''])];
  for (const section of POLICY.sections) {
    out.push(`## ${message(section.heading)}`, '');
    for (const key of section.paragraphs) out.push(message(key), '');
    if (section.items.length > 0) {
      out.push(...section.items.map((key) => `- ${message(key)}`), '');
    }
  }
  out.push(`<${homepage}>`, '');
  return out.join('\n');
}
