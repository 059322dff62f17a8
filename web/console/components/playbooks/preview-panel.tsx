/**
 * The plan the draft gives one candidate — a sample (accepted now, starting in three weeks)
 * or a real one — with what changes against the saved version: new, moved and removed steps.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, Radio, Row, Select, Switch, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRoleType, type TRoleType } from '../../../../src/contracts/playbook.js';
import { api } from '../../../lib/api.js';
import type { TPlaybookPreview, TPreviewSubject } from '../../../lib/playbooks-api.js';
import { formatInZone, formatLocalDate } from '../../format.js';
import { actionName, channelName, roleName, stageName, stepName } from '../../labels.js';
import { ToneTag } from '../tone-tag.js';
import '../../locales/candidate.js';
import '../../locales/playbooks.js';

type Item = TPlaybookPreview['items'][number];
interface SampleFields { roleType: TRoleType; relocation: boolean; backgroundCheck: boolean; startInDays: number; siteId?: string }

export function PreviewPanel({ preview, stale, loading, error, sites, onPreview }: {
  preview: TPlaybookPreview | null;
  /** The draft changed after this preview was made. */
  stale: boolean;
  loading: boolean;
  error: string | null;
  sites: ReadonlyArray<{ id: string; name: string }>;
  onPreview: (subject: TPreviewSubject) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [kind, setKind] = useState<'sample' | 'candidate'>('sample');
  const [search, setSearch] = useState('');
  const [candidateId, setCandidateId] = useState<string | undefined>();
  const [form] = Form.useForm<SampleFields>();
  const candidates = useQuery({ queryKey: ['candidates', 'playbook-preview', search], queryFn: () => api.listCandidates({ q: search || undefined, limit: 20 }), enabled: kind === 'candidate' });

  const run = () => {
    if (kind === 'candidate') {
      if (candidateId) onPreview({ kind: 'candidate', candidateId });
      return;
    }
    const v = form.getFieldsValue();
    onPreview({ kind: 'sample', roleType: v.roleType, relocation: v.relocation, backgroundCheck: v.backgroundCheck, startInDays: v.startInDays ?? 21, ...(v.siteId ? { siteId: v.siteId } : {}) });
  };

  const zone = preview?.candidate.timeZone ?? 'Asia/Shanghai';
  const byKey = new Map((preview?.items ?? []).map((i) => [i.key, i]));
  const columns: TableProps<Item>['columns'] = [
    { key: 'due', title: t('playbooks.preview.due'), width: 210, render: (_, i) => <time dateTime={i.dueAt}>{formatInZone(i.dueAt, lng, zone)}</time> },
    {
      key: 'step', title: t('playbooks.col.id'),
      render: (_, i) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{stepName(t, i.stepId)}{i.occurrence > 0 ? ` #${i.occurrence + 1}` : ''}</Typography.Text>
          {i.mergedInto && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('plan.mergedInto', { step: stepName(t, byKey.get(i.mergedInto)?.stepId ?? i.mergedInto) })}</Typography.Text>}
          {i.mergedStepKeys.length > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('playbooks.preview.carries', { steps: i.mergedStepKeys.slice(1).map((k) => stepName(t, k.split('#')[0]!)).join('、') })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'stage', title: t('playbooks.col.stage'), render: (_, i) => stageName(t, i.stage) },
    { key: 'owners', title: t('playbooks.col.owners'), render: (_, i) => i.owners.map((o) => roleName(t, o)).join(' + ') },
    { key: 'how', title: t('playbooks.col.action'), render: (_, i) => (i.channel ? `${actionName(t, i.action)} · ${channelName(t, i.channel)}` : actionName(t, i.action)) },
    {
      key: 'change', title: t('playbooks.preview.change'),
      render: (_, i) => (
        <Flex gap={4} wrap>
          {i.change === 'added' && <ToneTag tone="success" testId="preview-change">{t('playbooks.preview.added')}</ToneTag>}
          {i.change === 'moved' && i.previousDueAt && (
            <ToneTag tone="info" testId="preview-change">{t('playbooks.preview.movedFrom', { at: formatInZone(i.previousDueAt, lng, zone) })}</ToneTag>
          )}
          {i.slaBreached && <ToneTag tone="danger">{t('plan.slaBreached')}</ToneTag>}
          {i.compressed && <ToneTag tone="warning">{t('playbooks.preview.compressed')}</ToneTag>}
        </Flex>
      ),
    },
  ];

  return (
    <Card variant="borderless" title={<h2 className="pb-card-title">{t('playbooks.preview.title')}</h2>} data-testid="preview-panel">
      <Flex vertical gap={12}>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button" aria-label={t('playbooks.preview.subject')}
          options={[{ value: 'sample', label: t('playbooks.preview.sample') }, { value: 'candidate', label: t('playbooks.preview.realCandidate') }]} />
        {kind === 'sample' ? (
          <Form<SampleFields> form={form} layout="vertical" initialValues={{ roleType: 'tech', relocation: false, backgroundCheck: true, startInDays: 21 }}>
            <Row gutter={12}>
              <Col xs={24} md={6}>
                <Form.Item label={t('playbooks.preview.roleType')} name="roleType">
                  <Select options={ZRoleType.options.map((r) => ({ value: r, label: t(`roleType.${r}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item label={t('playbooks.preview.startInDays')} name="startInDays"><InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} /></Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item label={t('playbooks.preview.site')} name="siteId">
                  <Select allowClear placeholder={t('playbooks.preview.firstSite')} options={sites.map((s) => ({ value: s.id, label: s.name }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item label={t('playbooks.form.relocation')} name="relocation" valuePropName="checked"><Switch /></Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item label={t('playbooks.form.backgroundCheck')} name="backgroundCheck" valuePropName="checked"><Switch /></Form.Item>
              </Col>
            </Row>
          </Form>
        ) : (
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }} value={candidateId} onChange={setCandidateId} style={{ maxWidth: 420 }}
            placeholder={t('playbooks.preview.pickCandidate')} aria-label={t('playbooks.preview.pickCandidate')} loading={candidates.isFetching}
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.fullName} · ${c.positionTitle}` }))}
          />
        )}
        <div>
          <Button type="primary" ghost onClick={run} loading={loading} disabled={kind === 'candidate' && !candidateId} data-testid="preview-run">
            {t('playbooks.preview.run')}
          </Button>
        </div>
        {error && <Alert type="error" showIcon role="alert" title={t('playbooks.preview.failed')} description={error} />}
        {preview && (
          <Flex vertical gap={12} data-testid="preview-result">
            {stale && <Alert type="warning" showIcon title={t('playbooks.preview.stale')} />}
            <Typography.Text data-testid="preview-subject">
              {t('playbooks.preview.subjectLine', {
                who: preview.candidate.name ?? t('playbooks.preview.sampleName'),
                start: formatLocalDate(preview.candidate.startDate, lng),
                accepted: formatInZone(preview.candidate.offerAcceptedAt, lng, zone),
                version: preview.comparedToVersion,
              })}
            </Typography.Text>
            <Flex gap={8} wrap data-testid="preview-diff">
              <ToneTag tone="success">{t('playbooks.preview.addedCount', { count: preview.diff.added.length })}</ToneTag>
              <ToneTag tone="danger">{t('playbooks.preview.removedCount', { count: preview.diff.removed.length })}</ToneTag>
              <ToneTag tone="info">{t('playbooks.preview.movedCount', { count: preview.diff.moved.length })}</ToneTag>
              <ToneTag tone="neutral">{t('playbooks.preview.messageCount', { count: preview.messages.length })}</ToneTag>
            </Flex>
            {preview.warnings.map((w) => <Alert key={w.code} type="warning" showIcon title={t(`playbooks.warning.${w.code}`, { defaultValue: w.message })} />)}
            <Table<Item> rowKey="key" size="small" columns={columns} dataSource={preview.items} pagination={false} data-testid="preview-table" scroll={{ x: 900 }} />
            {preview.diff.removed.length > 0 && (
              <div data-testid="preview-removed">
                <Typography.Text strong>{t('playbooks.preview.removedTitle')}</Typography.Text>
                <ul>
                  {preview.diff.removed.map((r) => (
                    <li key={r.key} className="pb-playbook-removed">{stepName(t, r.stepId)} · <time dateTime={r.dueAt}>{formatInZone(r.dueAt, lng, zone)}</time></li>
                  ))}
                </ul>
              </div>
            )}
            {preview.skipped.length > 0 && (
              <Typography.Text type="secondary">{t('playbooks.preview.skipped', { steps: preview.skipped.map((s) => stepName(t, s.stepId)).join('、') })}</Typography.Text>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
