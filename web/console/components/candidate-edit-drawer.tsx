/**
 * "Edit" on the key facts: the fields `PATCH /candidates/:id` accepts (ZUpdateCandidate),
 * checked in the browser with that same schema before sending; a field the server refuses
 * (a user disabled meanwhile, a department outside HR's own) shows under that field.
 * Start date, site, position and pay are offer terms: they change through a new offer version.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Divider, Drawer, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZUpdateCandidate } from '../../../src/contracts/candidates.js';
import { CANDIDATE_CHANNELS, LANGUAGES, type TLanguage, type TStaffRole } from '../../../src/contracts/common.js';
import { api, type TCandidate, type TUser } from '../../lib/api.js';
import { candidateApi, type TUpdateCandidate } from '../../lib/candidate-api.js';
import { usePermissions } from '../session.js';
import { useRefreshCandidate } from './change-panels.js';
import { showIssues, showServerError } from './settings/form-errors.js';
import '../locales/candidate.js';
import '../locales/candidate-changes.js';

interface Fields {
  fullName?: string; email?: string; phone?: string; language?: TLanguage; departmentId?: string; channels?: string[];
  relocation?: boolean; backgroundCheck?: boolean; notes?: string;
  hrOwnerId?: string; managerId?: string; hrbpId?: string; adminContactId?: string;
}

const FIELDS: readonly string[] = [
  'fullName', 'email', 'phone', 'language', 'departmentId', 'channels', 'relocation', 'backgroundCheck', 'notes',
  'hrOwnerId', 'managerId', 'hrbpId', 'adminContactId',
];

type PersonKey = 'hrOwner' | 'manager' | 'hrbp' | 'adminContact';
/** Which staff roles fit each person on the record (DESIGN §1). */
const PEOPLE: ReadonlyArray<{ key: PersonKey; field: 'hrOwnerId' | 'managerId' | 'hrbpId' | 'adminContactId'; roles: readonly TStaffRole[] }> = [
  { key: 'hrOwner', field: 'hrOwnerId', roles: ['hr', 'org_admin'] },
  { key: 'manager', field: 'managerId', roles: ['manager'] },
  { key: 'hrbp', field: 'hrbpId', roles: ['hrbp'] },
  { key: 'adminContact', field: 'adminContactId', roles: ['admin'] },
];

function readInitialValues(c: TCandidate): Fields {
  return {
    fullName: c.fullName, email: c.email ?? '', phone: c.phone ?? '', language: c.language, departmentId: c.department.id,
    channels: c.channels, relocation: c.relocation, backgroundCheck: c.backgroundCheck, notes: c.notes ?? '',
    hrOwnerId: c.hrOwner?.id, managerId: c.manager?.id, hrbpId: c.hrbp?.id, adminContactId: c.adminContact?.id,
  };
}

/**
 * Only what changed goes to the server. The API has no version check on this record, so
 * sending untouched fields could undo a colleague's edit made meanwhile; sending only the
 * changes limits a conflict to a field both people edited.
 */
function buildPatch(c: TCandidate, v: Fields, opts: { contact: boolean; people: boolean }): Record<string, unknown> {
  const next: Record<string, unknown> = {
    fullName: v.fullName?.trim() ?? '', language: v.language, departmentId: v.departmentId, channels: v.channels ?? [],
    relocation: v.relocation ?? false, backgroundCheck: v.backgroundCheck ?? false,
  };
  const before: Record<string, unknown> = {
    fullName: c.fullName, language: c.language, departmentId: c.department.id, channels: c.channels,
    relocation: c.relocation, backgroundCheck: c.backgroundCheck,
  };
  if (opts.contact) {
    Object.assign(next, { email: v.email?.trim() ?? '', phone: v.phone?.trim() ?? '', notes: v.notes ?? '' });
    Object.assign(before, { email: c.email, phone: c.phone, notes: c.notes });
  }
  if (opts.people) {
    for (const p of PEOPLE) {
      next[p.field] = v[p.field] ?? null;
      before[p.field] = c[p.key]?.id ?? null;
    }
  }
  return Object.fromEntries(Object.entries(next).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k])));
}

/** Active users of the roles that fit, plus whoever holds the place now (even if no longer active). */
function listPersonOptions(users: readonly TUser[], roles: readonly TStaffRole[], current: TCandidate[PersonKey]) {
  const options = users.filter((u) => roles.includes(u.role) && !u.disabled).map((u) => ({ value: u.id, label: u.name }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return options;
}

export function CandidateEditDrawer({ candidate: c, open, onClose }: { candidate: TCandidate; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = usePermissions();
  const refresh = useRefreshCandidate(c.id);
  const [form] = Form.useForm<Fields>();
  const [formError, setFormError] = useState<string | null>(null);
  const contact = c.email !== undefined;
  const people = can('user.read');
  const departments = useQuery({ queryKey: ['departments'], queryFn: api.departments, staleTime: 10 * 60_000, enabled: open });
  const users = useQuery({ queryKey: ['users'], queryFn: api.users, staleTime: 10 * 60_000, enabled: open && people });

  const save = useMutation({
    mutationFn: (patch: TUpdateCandidate) => candidateApi.update(c.id, patch),
    onSuccess: async () => {
      await refresh();
      void message.success(t('candidateEdit.saved'));
      onClose();
    },
    onError: (err) => setFormError(showServerError(form, err, FIELDS)),
  });

  const onFinish = (values: Fields) => {
    setFormError(null);
    const patch = buildPatch(c, values, { contact, people });
    const parsed = ZUpdateCandidate.safeParse(patch);
    if (!parsed.success) return showIssues(form, t, parsed.error.issues);
    if (Object.keys(parsed.data).length === 0) {
      void message.info(t('candidateEdit.unchanged'));
      return onClose();
    }
    save.mutate(parsed.data);
  };

  return (
    <Drawer
      open={open} onClose={onClose} size={600} destroyOnHidden title={t('candidateEdit.title', { name: c.fullName })}
      footer={(
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('candidateEdit.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="candidate-edit-save">{t('candidateEdit.save')}</Button>
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary">{t('candidateEdit.intro')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon role="alert" title={t('candidateEdit.failed')} description={formError} style={{ marginBottom: 16 }} />}
      <Form<Fields>
        form={form} layout="vertical" name="candidate-edit" requiredMark="optional" data-testid="candidate-edit-form"
        initialValues={readInitialValues(c)} onFinish={onFinish}
        // Errors set by hand (zod, server) stay until their field changes.
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Fields, errors: [] })))}
      >
        <Form.Item label={t('candidateEdit.fullName')} name="fullName" required><Input maxLength={100} /></Form.Item>
        {contact && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label={t('candidateEdit.email')} name="email"><Input type="email" maxLength={254} autoComplete="off" /></Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('candidateEdit.phone')} name="phone" extra={t('candidateEdit.phoneHelp')}><Input maxLength={32} autoComplete="off" /></Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('candidateEdit.department')} name="departmentId" required>
              <Select loading={departments.isPending} options={(departments.data?.items ?? [{ id: c.department.id, name: c.department.name }]).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('candidateEdit.language')} name="language" required>
              <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('candidateEdit.channels')} name="channels" required>
          <Select mode="multiple" options={CANDIDATE_CHANNELS.map((ch) => ({ value: ch, label: t(`channel.${ch}`) }))} />
        </Form.Item>
        <Space size={32}>
          <Form.Item label={t('candidateEdit.relocation')} name="relocation" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item label={t('candidateEdit.backgroundCheck')} name="backgroundCheck" valuePropName="checked"><Switch /></Form.Item>
        </Space>
        {people && (
          <>
            <Divider titlePlacement="start" plain>{t('candidateEdit.people')}</Divider>
            <Row gutter={12}>
              {PEOPLE.map((p) => (
                <Col span={12} key={p.key}>
                  <Form.Item label={t(`candidate.${p.key}`)} name={p.field}>
                    <Select
                      allowClear showSearch={{ optionFilterProp: 'label' }} loading={users.isPending} placeholder={t('candidate.nobody')}
                      options={listPersonOptions(users.data?.items ?? [], p.roles, c[p.key])}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </>
        )}
        {contact && (
          <Form.Item label={t('candidateEdit.notes')} name="notes" extra={t('candidateEdit.notesHelp')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
