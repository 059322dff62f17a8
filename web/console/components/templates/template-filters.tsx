/** Filters of the template list: step, language, role type and whether the organisation changed the text. */
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateListQuery, TTemplateLocale, TTemplateRoleType } from '../../../lib/templates-api.js';
import { stepName } from '../../labels.js';
import '../../locales/templates.js';

export const LOCALES: readonly TTemplateLocale[] = ['zh-CN', 'en-US'];
export const ROLE_TYPES: readonly TTemplateRoleType[] = ['tech', 'management', 'sales', 'operations', 'campus', 'other'];

export function TemplateFilters({ query, steps, onChange }: {
  query: TemplateListQuery;
  steps: readonly string[];
  onChange: (patch: Partial<Record<keyof TemplateListQuery, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('templates.filters')}>
      <Select<string>
        aria-label={t('templates.filter.step')} placeholder={t('templates.filter.allSteps')} allowClear style={{ width: 240 }}
        value={query.step} onChange={(v?: string) => onChange({ step: v })} data-testid="filter-step"
        options={steps.map((s) => ({ value: s, label: stepName(t, s) }))}
      />
      <Select<TTemplateLocale>
        aria-label={t('templates.filter.locale')} placeholder={t('templates.filter.allLocales')} allowClear style={{ width: 160 }}
        value={query.locale} onChange={(v?: TTemplateLocale) => onChange({ locale: v })} data-testid="filter-locale"
        options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      />
      <Select<TTemplateRoleType>
        aria-label={t('templates.filter.roleType')} placeholder={t('templates.filter.anyRoleType')} allowClear style={{ width: 200 }}
        value={query.roleType} onChange={(v?: TTemplateRoleType) => onChange({ roleType: v })} data-testid="filter-role-type"
        options={ROLE_TYPES.map((r) => ({ value: r, label: t(`roleType.${r}`) }))}
      />
      <Select<'true' | 'false'>
        aria-label={t('templates.filter.customised')} placeholder={t('templates.filter.anyCustomised')} allowClear style={{ width: 200 }}
        value={query.customised} onChange={(v?: 'true' | 'false') => onChange({ customised: v })} data-testid="filter-customised"
        options={[{ value: 'true', label: t('templates.filter.onlyCustomised') }, { value: 'false', label: t('templates.filter.onlyBuiltIn') }]}
      />
    </Flex>
  );
}
