import { useState } from 'react';
import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { AWARD_TRACK_LABELS, AWARD_TRACKS, type AwardTrack } from '../../../../shared/registry/catalog';
import type { DossierDetail } from '../../../../shared/dossiers/dossiers.schema';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { applyApiError } from '../../../lib/forms';
import { navigate } from '../../../lib/router';
import { unitOptions } from '../../../lib/unit-options';
import { createDossier, listMovements, listUnits, updateDossier } from '../api/dossiers';

interface Values {
  year: number;
  title: string;
  track: AwardTrack;
  movementId?: string | null;
  authorityUnitId?: string;
  note?: string;
}

/** The dossier's general information: a new dossier (then opened), or the edit of a draft or returned one. */
export function DossierInfoModal({
  dossier,
  onClose,
  onSaved,
}: {
  dossier?: DossierDetail;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const thisYear = new Date().getFullYear();
  const year = Form.useWatch('year', form) ?? dossier?.year ?? thisYear - 1;
  const track = Form.useWatch('track', form) ?? dossier?.track ?? 'regular';
  const movements = useResource(
    () => (track === 'thematic' ? listMovements(year) : Promise.resolve([])),
    [track, year],
  );
  const units = useResource(() => (dossier ? listUnits() : Promise.resolve([])), [dossier?.id]);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const movementId = v.track === 'thematic' ? (v.movementId ?? null) : null;
      if (dossier) {
        await updateDossier(dossier.id, {
          title: v.title,
          track: v.track,
          movementId,
          authorityUnitId: v.authorityUnitId ?? dossier.authorityUnitId,
          note: v.note ?? '',
          version: dossier.version,
        });
        message.success(t('dossiers.saved'));
        onSaved?.();
        onClose();
      } else {
        const d = await createDossier({
          year: v.year,
          title: v.title,
          track: v.track,
          movementId,
          note: v.note ?? '',
        });
        message.success(t('dossiers.created', { code: d.code }));
        onClose();
        navigate(`/dossiers/${d.id}`);
      }
    } catch (err) {
      message.error(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={dossier ? t('dossiers.general') : t('dossiers.new')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('dossiers.save')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          dossier
            ? {
                year: dossier.year,
                title: dossier.title,
                track: dossier.track,
                movementId: dossier.movementId,
                authorityUnitId: dossier.authorityUnitId,
                note: dossier.note,
              }
            : { year: thisYear - 1, track: 'regular' }
        }
      >
        <Form.Item name="year" label={t('dossiers.year')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(dossier)}
            options={Array.from({ length: 8 }, (_, i) => ({
              value: thisYear - i,
              label: String(thisYear - i),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('dossiers.name')}
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập trích yếu hồ sơ' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="track" label={t('dossiers.track')}>
          <Select options={AWARD_TRACKS.map((k) => ({ value: k, label: AWARD_TRACK_LABELS[k] }))} />
        </Form.Item>
        {track === 'thematic' ? (
          <Form.Item
            name="movementId"
            label={t('dossiers.movement')}
            rules={[{ required: true, message: 'Khen thưởng theo chuyên đề cần chọn phong trào thi đua' }]}
          >
            <Select
              loading={movements.loading}
              showSearch
              optionFilterProp="label"
              options={(movements.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
        ) : null}
        {dossier ? (
          <Form.Item name="authorityUnitId" label={t('dossiers.authority')} rules={[{ required: true }]}>
            <TreeSelect treeData={unitOptions(units.data ?? [])} showSearch treeNodeFilterProp="title" />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('dossiers.note')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
