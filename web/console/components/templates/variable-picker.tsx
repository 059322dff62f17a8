/** Picks a variable of the candidate record by its name in the reader's language; the editor inserts `{{ path }}` at the cursor. */
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TTemplateVariableInfo } from '../../../lib/templates-api.js';
import '../../locales/templates.js';

export function VariablePicker({ id, variables, onPick }: { id?: string; variables: readonly TTemplateVariableInfo[]; onPick: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const options = variables.map((v) => {
    const label = zh ? v.label.zh : v.label.en;
    return {
      value: v.path,
      search: `${label} ${v.path}`.toLowerCase(),
      label: (
        <span>
          {label}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontFamily: 'monospace', fontSize: 12 }}>{v.path}</Typography.Text>
          {v.optional && <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>{t('templates.optionalVariable')}</Typography.Text>}
        </span>
      ),
    };
  });
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: (input, option) => Boolean(option?.search.includes(input.trim().toLowerCase())) }}
      aria-label={t('templates.variable')} placeholder={t('templates.variable')} value={null} style={{ width: '100%' }}
      options={options} onSelect={(path: string) => onPick(path)} data-testid="variable-picker" popupMatchSelectWidth={false}
    />
  );
}
