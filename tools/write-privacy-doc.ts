import { writeFileSync } from 'node:fs';
import { PRIVACY_DOC, privacyDoc } from './privacy-doc';

// `npm run docs:privacy`, after a change to the policy's English messages.
writeFileSync(PRIVACY_DOC, privacyDoc());
console.log(`Wrote ${PRIVACY_DOC}`);
