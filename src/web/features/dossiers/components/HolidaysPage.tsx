import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Holiday } from '../../../../shared/dossiers/holidays.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { DATE_FORMAT, formatIsoDate, toIsoDate } from '../../../lib/dates';
import { applyApiError } from '../../../lib/forms';
import { errorMessage } from '../../../lib/api';
import { ErrorState, PageHeader } from '../../../lib/ui/states';
import { deleteHoliday, listHolidays, putHoliday } from '../api/dossiers';
import type { Dayjs } from 'dayjs';

/** Holidays and make-up working days: the calendar every dossier deadline is counted on. */
export function HolidaysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan('write:holiday:any');
  const [year, setYear] = useState(new Date().getFullYear());
  const rows = useResource(() => listHolidays(year), [year]);
  const [form] = Form.useForm<{ day: Dayjs; name: string; workingDay: boolean }>();
  const add = async () => {
    const v = await form.validateFields();
    try {
      await putHoliday({ day: toIsoDate(v.day) ?? '', name: v.name, workingDay: v.workingDay ?? false });
      form.resetFields();
      rows.reload();
    } catch (err) {
      message.error(applyApiError(form, err));
    }
  };
  return (
    <>
      <PageHeader
        title={t('holidays.title')}
        subtitle={t('holidays.subtitle')}
        extra={
          <Select<number>
            aria-label="Năm"
            style={{ width: 110 }}
            value={year}
            onChange={setYear}
            options={Array.from({ length: 6 }, (_, i) => new Date().getFullYear() + 1 - i).map((y) => ({
              value: y,
              label: String(y),
            }))}
          />
        }
      />
      {canWrite ? (
        <Form form={form} layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item name="day" label={t('holidays.day')} rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('holidays.name')}
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên ngày nghỉ' }]}
          >
            <Input style={{ width: 260 }} maxLength={200} />
          </Form.Item>
          <Form.Item name="workingDay" valuePropName="checked">
            <Checkbox>{t('holidays.workingDay')}</Checkbox>
          </Form.Item>
          <Button type="primary" icon={<PlusOutlined />} onClick={add}>
            {t('holidays.add')}
          </Button>
        </Form>
      ) : null}
      {rows.error ? (
        <ErrorState error={rows.error} onRetry={rows.reload} />
      ) : (
        <Table<Holiday>
          rowKey="day"
          size="small"
          loading={rows.loading}
          dataSource={rows.data ?? []}
          pagination={false}
          columns={[
            {
              title: t('holidays.day'),
              dataIndex: 'day',
              width: 130,
              render: (d: string) => formatIsoDate(d),
            },
            { title: t('holidays.name'), dataIndex: 'name' },
            {
              width: 120,
              dataIndex: 'workingDay',
              render: (w: boolean) =>
                w ? (
                  <Tag color="blue">{t('holidays.kindWork')}</Tag>
                ) : (
                  <Tag color="red">{t('holidays.kindOff')}</Tag>
                ),
            },
            {
              width: 90,
              render: (_: unknown, h) =>
                canWrite ? (
                  <Space>
                    <Popconfirm
                      title={`${t('holidays.delete')} ${formatIsoDate(h.day)}?`}
                      onConfirm={() =>
                        deleteHoliday(h.day).then(rows.reload, (e: unknown) => message.error(errorMessage(e)))
                      }
                    >
                      <Button size="small" danger>
                        {t('holidays.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
    </>
  );
}
