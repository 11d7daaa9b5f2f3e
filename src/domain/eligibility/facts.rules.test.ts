import { describe, expect, it } from 'vitest';
import { FACTS } from './facts';

describe('facts computed once per subject', () => {
  // The evaluator memoises, per subject, the facts not marked `dependsOnRun`. A fact that reads the title
  // being judged, other titles' standings or the initiatives already relied on must be marked, or a rule
  // asking it later in the run would get the answer computed for an earlier rule.
  it.each(Object.entries(FACTS))('%s is marked exactly when it reads the run state', (_name, def) => {
    const source = def.compute.toString();
    const readsRun = /ctx\.(standing|reserved|awardCode)\b/.test(source);
    expect(readsRun).toBe((def as { dependsOnRun?: true }).dependsOnRun === true);
  });
});
