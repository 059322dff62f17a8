/**
 * Client for message templates: the list with filters, one template with its versions,
 * saving a version, going back to the built-in text and the live preview.
 */
import type {
  TPreviewTemplate, TRevertTemplateResult, TSaveTemplateResult, TSaveTemplateVersion, TTemplateDetail, TTemplateFinding, TTemplateList,
  TTemplateListQuery, TTemplatePreview, TTemplateProblem, TTemplateSummary, TTemplateVariableInfo, TTemplateVersion,
} from '../../src/contracts/templates.js';
import { request } from './api.js';

export type {
  TPreviewTemplate, TSaveTemplateResult, TTemplateDetail, TTemplateFinding, TTemplateList, TTemplatePreview, TTemplateProblem, TTemplateSummary,
  TTemplateVariableInfo, TTemplateVersion,
};
export type TTemplateLocale = TTemplateSummary['locale'];
export type TTemplateRoleType = NonNullable<TTemplateSummary['roleType']>;
/** The list's filters; every field optional. */
export type TemplateListQuery = Partial<TTemplateListQuery>;

/** One template, language and role type (null: every role type). */
export interface TemplateKey {
  templateId: string;
  locale: TTemplateLocale;
  roleType: TTemplateRoleType | null;
}

const id = (value: string) => encodeURIComponent(value);

function toQuery(params: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const templatesApi = {
  list: (query: TemplateListQuery) => request<TTemplateList>('GET', `/templates${toQuery(query)}`),
  get: (key: TemplateKey) => request<TTemplateDetail>('GET', `/templates/${id(key.templateId)}${toQuery({ locale: key.locale, roleType: key.roleType })}`),
  saveVersion: (templateId: string, input: TSaveTemplateVersion) => request<TSaveTemplateResult>('POST', `/templates/${id(templateId)}/versions`, input),
  restoreDefault: (key: TemplateKey) =>
    request<TRevertTemplateResult>('POST', `/templates/${id(key.templateId)}/restore-default`, { locale: key.locale, roleType: key.roleType }),
  preview: (templateId: string, input: TPreviewTemplate) => request<TTemplatePreview>('POST', `/templates/${id(templateId)}/preview`, input),
};
