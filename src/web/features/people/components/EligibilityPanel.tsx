import { useState } from 'react';
import { Card, Select, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { ErrorState, LoadingState } from '../../../lib/ui/states';
import { VerdictList } from '../../../lib/ui/VerdictList';
import { getPersonEligibility } from '../api/people';

const FIRST_YEAR = 2000;

/** "Điều kiện khen thưởng": each title or form the person could receive for a year, and why (not). */
export function EligibilityPanel({ personId }: { personId: string }) {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  // The year being judged is normally the one just ended; a link from the suggestions page names its year.
  const [year, setYear] = useState(() => {
    const asked = Number(new URLSearchParams(window.location.search).get('year'));
    return Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear - 1;
  });
  const verdicts = useResource(() => getPersonEligibility(personId, year), [personId, year]);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_v, i) => thisYear - i);

  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      data-testid="person-eligibility"
      title={t('verdict.panelTitle')}
      extra={
        <Select<number>
          size="small"
          aria-label={t('verdict.year')}
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${t('verdict.year')} ${y}` }))}
        />
      }
    >
      {verdicts.error && !verdicts.data ? (
        <ErrorState error={verdicts.error} onRetry={verdicts.reload} />
      ) : !verdicts.data ? (
        <LoadingState />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
            {t('verdict.basis', { name: verdicts.data.pack.name })}
          </Typography.Paragraph>
          <VerdictList verdicts={verdicts.data.verdicts} />
        </>
      )}
    </Card>
  );
}
