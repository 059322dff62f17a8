/**
 * HR create a candidate (offer version 1) from the console. The server validates the full
 * shape; a refused field is shown on that field. On success the candidate's page opens,
 * where the plan preview appears and "Offer accepted" starts it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { ZCreateCandidate } from '../../../src/contracts/candidates.js';
import { LANGUAGES, ROLE_TYPES } from '../../../src/contracts/common.js';
import { api, ApiError, request, type TCandidate } from '../../lib/api.js';
import { usePermissions } from '../session.js';
import '../locales/candidates.js';

type TCreate = z.input<typeof ZCreateCandidate>;
interface Fields {
  fullName: string; email?: string; phone?: string; language: TCreate['language']; roleType: TCreate['roleType'];
  departmentId: string; siteId: string; positionTitle: string; startDate: string; managerId?: string;
  salaryMonthly?: number | null; salaryMonths?: number | null; relocation: boolean; backgroundCheck: boolean;
}

const FIELDS: readonly string[] = ['fullName', 'email', 'phone', 'language', 'roleType', 'departmentId', 'siteId', 'positionTitle', 'startDate', 'managerId', 'salaryMonthly', 'salaryMonths'];

function toBody(v: Fields): TCreate {
  return {
    fullName: v.fullName.trim(), email: v.email?.trim() ?? '', phone: v.phone?.trim() ?? '', language: v.language, roleType: v.roleType,
    departmentId: v.departmentId, siteId: v.siteId, positionTitle: v.positionTitle.trim(), startDate: v.startDate,
    relocation: v.relocation, backgroundCheck: v.backgroundCheck,
    ...(v.managerId ? { managerId: v.managerId } : {}),
    ...(v.salaryMonthly ? { salaryMonthly: v.salaryMonthly } : {}),
    ...(v.salaryMonths ? { salaryMonths: v.salaryMonths } : {}),
  };
}

function CandidateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const can = usePermissions();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);
  const departments = useQuery({ queryKey: ['departments'], queryFn: api.departments, staleTime: 10 * 60_000 });
  const sites = useQuery({ queryKey: ['sites'], queryFn: api.sites, staleTime: 10 * 60_000 });
  const users = useQuery({ queryKey: ['users'], queryFn: api.users, staleTime: 10 * 60_000, enabled: can('user.read') });
  const required = [{ required: true, message: t('newCandidate.required') }];

  const create = useMutation({
    mutationFn: (body: TCreate) => request<TCandidate>('POST', '/candidates', body),
    onSuccess: async (created) => {
      void message.success(t('newCandidate.created'));
      onDone();
      await client.invalidateQueries({ queryKey: ['candidates'] });
      navigate(`/candidates/${created.id}`);
    },
    onError: (err) => {
      const field = err instanceof ApiError ? err.field?.split('.')[0] : undefined;
      if (field && FIELDS.includes(field)) form.setFields([{ name: field as keyof Fields, errors: [err.message] }]);
      else setError(err instanceof ApiError ? err.message : String(err));
    },
  });

  return (
    <Form<Fields>
      form={form} layout="vertical" name="new-candidate" data-testid="new-candidate-form" requiredMark
      initialValues={{ language: 'zh-CN', roleType: 'tech', relocation: false, backgroundCheck: false }}
      onFinish={(v) => { setError(null); create.mutate(toBody(v)); }}
    >
      <Typography.Paragraph type="secondary">{t('newCandidate.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={t('newCandidate.failed')} description={error} style={{ marginBottom: 16 }} />}
      <Form.Item label={t('newCandidate.fullName')} name="fullName" rules={required}><Input maxLength={100} autoFocus /></Form.Item>
      <Form.Item label={t('newCandidate.positionTitle')} name="positionTitle" rules={required}><Input maxLength={200} /></Form.Item>
      <Flex gap={12}>
        <Form.Item label={t('newCandidate.department')} name="departmentId" rules={required} style={{ flex: 1 }}>
          <Select loading={departments.isPending} options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item label={t('newCandidate.site')} name="siteId" rules={required} style={{ flex: 1 }}>
          <Select loading={sites.isPending} options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item label={t('newCandidate.startDate')} name="startDate" rules={required} style={{ flex: 1 }}><Input type="date" /></Form.Item>
        <Form.Item label={t('newCandidate.roleType')} name="roleType" rules={required} style={{ flex: 1 }}>
          <Select options={ROLE_TYPES.map((r) => ({ value: r, label: t(`roleType.${r}`) }))} />
        </Form.Item>
      </Flex>
      {can('user.read') && (
        <Form.Item label={t('newCandidate.manager')} name="managerId">
          <Select allowClear loading={users.isPending} options={(users.data?.items ?? []).filter((u) => u.role === 'manager' && !u.disabled).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      )}
      <Flex gap={12}>
        <Form.Item label={t('newCandidate.email')} name="email" rules={[{ type: 'email', message: t('validation.email') }]} style={{ flex: 1 }}><Input maxLength={254} /></Form.Item>
        <Form.Item label={t('newCandidate.phone')} name="phone" style={{ flex: 1 }}><Input maxLength={32} /></Form.Item>
      </Flex>
      <Form.Item label={t('newCandidate.language')} name="language">
        <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item label={t('newCandidate.salaryMonthly')} name="salaryMonthly" style={{ flex: 1 }}><InputNumber min={0} max={100_000_000} step={500} style={{ width: '100%' }} /></Form.Item>
        <Form.Item label={t('newCandidate.salaryMonths')} name="salaryMonths" style={{ flex: 1 }}><InputNumber min={1} max={24} step={0.5} style={{ width: '100%' }} /></Form.Item>
      </Flex>
      <Flex gap={24}>
        <Form.Item label={t('newCandidate.relocation')} name="relocation" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item label={t('newCandidate.backgroundCheck')} name="backgroundCheck" valuePropName="checked"><Switch /></Form.Item>
      </Flex>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t('newCandidate.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="new-candidate-submit">{t('newCandidate.submit')}</Button>
      </Flex>
    </Form>
  );
}

/** The "New candidate" button and its drawer, for roles that may create candidates. */
export function NewCandidateButton() {
  const { t } = useTranslation();
  const can = usePermissions();
  const [open, setOpen] = useState(false);
  if (!can('candidate.create')) return null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="new-candidate">{t('newCandidate.button')}</Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('newCandidate.title')} size={560} destroyOnHidden>
        <CandidateForm onDone={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
