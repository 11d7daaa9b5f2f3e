import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { ROLES, ROLE_LABELS, type Role } from '../../../../shared/permissions';
import { userCreateSchema, userUpdateSchema, type User } from '../../../../shared/users/users.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import { useI18n } from '../../../lib/i18n';
import { titleMatches } from '../../../lib/text';
import { applyApiError, parseForm, zodRules } from '../../../lib/forms';
import { createUser, updateUser } from '../api/users';
import { unitOptions } from './unit-options';

interface Values {
  username?: string;
  displayName?: string;
  role?: Role;
  unitId?: string;
  password?: string;
  active?: boolean;
}

const createRules = zodRules(userCreateSchema);
const updateRules = zodRules(userUpdateSchema);

/** Create an account (`user` undefined) or edit its name, role, unit and whether it may sign in. */
export function UserFormModal({
  user,
  units,
  onClose,
  onSaved,
}: {
  user?: User;
  units: Unit[];
  onClose(): void;
  onSaved(user: User): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const rules = user ? updateRules : createRules;

  async function submit(values: Values) {
    setError(undefined);
    setSaving(true);
    try {
      if (user) {
        const changed: Record<string, unknown> = { version: user.version };
        for (const key of ['displayName', 'role', 'unitId', 'active'] as const) {
          if (values[key] !== user[key]) changed[key] = values[key];
        }
        const parsed = parseForm(form, userUpdateSchema, changed);
        if (!parsed.data) return setError(parsed.formError);
        const saved = Object.keys(changed).length > 1 ? await updateUser(user.id, parsed.data) : user;
        message.success(t('common.saved'));
        onSaved(saved);
      } else {
        const parsed = parseForm(form, userCreateSchema, values);
        if (!parsed.data) return setError(parsed.formError);
        const saved = await createUser(parsed.data);
        message.success(t('users.created', { name: saved.displayName }));
        onSaved(saved);
      }
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={600}
      destroyOnHidden
      maskClosable={false}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Form<Values>
        form={form}
        name="user"
        layout="horizontal"
        labelCol={{ span: 7 }}
        wrapperCol={{ span: 17 }}
        disabled={saving}
        onFinish={submit}
        initialValues={
          user
            ? { displayName: user.displayName, role: user.role, unitId: user.unitId, active: user.active }
            : { active: true }
        }
      >
        {user ? (
          <Form.Item label={t('users.username')}>
            <Input value={user.username} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="username" label={t('users.username')} rules={createRules.username} required>
            <Input maxLength={50} autoComplete="off" autoFocus />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={rules.displayName} required>
          <Input maxLength={150} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={rules.role} required>
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} rules={rules.unitId} required>
          <TreeSelect
            treeData={unitOptions(units)}
            showSearch
            filterTreeNode={titleMatches}
            treeDefaultExpandAll
            styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
          />
        </Form.Item>
        {user ? (
          <Form.Item name="active" label={t('users.activeSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            rules={createRules.password}
            extra={t('users.initialPasswordHint')}
            required
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
