/**
 * The form of a staff group robot: adding one, or editing a saved one. The webhook URL and
 * secret are write-only: when editing, a blank field keeps the saved (sealed) value. Checked
 * in the browser with the server's own schemas before sending.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../src/contracts/common.js';
import {
  STAFF_CHANNEL_EVENTS, STAFF_CHANNEL_KINDS, ZCreateStaffChannel, zUpdateStaffChannelFor,
  type TStaffChannel, type TStaffChannelEvent, type TStaffChannelKind,
} from '../../../../src/contracts/staff-channels.js';
import { currentLanguage, type Language } from '../../../lib/i18n.js';
import { adminApi } from './admin-api.js';
import { showIssues, showServerError } from './form-errors.js';
import '../../locales/settings.js';

interface ChannelFields {
  kind?: TStaffChannelKind;
  name?: string;
  webhookUrl?: string;
  secret?: string;
  removeSecret?: boolean;
  events?: TStaffChannelEvent[];
  language?: Language;
}
const FIELDS = ['kind', 'name', 'webhookUrl', 'secret', 'events', 'language'];

/** What the form sends: everything for a new robot; for a saved one, a blank credential is left out (kept). */
function readForm(values: ChannelFields, saved: TStaffChannel | null): Record<string, unknown> {
  const common = { name: values.name ?? '', events: values.events ?? [], language: values.language };
  if (!saved) return { kind: values.kind, webhookUrl: values.webhookUrl ?? '', ...common, ...(values.secret ? { secret: values.secret } : {}) };
  const secret = values.secret ? { secret: values.secret } : values.removeSecret ? { secret: null } : {};
  return { ...common, ...(values.webhookUrl?.trim() ? { webhookUrl: values.webhookUrl } : {}), ...secret };
}

/** `channel`: the saved robot to edit, or null to add one. */
export function StaffChannelModal({ channel, onClose }: { channel: TStaffChannel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ChannelFields>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'wecom';
  const removeSecret = Form.useWatch('removeSecret', form) ?? false;
  const save = useMutation({
    mutationFn: (send: () => Promise<TStaffChannel>) => send(),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['staff-channels'] });
      if (channel) void message.success(t('settings.channels.saved', { name: saved.name }));
      onClose();
    },
    onError: (err) => setFormError(showServerError(form, err, FIELDS)),
  });
  const onFinish = (values: ChannelFields) => {
    setFormError(null);
    const body = readForm(values, channel);
    if (channel) {
      const parsed = zUpdateStaffChannelFor(channel).safeParse(body);
      if (!parsed.success) return showIssues(form, t, parsed.error.issues);
      return save.mutate(() => adminApi.updateStaffChannel(channel.id, parsed.data));
    }
    const parsed = ZCreateStaffChannel.safeParse(body);
    if (!parsed.success) return showIssues(form, t, parsed.error.issues);
    save.mutate(() => adminApi.createStaffChannel(parsed.data));
  };
  const pattern = t(`settings.channels.webhookHelp.${kind}`);
  return (
    <Modal
      open onCancel={onClose} destroyOnHidden
      title={channel ? t('settings.channels.editTitle', { name: channel.name }) : t('settings.channels.addTitle')}
      okText={channel ? t('settings.channels.save') : t('settings.channels.addButton')} cancelText={t('settings.cancel')}
      onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'channel-submit' } as Record<string, string>}
    >
      {formError && <Alert type="error" showIcon role="alert" title={t('settings.saveFailed')} description={formError} style={{ marginBottom: 16 }} />}
      <Form<ChannelFields>
        form={form} layout="vertical" name="staff-channel" requiredMark="optional" onFinish={onFinish}
        initialValues={channel
          ? { kind: channel.kind, name: channel.name, events: channel.events, language: channel.language }
          : { kind: 'wecom', events: ['digest', 'escalation'], language: currentLanguage() }}
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof ChannelFields, errors: [] })))}
      >
        <Form.Item label={t('settings.channels.kind')} name="kind" required>
          {/* A saved robot keeps its provider: the webhook belongs to it. */}
          <Select disabled={channel !== null} options={STAFF_CHANNEL_KINDS.map((k) => ({ value: k, label: t(`settings.channels.kindName.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('settings.channels.name')} name="name" required>
          <Input maxLength={100} data-testid="channel-name" />
        </Form.Item>
        <Form.Item
          label={t('settings.channels.webhookUrl')} name="webhookUrl" required={!channel}
          extra={channel ? <>{t('settings.channels.keepWebhook', { hint: channel.webhookHint })}<br />{pattern}</> : pattern}
        >
          <Input maxLength={500} autoComplete="off" data-testid="channel-webhook" />
        </Form.Item>
        {kind !== 'wecom' && (
          <Form.Item
            label={t('settings.channels.secret')} name="secret" required={kind === 'dingtalk' && !channel?.hasSecret}
            extra={channel?.hasSecret ? `${t('settings.channels.keepSecret')} ${t('settings.channels.secretHelp')}` : t('settings.channels.secretHelp')}
          >
            <Input.Password maxLength={200} autoComplete="new-password" disabled={removeSecret} data-testid="channel-secret" />
          </Form.Item>
        )}
        {kind === 'feishu' && channel?.hasSecret && (
          <Form.Item name="removeSecret" valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox>{t('settings.channels.removeSecret')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item label={t('settings.channels.events')} name="events" required>
          {/* A multi-select rather than checkboxes: a checkbox group cannot carry aria-required. */}
          <Select mode="multiple" options={STAFF_CHANNEL_EVENTS.map((e) => ({ value: e, label: t(`settings.channels.event.${e}`) }))} />
        </Form.Item>
        <Form.Item label={t('settings.channels.language')} name="language" required extra={t('settings.channels.languageHelp')}>
          <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} data-testid="channel-language" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
