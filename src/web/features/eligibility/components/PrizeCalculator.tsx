import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber, Select, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { formatDong } from '../../../../domain/money';
import type { PrizeResponse } from '../../../../shared/eligibility/eligibility.schema';
import {
  AWARD_CODE_LIST,
  AWARD_CODES,
  RECIPIENT_KIND_LABELS,
  type AwardCode,
  type RecipientKind,
} from '../../../../shared/registry/catalog';
import { errorMessage } from '../../../lib/api';
import { DATE_FORMAT, formatIsoDate, toIsoDate } from '../../../lib/dates';
import { useI18n } from '../../../lib/i18n';
import { CitationView } from '../../../lib/ui/VerdictList';
import { computePrize } from '../api/eligibility';
import { ISSUER_LEVEL_KEYS } from './NationalPackView';

interface Values {
  awardCode?: AwardCode;
  recipientKind?: RecipientKind;
  issuerLevel?: string;
  decisionDate?: Dayjs;
  year?: number;
}

/** Prize money for an award: coefficient × base salary on the decision date, rounded up, in words. */
export function PrizeCalculator() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const award = Form.useWatch('awardCode', form);
  const [result, setResult] = useState<PrizeResponse>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const recipients: readonly RecipientKind[] = award ? AWARD_CODES[award].recipients : [];

  async function submit(v: Values) {
    setError(undefined);
    setResult(undefined);
    setLoading(true);
    try {
      setResult(
        await computePrize({
          awardCode: v.awardCode!,
          recipientKind: v.recipientKind!,
          issuerLevel: v.awardCode === 'GIAY_KHEN' ? v.issuerLevel : undefined,
          decisionDate: toIsoDate(v.decisionDate)!,
          year: v.year ?? undefined,
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <Card size="small" title={t('rules.prize.title')}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 560 }}
        onValuesChange={(changed: Values) => {
          if ('awardCode' in changed) {
            const kinds: readonly RecipientKind[] = changed.awardCode
              ? AWARD_CODES[changed.awardCode].recipients
              : [];
            const kind = form.getFieldValue('recipientKind') as RecipientKind | undefined;
            if (kind && !kinds.includes(kind)) form.setFieldValue('recipientKind', undefined);
          }
        }}
      >
        <Form.Item name="awardCode" label={t('rules.award')} rules={[{ required: true }]}>
          <Select<AwardCode>
            showSearch={{ optionFilterProp: 'label' }}
            options={AWARD_CODE_LIST.map((c) => ({ value: c, label: AWARD_CODES[c].label }))}
          />
        </Form.Item>
        <Form.Item name="recipientKind" label={t('rules.recipientKind')} rules={[{ required: true }]}>
          <Select<RecipientKind>
            options={recipients.map((k) => ({ value: k, label: RECIPIENT_KIND_LABELS[k] }))}
          />
        </Form.Item>
        {award === 'GIAY_KHEN' ? (
          <Form.Item name="issuerLevel" label={t('rules.issuerLevel')} rules={[{ required: true }]}>
            <Select
              options={(['unit_head', 'commune'] as const).map((k) => ({
                value: k,
                label: t(ISSUER_LEVEL_KEYS[k]!),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="decisionDate" label={t('rules.prize.decisionDate')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} />
        </Form.Item>
        <Form.Item name="year" label={t('rules.prize.year')} extra={t('rules.prize.yearHint')}>
          <InputNumber min={2000} max={2100} style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={loading}>
          {t('rules.prize.compute')}
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} /> : null}
      {result ? (
        <Descriptions
          data-testid="prize-result"
          size="small"
          bordered
          column={1}
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'amount',
              label: t('rules.prize.amount'),
              children: <Typography.Text strong>{formatDong(result.amount)}</Typography.Text>,
            },
            { key: 'words', label: t('rules.prize.words'), children: result.words },
            { key: 'formula', label: t('rules.prize.formula'), children: result.formula },
            {
              key: 'base',
              label: t('rules.prize.baseSalary'),
              children: `${formatDong(result.baseSalary.amount)} (${result.baseSalary.instrument}, ${t('rules.prize.from')} ${formatIsoDate(result.baseSalary.effectiveFrom)})`,
            },
            { key: 'pack', label: t('rules.prize.pack'), children: result.packId },
            {
              key: 'citation',
              label: t('rules.citation'),
              children: <CitationView citation={result.citation} />,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
