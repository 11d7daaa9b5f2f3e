import { useState } from 'react';
import { Drawer, Select, Typography } from 'antd';
import type { Unit } from '../../../../shared/units/units.schema';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { ErrorState, LoadingState } from '../../../lib/ui/states';
import { VerdictList } from '../../../lib/ui/VerdictList';
import { getUnitEligibility } from '../api/units';

const FIRST_YEAR = 2000;

/** "Điều kiện khen thưởng" of a collective: each collective title or form for a year, and why (not). */
export function UnitEligibilityDrawer({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const verdicts = useResource(() => getUnitEligibility(unit.id, year), [unit.id, year]);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_v, i) => thisYear - i);
  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={`${t('verdict.panelTitle')} — ${unit.name}`}
      extra={
        <Select<number>
          aria-label={t('verdict.year')}
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${t('verdict.year')} ${y}` }))}
        />
      }
    >
      <div data-testid="unit-eligibility">
        {verdicts.error && !verdicts.data ? (
          <ErrorState error={verdicts.error} onRetry={verdicts.reload} />
        ) : !verdicts.data ? (
          <LoadingState />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('verdict.basis', { name: verdicts.data.pack.name })}
            </Typography.Paragraph>
            <VerdictList verdicts={verdicts.data.verdicts} />
          </>
        )}
      </div>
    </Drawer>
  );
}
