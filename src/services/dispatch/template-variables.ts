import { z } from 'zod';
import { ZLanguage, ZRoleType } from '../../contracts/common.js';
import { selectChecklistItems } from '../../core/forms/index.js';
import type { TTemplateVariables } from '../../core/templates/index.js';
import { addLocalDays, toLocalDate } from '../../core/time/local-time.js';
import type { ContactPerson, MessageContext } from './message-context.js';

/**
 * Message wording the organisation may set in `orgs.settings.messaging`; every field has a
 * sensible default so a fresh organisation can send its first message.
 */
const ZMessagingSettings = z.object({
  probationMonths: z.number().int().min(0).max(6).default(3),
  imPlatform: z.enum(['wecom', 'dingtalk', 'feishu']).default('wecom'),
  officialAccount: z.string().default(''),
  inviteLink: z.url().optional(),
  openingsLink: z.url().optional(),
  poolHighlights: z.string().default(''),
  compensation: z.object({
    bonusNote: z.string().default(''),
    allowancesNote: z.string().default(''),
    annualBonusNote: z.string().default(''),
  }).default({ bonusNote: '', allowancesNote: '', annualBonusNote: '' }),
  backgroundCheck: z.object({ vendor: z.string().min(1), scope: z.string().min(1), items: z.array(z.string().min(1)) }).optional(),
});

type TMessagingSettings = z.infer<typeof ZMessagingSettings>;
const ZMessagingSettingsOrDefaults = ZMessagingSettings.catch(() => ZMessagingSettings.parse({}));

/** Parsed once per loaded organisation record: the messages of a dispatch batch share it. */
const parsedSettings = new WeakMap<object, TMessagingSettings>();

function readMessagingSettings(orgSettings: Record<string, unknown>): TMessagingSettings {
  let parsed = parsedSettings.get(orgSettings);
  if (!parsed) {
    parsed = ZMessagingSettingsOrDefaults.parse(orgSettings.messaging ?? {});
    parsedSettings.set(orgSettings, parsed);
  }
  return parsed;
}

const DEFAULT_BACKGROUND_CHECK = {
  'zh-CN': { vendor: '我们委托的背景调查机构', scope: '最近两段工作经历及最高学历', items: ['学历学位核验', '最近两段工作经历核实'] },
  'en-US': { vendor: 'our background-check provider', scope: 'your last two positions and highest degree', items: ['Degree verification', 'Employment history (last two positions)'] },
} as const;

/** Where a required person is missing, the message still names a role rather than failing. */
const PLACEHOLDER = {
  'zh-CN': { hr: 'HR', manager: '直属上级', phone: '—' },
  'en-US': { hr: 'HR', manager: 'your manager', phone: '—' },
} as const;

export interface TemplateVariableOptions {
  /** Base URL of the installation (portal links). */
  publicUrl: string;
  /** Only what a template may need is included; salary appears only for steps that print it. */
  stepIds: readonly string[];
}

const SALARY_STEPS = new Set(['salary.reissue_offer', 'salary.explain_total_comp']);

/**
 * Maps the candidate's current record onto the variable record every template reads
 * (`ZTemplateVariables`). Pure given the loaded context. Optional sections appear only
 * when their data exists; a template that needs a missing one fails to render, and the
 * dispatcher reports that instead of sending half a message.
 */
export function buildTemplateVariables(ctx: MessageContext, options: TemplateVariableOptions): TTemplateVariables {
  const c = ctx.candidate;
  const language = ZLanguage.catch('zh-CN').parse(c.language);
  const settings = readMessagingSettings(ctx.org.settings);
  const placeholder = PLACEHOLDER[language];
  const portalLink = `${options.publicUrl.replace(/\/$/, '')}/portal`;
  const hr: ContactPerson = ctx.hr ?? { name: placeholder.hr, phone: '', email: 'hr@invalid.example' };
  // The day-one contact is whoever receives the candidate (day1.reception is HR's step).
  const contact = ctx.hr ?? ctx.admin ?? ctx.manager;
  const vars: TTemplateVariables = {
    candidate: { name: c.full_name, roleType: ZRoleType.catch('other').parse(c.role_type), language },
    offer: {
      position: c.position_title,
      department: c.department_name,
      startDate: c.start_date,
      probationMonths: settings.probationMonths,
      version: c.offer_version,
    },
    site: {
      name: ctx.site.name,
      address: ctx.site.address || ctx.site.name,
      arrivalTime: ctx.site.arrivalTime.slice(0, 5),
      parking: ctx.site.parking,
    },
    contact: { name: contact?.name || placeholder.hr, phone: contact?.phone || hr.phone || placeholder.phone, desk: '' },
    hr: { name: hr.name, phone: hr.phone || placeholder.phone, email: hr.email },
    manager: { name: ctx.manager?.name || placeholder.manager, title: '' },
    org: { name: ctx.org.name, imPlatform: settings.imPlatform, officialAccount: settings.officialAccount },
    // The message's own magic link when one was minted for it; otherwise the bare address,
    // whose page offers a sign-in code (previews for staff never hold a live link).
    portal: { link: ctx.portalLink?.url ?? portalLink },
  };
  if (ctx.hrbp) vars.hrbp = { name: ctx.hrbp.name };
  if (settings.inviteLink) vars.invite = { link: settings.inviteLink };
  if (options.stepIds.some((s) => SALARY_STEPS.has(s)) && c.salary_monthly !== null) {
    vars.compensation = {
      monthlyBase: Number(c.salary_monthly),
      monthsPerYear: Number(c.salary_months ?? 12),
      ...settings.compensation,
    };
  }
  if (options.stepIds.includes('prep.background_check_consent')) {
    const check = settings.backgroundCheck ?? DEFAULT_BACKGROUND_CHECK[language];
    vars.backgroundCheck = { ...check, items: [...check.items] };
  }
  if (options.stepIds.includes('prep.checklist')) {
    const lang = language === 'zh-CN' ? 'zh' : 'en';
    vars.checklist = {
      // Materials are reviewed at S − 7 (prep.documents_prereview), so they are due then.
      dueDate: addLocalDays(c.start_date, -7),
      items: selectChecklistItems(vars.candidate.roleType).filter((i) => i.kind === 'material')
        .map((i) => ({ title: i.title[lang], note: i.notes[lang] })),
    };
  }
  if (ctx.poolConsentExpiresAt) {
    vars.pool = {
      highlights: settings.poolHighlights,
      openingsLink: settings.openingsLink ?? `${portalLink}/openings`,
      optOutLink: `${portalLink}/pool/opt-out`,
      consentExpiresOn: toLocalDate(new Date(ctx.poolConsentExpiresAt), ctx.site.timezone),
    };
  }
  return vars;
}
