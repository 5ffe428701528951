/**
 * Entry point of `npm run verify -- <file>` (run with vite-node). Node I/O and the schema
 * live here; the checking is `runVerify`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { runVerify, type VerifyIo } from './run-verify';

/** The 1EdTech schema beside the repository, unless `SKILLTRAIL_OB_SCHEMA` names another. */
const SCHEMA_PATH =
  process.env.SKILLTRAIL_OB_SCHEMA ??
  fileURLToPath(
    new URL('../../shared/schemas/ob_v3p0_achievementcredential_schema.json', import.meta.url),
  );

function loadSchema(): Pick<VerifyIo, 'schema' | 'schemaNote'> {
  if (!existsSync(SCHEMA_PATH))
    return { schemaNote: `the OB 3.0 schema was not found at ${SCHEMA_PATH}` };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  return {
    schema: (credential) =>
      validate(credential)
        ? null
        : (validate.errors ?? [])
            .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
            .join('; '),
  };
}

// npm runs scripts from the package root; a relative path means the caller's directory.
const base = process.env.INIT_CWD ?? process.cwd();
const args = process.argv.slice(2).map((a) => (a.startsWith('-') ? a : resolve(base, a)));
const code = await runVerify(args, {
  readFile: (path) => readFile(path, 'utf8'),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  ...loadSchema(),
});
process.exitCode = code;
