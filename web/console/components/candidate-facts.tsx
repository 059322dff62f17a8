/** The one record's key facts and the people around the candidate; "Edit" for roles that may change them. */
import { EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCandidate } from '../../lib/api.js';
import { daysUntil, formatLocalDate, formatMoney, formatRelativeDays } from '../format.js';
import { usePermissions } from '../session.js';
import { CandidateEditDrawer } from './candidate-edit-drawer.js';
import '../locales/candidate.js';
import '../locales/candidate-changes.js';

type Person = TCandidate['hrOwner'];

function PersonCell({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (!person) return <Typography.Text type="secondary">{t('candidate.nobody')}</Typography.Text>;
  return (
    <Flex vertical>
      <span>{person.name}</span>
      {person.phone && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <PhoneOutlined aria-hidden="true" /> {person.phone}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function CandidateFacts({ candidate: c }: { candidate: TCandidate }) {
  const { t, i18n } = useTranslation();
  const can = usePermissions();
  const [editing, setEditing] = useState(false);
  const lng = i18n.language;
  const days = daysUntil(c.startDate);
  const yesNo = (v: boolean) => (v ? t('candidate.yes') : t('candidate.no'));
  const contact = [c.email, c.phone].filter(Boolean).join(' · ');

  const facts = [
    { key: 'position', label: t('candidate.position'), children: c.positionTitle },
    { key: 'department', label: t('candidate.department'), children: c.department.name },
    { key: 'site', label: t('candidate.site'), children: c.site.name },
    {
      key: 'startDate', label: t('candidate.startDate'),
      children: <span data-testid="start-date">{formatLocalDate(c.startDate, lng)} <Typography.Text type="secondary">({formatRelativeDays(days, lng)})</Typography.Text></span>,
    },
    { key: 'offerVersion', label: t('candidate.offerVersion'), children: `v${c.offerVersion}` },
    { key: 'roleType', label: t('candidate.roleType'), children: t(`roleType.${c.roleType}`, { defaultValue: c.roleType }) },
    ...(c.salary?.monthly
      ? [{
        key: 'salary', label: t('candidate.salary'),
        children: <span data-testid="salary">{t('candidate.salaryValue', { monthly: formatMoney(c.salary.monthly, c.salary.currency, lng), months: Number(c.salary.months ?? 12) })}</span>,
      }]
      : []),
    { key: 'relocation', label: t('candidate.relocation'), children: yesNo(c.relocation) },
    { key: 'backgroundCheck', label: t('candidate.backgroundCheck'), children: yesNo(c.backgroundCheck) },
    { key: 'channels', label: t('candidate.channels'), children: c.channels.map((ch) => <Tag key={ch} bordered={false}>{t(`channel.${ch}`, { defaultValue: ch })}</Tag>) },
    ...(contact ? [{ key: 'contact', label: t('candidate.contact'), children: contact }] : []),
    { key: 'language', label: t('candidate.language'), children: t(`lang.${c.language}`) },
  ];
  const people = [
    { key: 'hrOwner', label: t('candidate.hrOwner'), children: <PersonCell person={c.hrOwner} /> },
    { key: 'manager', label: t('candidate.manager'), children: <PersonCell person={c.manager} /> },
    { key: 'hrbp', label: t('candidate.hrbp'), children: <PersonCell person={c.hrbp} /> },
    { key: 'adminContact', label: t('candidate.adminContact'), children: <PersonCell person={c.adminContact} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={<h2 className="pb-card-title">{t('candidate.facts')}</h2>} variant="borderless" data-testid="facts"
        extra={can('candidate.update') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} aria-label={t('candidateEdit.buttonLabel', { name: c.fullName })} data-testid="candidate-edit">
            {t('candidateEdit.button')}
          </Button>
        )}
      >
        <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} items={facts} size="middle" />
      </Card>
      {can('candidate.update') && <CandidateEditDrawer candidate={c} open={editing} onClose={() => setEditing(false)} />}
      <Card title={<h2 className="pb-card-title">{t('candidate.people')}</h2>} variant="borderless">
        <Descriptions column={{ xs: 1, sm: 2, xl: 4 }} items={people} size="middle" />
      </Card>
    </Flex>
  );
}
