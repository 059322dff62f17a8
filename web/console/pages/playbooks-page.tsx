/**
 * Playbooks (HR and org admins): the follow-up steps as a table to edit, the plan the draft
 * gives a sample or real candidate beside the saved version's, and saving as a new version.
 * A saved version applies to offers accepted from then on; running plans keep theirs.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZPlaybookDraft } from '../../../src/contracts/playbooks.js';
import { api, ApiError } from '../../lib/api.js';
import {
  playbooksApi, problemsOf, type TPlaybookDraftInput, type TPlaybookPreview, type TPlaybookProblem, type TPlaybookStep, type TPreviewSubject,
} from '../../lib/playbooks-api.js';
import { buildNewStep, canonicalJson, describeProblem, groupProblems, splitField, toProblem } from '../components/playbooks/playbook-format.js';
import { PreviewPanel } from '../components/playbooks/preview-panel.js';
import { StepDrawer } from '../components/playbooks/step-drawer.js';
import { StepsTable, type StepChange } from '../components/playbooks/steps-table.js';
import { VersionHistory } from '../components/playbooks/version-history.js';
import { RequirePermission } from '../components/settings/require-permission.js';
import { usePermissions } from '../session.js';
import './playbooks-page.css';
import '../locales/playbooks.js';

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Per draft step: new (id not in the saved version), edited, or as saved. */
function markChanges(steps: readonly TPlaybookStep[], saved: readonly TPlaybookStep[]): StepChange[] {
  const byId = new Map(saved.map((s) => [s.id, s]));
  return steps.map((s) => (!byId.has(s.id) ? 'added' : sameJson(byId.get(s.id), s) ? null : 'changed'));
}

function PlaybookEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const can = usePermissions();
  const list = useQuery({ queryKey: ['playbooks'], queryFn: playbooksApi.list });
  const sites = useQuery({ queryKey: ['sites'], queryFn: api.sites });
  const summary = list.data?.items.find((i) => i.active) ?? list.data?.items[0];
  const key = summary?.key ?? 'default';
  const latestVersion = summary?.latestVersion ?? 0;
  const latest = useQuery({ queryKey: ['playbook', key, latestVersion], queryFn: () => playbooksApi.version(key, latestVersion), enabled: latestVersion > 0 });

  const [draft, setDraft] = useState<TPlaybookDraftInput | null>(null);
  const [revision, setRevision] = useState(0);
  const [problems, setProblems] = useState<TPlaybookProblem[]>([]);
  const [saveError, setSaveError] = useState<{ text: string; conflict: boolean } | null>(null);
  const [editing, setEditing] = useState<{ index: number | null; step: TPlaybookStep } | null>(null);
  // A fresh form for every opened step, so one step's values never carry into the next.
  const [editSeq, setEditSeq] = useState(0);
  const openEditor = (next: { index: number | null; step: TPlaybookStep }) => { setEditSeq((n) => n + 1); setEditing(next); };
  const [preview, setPreview] = useState<{ result: TPlaybookPreview; revision: number } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loadingVersion, setLoadingVersion] = useState<number | null>(null);

  const saved = latest.data?.definition;
  useEffect(() => {
    if (saved && draft === null) setDraft({ name: saved.name, steps: saved.steps });
  }, [saved, draft]);

  const siteList = useMemo(() => (sites.data?.items ?? []).map((s) => ({ id: s.id, name: s.name })), [sites.data]);
  const siteNames = useMemo(() => new Map(siteList.map((s) => [s.id, s.name])), [siteList]);

  const change = (next: TPlaybookDraftInput, keepProblems = false) => {
    setDraft(next);
    setRevision((r) => r + 1);
    setSaveError(null);
    if (!keepProblems) setProblems([]);
  };

  /** The draft as the shared schema sees it; problems are shown and false returned when it fails. */
  const checkLocally = (value: TPlaybookDraftInput): boolean => {
    const parsed = ZPlaybookDraft.safeParse(value);
    if (parsed.success) return true;
    setProblems(parsed.error.issues.map((issue) => toProblem(issue)));
    return false;
  };

  const save = useMutation({
    mutationFn: (value: TPlaybookDraftInput) => playbooksApi.save(key, latestVersion, value),
    onSuccess: async (version) => {
      client.setQueryData(['playbook', key, version.version], version);
      setDraft({ name: version.definition.name, steps: version.definition.steps });
      setProblems([]);
      setPreview(null);
      await client.invalidateQueries({ queryKey: ['playbooks'] });
      void message.success(t('playbooks.saved', { version: version.version }));
    },
    onError: (err) => {
      const found = problemsOf(err);
      setProblems(found);
      const conflict = err instanceof ApiError && err.status === 409;
      setSaveError({ text: found.length ? t('playbooks.notSaved', { count: found.length }) : err instanceof Error ? err.message : String(err), conflict });
    },
  });

  const runPreview = useMutation({
    mutationFn: ({ value, subject }: { value: TPlaybookDraftInput; subject: TPreviewSubject; at: number }) => playbooksApi.preview(key, value, subject),
    onSuccess: (result, vars) => { setPreview({ result, revision: vars.at }); setPreviewError(null); },
    onError: (err) => {
      const found = problemsOf(err);
      if (found.length) setProblems(found);
      setPreviewError(found.length ? t('playbooks.notPreviewed', { count: found.length }) : err instanceof Error ? err.message : String(err));
    },
  });

  if (list.isError || latest.isError) {
    return <Alert type="error" showIcon role="alert" title={t('error.generic')} action={<Button onClick={() => { void list.refetch(); void latest.refetch(); }}>{t('error.retry')}</Button>} />;
  }
  if (!summary || !saved || !draft) return <Skeleton active />;

  const grouped = groupProblems(problems);
  const dirty = !sameJson(draft, { name: saved.name, steps: saved.steps });
  const candidateCount = summary.versions.reduce((sum, v) => sum + v.candidateCount, 0);
  const nameProblems = (grouped.get(-1) ?? []).filter((p) => splitField(p.field).path[0] === 'name');
  const otherProblems = (grouped.get(-1) ?? []).filter((p) => splitField(p.field).path[0] !== 'name');

  const applyStep = (step: TPlaybookStep) => {
    const steps = editing?.index === null || editing === null ? [...draft.steps, step] : draft.steps.map((s, i) => (i === editing.index ? step : s));
    setProblems(problems.filter((p) => splitField(p.field).index !== editing?.index));
    change({ ...draft, steps }, true);
    setEditing(null);
  };
  const loadVersion = async (version: number) => {
    setLoadingVersion(version);
    try {
      const v = await client.fetchQuery({ queryKey: ['playbook', key, version], queryFn: () => playbooksApi.version(key, version) });
      change({ name: v.definition.name, steps: v.definition.steps });
      void message.info(t('playbooks.loaded', { version }));
    } finally {
      setLoadingVersion(null);
    }
  };
  /** After another editor saved: start again from the newest version. */
  const reload = async () => {
    await list.refetch();
    setDraft(null);
    setSaveError(null);
    setProblems([]);
  };
  const editingProblems = editing?.index !== null && editing ? (grouped.get(editing.index) ?? []) : [];

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('playbooks.appliesNote')} description={t('playbooks.appliesDetail', { count: candidateCount })} data-testid="applies-note" />
      <Card
        variant="borderless" title={<h2 className="pb-card-title">{t('playbooks.stepsTitle', { version: latestVersion })}</h2>}
        extra={can('playbook.manage') && (
          <Flex gap={8} wrap>
            <Button icon={<PlusOutlined />} onClick={() => openEditor({ index: null, step: buildNewStep() })} data-testid="step-add">{t('playbooks.add')}</Button>
            <Button onClick={() => change({ name: saved.name, steps: saved.steps })} disabled={!dirty}>{t('playbooks.discard')}</Button>
            <Popconfirm
              title={t('playbooks.saveConfirmTitle', { version: latestVersion + 1 })} description={t('playbooks.appliesNote')}
              okText={t('playbooks.save', { version: latestVersion + 1 })} cancelText={t('playbooks.form.cancel')}
              onConfirm={() => { if (checkLocally(draft)) save.mutate(draft); }}
            >
              <Button type="primary" disabled={!dirty} loading={save.isPending} data-testid="playbook-save">{t('playbooks.save', { version: latestVersion + 1 })}</Button>
            </Popconfirm>
          </Flex>
        )}
      >
        <Flex vertical gap={12}>
          {saveError && (
            <Alert
              type="error" showIcon role="alert" title={saveError.conflict ? t('playbooks.conflict') : t('playbooks.saveFailed')} description={saveError.text}
              action={saveError.conflict ? <Button onClick={() => void reload()}>{t('playbooks.reload')}</Button> : undefined}
              data-testid="save-error"
            />
          )}
          {otherProblems.length > 0 && <Alert type="error" showIcon title={otherProblems.map((p) => describeProblem(t, p)).join('；')} />}
          <Form layout="vertical" style={{ maxWidth: 560 }}>
            <Form.Item
              label={t('playbooks.name')} htmlFor="playbook-name" validateStatus={nameProblems.length ? 'error' : undefined}
              help={nameProblems.length ? nameProblems.map((p) => describeProblem(t, p)).join('；') : undefined}
            >
              <Input id="playbook-name" value={draft.name} maxLength={200} onChange={(e) => change({ ...draft, name: e.target.value })} data-testid="playbook-name" />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">{t('playbooks.exceptionNote')}</Typography.Text>
          <StepsTable
            steps={draft.steps} changes={markChanges(draft.steps, saved.steps)} problems={grouped} siteNames={siteNames}
            onEdit={(index) => openEditor({ index, step: draft.steps[index]! })}
            onRemove={(index) => change({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })}
          />
        </Flex>
      </Card>
      <PreviewPanel
        preview={preview?.result ?? null} stale={preview !== null && preview.revision !== revision} loading={runPreview.isPending}
        error={previewError} sites={siteList}
        onPreview={(subject) => { if (checkLocally(draft)) runPreview.mutate({ value: draft, subject, at: revision }); }}
      />
      <Card variant="borderless" title={<h2 className="pb-card-title">{t('playbooks.history.title')}</h2>}>
        <VersionHistory versions={summary.versions} latest={latestVersion} loadingVersion={loadingVersion} onLoad={(v) => void loadVersion(v)} />
      </Card>
      <StepDrawer
        key={editSeq} step={editing?.step ?? null} isNew={editing?.index === null} problems={editingProblems} catalog={list.data!.catalog} sites={siteList}
        otherStepIds={draft.steps.filter((_, i) => i !== editing?.index).map((s) => s.id)}
        onApply={applyStep} onClose={() => setEditing(null)}
      />
    </Flex>
  );
}

export default function PlaybooksPage() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="playbook.read">
      <>
        <div className="pb-page-head">
          <div>
            <Typography.Title level={1} style={{ fontSize: 24 }}>{t('playbooks.title')}</Typography.Title>
            <Typography.Text type="secondary">{t('playbooks.subtitle')}</Typography.Text>
          </div>
        </div>
        <PlaybookEditor />
      </>
    </RequirePermission>
  );
}
