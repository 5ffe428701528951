/**
 * A skill's alignment to a framework (ESCO, O*NET, any web or URN address), as Open Badges
 * `alignment`: only a web address or a URN goes in.
 */
import { isWebUrl } from '../../url';
import type { SharedSkill } from '../privacy';

function frameworkName(uri: string): string | undefined {
  if (/data\.europa\.eu\/esco\//i.test(uri)) return 'ESCO';
  if (/onet(online|center)\.org/i.test(uri)) return 'O*NET';
  return undefined;
}

/**
 * The skill's `alignment`, or undefined when it has no address that can stand as one.
 * @example alignmentOf({ id, name: 'CSS', colour, uri: 'http://data.europa.eu/esco/skill/…' }) // [{ type: ['Alignment'], targetFramework: 'ESCO', … }]
 */
export function alignmentOf(skill: SharedSkill) {
  const uri = skill.uri;
  if (!uri || !(isWebUrl(uri) || /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(uri))) return undefined;
  const framework = frameworkName(uri);
  return [
    {
      type: ['Alignment'],
      targetName: skill.name,
      targetUrl: uri,
      targetType: 'ceasn:Competency',
      ...(framework ? { targetFramework: framework } : {}),
    },
  ];
}
