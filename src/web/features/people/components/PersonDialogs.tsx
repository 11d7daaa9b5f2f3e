import { App } from 'antd';
import {
  DISCIPLINE_LEVELS,
  DISCIPLINE_LEVEL_LABELS,
  LEAVE_KINDS,
  LEAVE_KIND_LABELS,
  RATINGS,
  RATING_LABELS,
  SEXES,
  SEX_LABELS,
  TRAINING_GRADES,
  TRAINING_GRADE_LABELS,
} from '../../../../shared/registry/catalog';
import {
  disciplineCreateSchema,
  evaluationUpsertSchema,
  leaveCreateSchema,
  personUpdateSchema,
  trainingCreateSchema,
  transferSchema,
  type PersonProfile,
} from '../../../../shared/people/people.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import { z } from '../../../../shared/zod';
import { useI18n } from '../../../lib/i18n';
import { today } from '../../../lib/dates';
import {
  addPersonRecord,
  saveEvaluation,
  transferPerson,
  updatePerson,
  type RecordInputs,
  type RecordKind,
} from '../api/people';
import { fromApi, RecordFormModal, type FieldSpec } from './RecordFormModal';
import { unitOptions } from '../../../lib/unit-options';

export type Dialog =
  | { kind: 'edit' }
  | { kind: 'transfer' }
  | { kind: 'evaluation'; evaluation?: PersonProfile['evaluations'][number] }
  | { kind: RecordKind };

const options = <K extends string>(codes: readonly K[], labels: Record<K, string>) =>
  codes.map((c) => ({ value: c, label: labels[c] }));

/** The evaluation form carries the year too (it is part of the address: PUT …/evaluations/:year). */
const evaluationFormSchema = evaluationUpsertSchema.extend({
  year: z
    .number({ message: 'Năm phải là số' })
    .int()
    .min(1945, { message: 'Năm không hợp lệ (từ 1945)' })
    .max(2100),
});

export function PersonDialog({
  dialog,
  profile,
  units,
  onClose,
  onSaved,
}: {
  dialog: Dialog;
  profile: PersonProfile;
  units: Unit[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { person } = profile;
  const done = (text: string) => {
    message.success(text);
    onSaved();
  };

  switch (dialog.kind) {
    case 'edit': {
      // A masked id (••••0123) is not the value: the field starts empty and empty means "unchanged".
      const masked = !!person.personalIdNumber?.includes('•');
      const fields: FieldSpec[] = [
        { name: 'fullName', label: t('people.fullName'), type: 'text', maxLength: 150 },
        { name: 'sex', label: t('people.sex'), type: 'select', options: options(SEXES, SEX_LABELS) },
        { name: 'dateOfBirth', label: t('people.dateOfBirth'), type: 'date' },
        { name: 'ethnicity', label: t('people.ethnicity'), type: 'text', maxLength: 50 },
        {
          name: 'personalIdNumber',
          label: t('people.personalId'),
          type: 'text',
          maxLength: 12,
          placeholder: masked
            ? t('people.personalIdKeep', { masked: person.personalIdNumber ?? '' })
            : undefined,
        },
        { name: 'position', label: t('people.position'), type: 'text', maxLength: 150 },
        { name: 'isLeader', label: t('people.isLeader'), type: 'switch' },
      ];
      const initial = { ...person, personalIdNumber: masked ? null : person.personalIdNumber };
      return (
        <RecordFormModal
          title={t('people.editTitle', { name: person.fullName })}
          schema={personUpdateSchema}
          fields={fields}
          initialValues={fromApi(fields, initial)}
          prepare={(values) => {
            const changed: Record<string, unknown> = { version: person.version };
            for (const [k, v] of Object.entries(values)) {
              if (k === 'personalIdNumber' && masked && v === null) continue;
              if (v !== (initial as Record<string, unknown>)[k]) changed[k] = v;
            }
            return changed;
          }}
          onSave={async (data) => {
            if (Object.keys(data).length > 1) await updatePerson(person.id, data);
            done(t('common.saved'));
          }}
          onClose={onClose}
        />
      );
    }
    case 'transfer': {
      const fields: FieldSpec[] = [
        {
          name: 'unitId',
          label: t('people.newUnit'),
          type: 'unit',
          units: unitOptions(units, { activeOnly: true }),
        },
        { name: 'fromDate', label: t('people.fromDate'), type: 'date', extra: t('people.transferHint') },
        { name: 'position', label: t('people.position'), type: 'text', maxLength: 150 },
      ];
      return (
        <RecordFormModal
          title={t('people.transferTitle', { name: person.fullName })}
          schema={transferSchema}
          fields={fields}
          initialValues={{ fromDate: today(), position: person.position ?? undefined }}
          onSave={async (data) => {
            const saved = await transferPerson(person.id, data);
            done(t('people.transferred', { name: saved.fullName, unit: saved.unitName ?? '' }));
          }}
          onClose={onClose}
        />
      );
    }
    case 'evaluation': {
      const e = dialog.evaluation;
      const fields: FieldSpec[] = [
        { name: 'year', label: t('registry.year'), type: 'year', disabled: !!e },
        {
          name: 'rating',
          label: t('registry.rating'),
          type: 'select',
          options: options(RATINGS, RATING_LABELS),
        },
        {
          name: 'employmentStartDate',
          label: t('registry.employmentStart'),
          type: 'date',
          extra: t('people.employmentStartHint'),
        },
        { name: 'note', label: t('registry.note'), type: 'textarea', maxLength: 500 },
      ];
      const year = e?.year ?? today().year() - 1;
      return (
        <RecordFormModal
          title={e ? t('people.evaluationEditTitle', { year: e.year }) : t('people.addEvaluation')}
          schema={evaluationFormSchema}
          fields={fields}
          initialValues={fromApi(fields, { year, ...(e ?? {}) })}
          prepare={(values) => ({ ...values, year: e ? e.year : values.year })}
          onSave={async ({ year: y, ...input }) => {
            await saveEvaluation(person.id, y, input);
            done(t('people.evaluationSaved', { year: y }));
          }}
          onClose={onClose}
        />
      );
    }
    case 'leaves':
      return (
        <AddRecord
          kind="leaves"
          title={t('people.addLeave')}
          schema={leaveCreateSchema}
          fields={[
            {
              name: 'kind',
              label: t('people.leaveKind'),
              type: 'select',
              options: options(LEAVE_KINDS, LEAVE_KIND_LABELS),
            },
            { name: 'fromDate', label: t('people.fromDate'), type: 'date' },
            { name: 'toDate', label: t('people.toDate'), type: 'date' },
            { name: 'note', label: t('registry.note'), type: 'textarea', maxLength: 500 },
          ]}
          personId={person.id}
          onClose={onClose}
          onSaved={() => done(t('people.recordAdded'))}
        />
      );
    case 'trainings':
      return (
        <AddRecord
          kind="trainings"
          title={t('people.addTraining')}
          schema={trainingCreateSchema}
          fields={[
            { name: 'fromDate', label: t('people.fromDate'), type: 'date' },
            { name: 'toDate', label: t('people.toDate'), type: 'date' },
            { name: 'institution', label: t('people.institution'), type: 'text' },
            {
              name: 'grade',
              label: t('people.grade'),
              type: 'select',
              options: options(TRAINING_GRADES, TRAINING_GRADE_LABELS),
            },
            { name: 'goodConduct', label: t('people.goodConduct'), type: 'switch' },
          ]}
          initialValues={{ goodConduct: true }}
          personId={person.id}
          onClose={onClose}
          onSaved={() => done(t('people.recordAdded'))}
        />
      );
    case 'disciplines':
      return (
        <AddRecord
          kind="disciplines"
          title={t('people.addDiscipline')}
          schema={disciplineCreateSchema}
          fields={[
            {
              name: 'level',
              label: t('registry.disciplineLevel'),
              type: 'select',
              options: options(DISCIPLINE_LEVELS, DISCIPLINE_LEVEL_LABELS),
            },
            { name: 'decisionNumber', label: t('people.decisionNumber'), type: 'text', maxLength: 50 },
            { name: 'decisionDate', label: t('people.decisionDate'), type: 'date' },
            { name: 'fromDate', label: t('people.fromDate'), type: 'date' },
            { name: 'toDate', label: t('people.toDate'), type: 'date' },
            { name: 'reason', label: t('registry.reason'), type: 'textarea' },
          ]}
          personId={person.id}
          onClose={onClose}
          onSaved={() => done(t('people.recordAdded'))}
        />
      );
  }
}

function AddRecord<K extends RecordKind>({
  kind,
  title,
  schema,
  fields,
  initialValues,
  personId,
  onClose,
  onSaved,
}: {
  kind: K;
  title: string;
  schema: z.ZodObject;
  fields: FieldSpec[];
  initialValues?: Record<string, unknown>;
  personId: string;
  onClose(): void;
  onSaved(): void;
}) {
  return (
    <RecordFormModal
      title={title}
      schema={schema}
      fields={fields}
      initialValues={initialValues}
      onSave={async (data) => {
        await addPersonRecord(personId, kind, data as RecordInputs[K]);
        onSaved();
      }}
      onClose={onClose}
    />
  );
}
