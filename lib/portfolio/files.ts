/** The names of the files a portfolio saves: the page, and each skill record for a wallet. */
import { exportFilename } from '../export/file';

/**
 * @example portfolioFilename('Ada Lovelace') // 'skilltrail-portfolio-ada-lovelace.html'
 */
export function portfolioFilename(learner: string): string {
  return exportFilename('portfolio', learner.toLowerCase().slice(0, 60), 'html');
}

/**
 * @example recordFilename('CSS grid') // 'skilltrail-record-css-grid.json'
 */
export function recordFilename(skill: string): string {
  return exportFilename('record', skill.toLowerCase().slice(0, 60), 'json');
}
