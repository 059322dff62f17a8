import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate } from './render-template.js';
import { SAMPLE_TEMPLATE_VARIABLES, type TTemplateVariables } from './variables.js';

function withName(name: string): TTemplateVariables {
  return { ...SAMPLE_TEMPLATE_VARIABLES, candidate: { ...SAMPLE_TEMPLATE_VARIABLES.candidate, name } };
}

describe('renderTemplate', () => {
  it('renders variables and the pure formatting filters', () => {
    const result = renderTemplate(
      "{{ candidate.name }} · {{ offer.startDate | format_date: 'zh' }} · {{ meeting.at | format_datetime: 'en' }} · {{ compensation.monthlyBase | format_money: 'zh' }}",
      SAMPLE_TEMPLATE_VARIABLES,
    );
    expect(result).toEqual({ ok: true, output: '张三 · 2026年12月14日（星期一） · Saturday 12 December 2026, 15:00 · ¥30,000' });
  });

  it('reports an unknown variable, also inside a branch that is not taken', () => {
    expect(renderTemplate('{{ candidate.nmae }}', SAMPLE_TEMPLATE_VARIABLES)).toMatchObject({
      ok: false,
      error: { code: 'unknown_variable', variable: 'candidate.nmae' },
    });
    expect(renderTemplate("{% if candidate.roleType == 'campus' %}{{ offer.stratDate }}{% endif %}", SAMPLE_TEMPLATE_VARIABLES)).toMatchObject({
      ok: false,
      error: { code: 'unknown_variable', variable: 'offer.stratDate' },
    });
  });

  it('reports a known but absent optional section instead of printing nothing', () => {
    const { meeting: _omitted, ...withoutMeeting } = SAMPLE_TEMPLATE_VARIABLES;
    expect(renderTemplate('{{ meeting.link }}', withoutMeeting)).toMatchObject({ ok: false, error: { code: 'unknown_variable' } });
    expect(renderTemplate('{% if meeting %}yes{% else %}no{% endif %}', withoutMeeting)).toEqual({ ok: true, output: 'no' });
  });

  it('does not expose prototype properties', () => {
    expect(renderTemplate('{{ candidate.constructor }}', SAMPLE_TEMPLATE_VARIABLES)).toMatchObject({ ok: false, error: { code: 'unknown_variable' } });
  });

  it('treats Liquid inside a variable value as literal text', () => {
    const name = "{{ 7*7 }}{% include '/etc/passwd' %}";
    expect(renderTemplate('Hi {{ candidate.name }}', withName(name))).toEqual({ ok: true, output: `Hi ${name}` });
  });

  it('escapes output in HTML mode only', () => {
    const name = '<script>alert(1)</script>{% include "/etc/passwd" %}';
    const html = renderTemplate('<p>{{ candidate.name }}</p>', withName(name), { format: 'html' });
    expect(html).toEqual({ ok: true, output: '<p>&lt;script&gt;alert(1)&lt;/script&gt;{% include &#34;/etc/passwd&#34; %}</p>' });
    const text = renderTemplate('{{ candidate.name }}', withName(name));
    expect(text).toEqual({ ok: true, output: name });
  });

  it('refuses includes, renders, layouts and clock-reading date filters in the template itself', () => {
    for (const source of ["{% include '/etc/passwd' %}", "{% render 'x' %}", "{% layout 'x' %}", "{{ 'now' | date: '%Y' }}"]) {
      expect(renderTemplate(source, SAMPLE_TEMPLATE_VARIABLES), source).toMatchObject({ ok: false, error: { code: 'parse_error' } });
    }
  });

  it('refuses an unknown filter and bad variables', () => {
    expect(renderTemplate('{{ candidate.name | shout }}', SAMPLE_TEMPLATE_VARIABLES)).toMatchObject({ ok: false, error: { code: 'parse_error' } });
    const bad = { ...SAMPLE_TEMPLATE_VARIABLES, offer: { ...SAMPLE_TEMPLATE_VARIABLES.offer, startDate: '14/12/2026' } };
    expect(renderTemplate('{{ candidate.name }}', bad)).toMatchObject({ ok: false, error: { code: 'invalid_variables', variable: 'offer.startDate' } });
  });

  it('is deterministic: the same inputs give the same output', () => {
    const source = "{{ meeting.at | format_datetime: 'zh' }} {{ offer.startDate | format_date: 'en' }}";
    expect(renderTemplate(source, SAMPLE_TEMPLATE_VARIABLES)).toEqual(renderTemplate(source, structuredClone(SAMPLE_TEMPLATE_VARIABLES)));
  });
});

describe('checkTemplate', () => {
  it('returns no error for a valid template and names every unknown variable', () => {
    expect(checkTemplate('{% for i in checklist.items %}{{ i.title }}{% endfor %}{{ org.name }}')).toEqual([]);
    expect(checkTemplate('{{ org.nmae }} {{ candidat.name }}').map((e) => e.variable)).toEqual(['org.nmae', 'candidat.name']);
  });

  it('reports syntax errors', () => {
    expect(checkTemplate('{% if x %}')[0].code).toBe('parse_error');
  });
});
