// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const FIXTURE = 'test/fixtures/lint/lost-promises.tsx';

describe('the lint configuration', () => {
  it('fails on lost promises, hooks called out of order and a hook’s missing dependencies, the project’s own hooks too', async () => {
    // The real eslint.config.js, with the fixture folder it ignores let in.
    const eslint = new ESLint({ ignore: false });
    const [result] = await eslint.lintFiles([FIXTURE]);
    const found = result!.messages.map((m) => `${m.line} ${m.ruleId} ${m.severity}`);
    // 2 is an error, which fails npm run lint.
    expect(found).toEqual([
      '8 @typescript-eslint/no-floating-promises 2',
      '13 @typescript-eslint/no-misused-promises 2',
      '20 react-hooks/rules-of-hooks 2',
      '23 react-hooks/exhaustive-deps 2',
      '24 react-hooks/exhaustive-deps 2',
    ]);
  }, 120_000);

  it('skips the fixture in `eslint .`, which npm run lint runs', async () => {
    expect(await new ESLint().isPathIgnored(FIXTURE)).toBe(true);
  });
});
