import { exportFilename } from '../export/file';

/** A skill's name as a file name part: lower case; letters outside ASCII drop out there. */
function part(skillName: string): string {
  return skillName.toLowerCase().slice(0, 60);
}

/**
 * The request page the learner sends.
 * @example requestPageFilename('CSS grid') // 'skilltrail-endorsement-request-css-grid.html'
 */
export function requestPageFilename(skillName: string): string {
  return exportFilename('endorsement-request', part(skillName), 'html');
}

/**
 * The signed endorsement the endorser sends back.
 * @example endorsementFilename('CSS grid') // 'skilltrail-endorsement-css-grid.json'
 */
export function endorsementFilename(skillName: string): string {
  return exportFilename('endorsement', part(skillName), 'json');
}
