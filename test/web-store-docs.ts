import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The permission names in docs/web-store/permissions.md's table (first column, in backticks). */
export function justifiedPermissions(): string[] {
  return readFileSync(resolve('docs/web-store/permissions.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

/**
 * The production dependencies (package.json) whose licence text a build's
 * THIRD-PARTY-NOTICES.txt leaves out: each must be listed and carry its own licence files.
 */
export function missingNotices(buildDir: string): string[] {
  const notices = readFileSync(join(buildDir, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
  const { dependencies } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  return Object.keys(dependencies).filter((name) => {
    const root = resolve('node_modules', name);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    const licences = readdirSync(root).filter((f) => /^licen[cs]e/i.test(f));
    return (
      !notices.includes(`\n- ${name} ${version} (`) ||
      licences.length === 0 ||
      licences.some((f) => !notices.includes(readFileSync(join(root, f), 'utf8').trim()))
    );
  });
}
