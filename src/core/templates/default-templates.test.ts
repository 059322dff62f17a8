import { ROLE_TYPES } from '../../contracts/common.js';
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint/index.js';
import { DEFAULT_TEMPLATES, selectDailyCareTemplate, selectStepTemplates } from './default-templates.js';
import { checkTemplate, renderTemplate } from './render-template.js';
import { TEMPLATE_LOCALES, type TTemplateDefinition } from './types.js';
import { SAMPLE_TEMPLATE_VARIABLES, type TTemplateVariables } from './variables.js';

const PARTS = ['subject', 'body', 'sms'] as const;

function varsFor(roleType: (typeof ROLE_TYPES)[number], name = SAMPLE_TEMPLATE_VARIABLES.candidate.name): TTemplateVariables {
  return { ...SAMPLE_TEMPLATE_VARIABLES, candidate: { ...SAMPLE_TEMPLATE_VARIABLES.candidate, roleType, name } };
}

function render(source: string, vars: TTemplateVariables = SAMPLE_TEMPLATE_VARIABLES): string {
  const result = renderTemplate(source, vars);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.output;
}

/** Every (template, locale, part) source, labelled for test names. */
const SOURCES = DEFAULT_TEMPLATES.flatMap((t) =>
  TEMPLATE_LOCALES.flatMap((locale) =>
    PARTS.flatMap((part) => {
      const source = t.locales[locale][part];
      return source === undefined ? [] : [{ label: `${t.id} ${locale} ${part}`, template: t, locale, part, source }];
    }),
  ),
);

function byId(id: string): TTemplateDefinition {
  const found = DEFAULT_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

describe('DEFAULT_TEMPLATES coverage', () => {
  it('has a template for every candidate message and staff script of the default playbook', () => {
    const steps = new Set(DEFAULT_TEMPLATES.map((t) => t.step));
    for (const step of [
      'offer.send_package',
      'offer.confirmation_call',
      'offer.channel_invite',
      'prep.checklist',
      'prep.manager_intro_call',
      'prep.background_check_consent',
      'final.daily_care',
      'final.logistics_confirm',
      'final.preonboarding_meeting',
      'day1.checkin',
      'salary.reissue_offer',
      'salary.explain_total_comp',
      'declined.thank_you',
      'pool.nurture',
    ]) {
      expect(steps.has(step), step).toBe(true);
    }
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
  });

  it('has three different daily-care texts for S−3, S−2 and S−1', () => {
    const texts = [3, 2, 1].map((days) => selectDailyCareTemplate(days)?.locales['zh-CN'].body);
    expect(texts.every(Boolean)).toBe(true);
    expect(new Set(texts).size).toBe(3);
    expect(selectDailyCareTemplate(4)).toBeUndefined();
    expect(selectStepTemplates('final.daily_care')).toHaveLength(3);
  });

  it('addresses staff in call scripts and tasks, candidates in messages', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.audience, t.id).toBe(t.kind === 'call_script' || t.kind === 'task' ? 'staff' : 'candidate');
      if (t.audience === 'staff') expect(t.locales['zh-CN'].sms, t.id).toBeUndefined();
    }
  });

  it('writes zh-CN in Chinese and en-US without Chinese characters in the source', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(/\p{Script=Han}/u.test(t.locales['zh-CN'].body), t.id).toBe(true);
      for (const part of PARTS) expect(/\p{Script=Han}/u.test(t.locales['en-US'][part] ?? ''), `${t.id} ${part}`).toBe(false);
    }
  });
});

describe.each(SOURCES)('$label', ({ source, part }) => {
  it('passes the static check (syntax and known variables in every branch)', () => {
    expect(checkTemplate(source)).toEqual([]);
  });

  it('passes the compliance lint as source', () => {
    expect(lintText(source, { kind: part === 'sms' ? 'sms' : 'template' })).toEqual([]);
  });

  it.each(ROLE_TYPES)('renders cleanly for role type %s', (roleType) => {
    const output = render(source, varsFor(roleType));
    expect(output).not.toMatch(/\{\{|\{%|\n{3,}/);
    expect(output).toBe(output.trim());
    expect(lintText(output, { kind: part === 'sms' ? 'sms' : 'document' })).toEqual([]);
  });

  it('keeps a Liquid injection in the candidate name literal', () => {
    const name = "{{ 7*7 }}{% include '/etc/passwd' %}";
    const output = render(source, varsFor('tech', name));
    if (source.includes('candidate.name')) expect(output).toContain(name);
    expect(output).not.toContain('49');
  });
});

describe('SMS variants', () => {
  const smsSources = SOURCES.filter((s) => s.part === 'sms');

  it('exist for the candidate messages that need a nudge', () => {
    expect(smsSources.length).toBeGreaterThanOrEqual(10);
  });

  it.each(smsSources)('$label carries only a short notice and the portal link', ({ source, locale }) => {
    const output = render(source);
    expect(output).toContain(SAMPLE_TEMPLATE_VARIABLES.portal.link);
    expect(output.length).toBeLessThanOrEqual(locale === 'zh-CN' ? 70 : 160);
    expect(lintText(output, { kind: 'sms' })).toEqual([]);
  });
});

describe('role-type variation', () => {
  it.each(['offer.send_package', 'prep.manager_intro_call', 'final.preonboarding_meeting', 'day1.checkin', 'offer.confirmation_call'])(
    '%s says something different to tech, management and campus hires',
    (id) => {
      for (const locale of TEMPLATE_LOCALES) {
        const body = byId(id).locales[locale].body;
        const outputs = (['tech', 'management', 'campus', 'other'] as const).map((roleType) => render(body, varsFor(roleType)));
        expect(new Set(outputs).size, locale).toBe(4);
      }
    },
  );

  it('talks about the stack to tech, the team to management and training to campus hires', () => {
    const body = byId('offer.send_package').locales['en-US'].body;
    expect(render(body, varsFor('tech'))).toMatch(/stack/);
    expect(render(body, varsFor('management'))).toMatch(/team/);
    expect(render(body, varsFor('campus'))).toMatch(/training/);
    const zh = byId('prep.manager_intro_call').locales['zh-CN'].body;
    expect(render(zh, varsFor('tech'))).toMatch(/技术栈/);
    expect(render(zh, varsFor('management'))).toMatch(/文化/);
    expect(render(zh, varsFor('campus'))).toMatch(/培训/);
  });
});

describe('key facts come from the one record', () => {
  it('prints the start date, site, arrival time and contact from the variables', () => {
    const output = render(byId('final.logistics_confirm').locales['zh-CN'].body);
    for (const fact of ['2026年12月14日', SAMPLE_TEMPLATE_VARIABLES.site.address, SAMPLE_TEMPLATE_VARIABLES.site.arrivalTime, SAMPLE_TEMPLATE_VARIABLES.contact.name, SAMPLE_TEMPLATE_VARIABLES.contact.phone, SAMPLE_TEMPLATE_VARIABLES.contact.desk]) {
      expect(output).toContain(fact);
    }
  });

  it('follows a change of the start date', () => {
    const moved = { ...SAMPLE_TEMPLATE_VARIABLES, offer: { ...SAMPLE_TEMPLATE_VARIABLES.offer, startDate: '2027-01-04' } };
    expect(render(byId('prep.checklist').locales['en-US'].subject, moved)).toContain('Monday 4 January 2027');
  });
});
