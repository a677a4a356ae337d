import { describe, expect, it } from 'vitest';
import {
  OUTPUT_FORM_IDS,
  planDay,
  STEP_KINDS,
  STEP_LIMITS,
  TEMPLATE_IDS,
  type Bilingual,
  type StageTemplate,
  type TemplateDay,
} from '../../../shared/agenda';
import { STAGE_TEMPLATES, templateFor } from '../../../shared/templates';

const templates = TEMPLATE_IDS.map((id) => [id, templateFor(id)] as const);
const days = templates.flatMap(([id, t]) => t.days.map((day, i) => [`${id} day ${i + 1}`, day] as const));
const allSteps = (t: StageTemplate) => t.days.flatMap((d) => d.steps);
const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};
const plan = (day: TemplateDay) =>
  planDay(
    day,
    day.steps.map((s, i) => ({ id: String(i), plannedMinutes: s.minutes })),
  );
const isIshoma = (s: TemplateDay['steps'][number]) => s.kind === 'istirahat' && s.title.id.includes('ISHOMA');

function expectBilingual(text: Bilingual | undefined) {
  expect(text).toBeDefined();
  expect(text!.id.trim()).not.toBe('');
  expect(text!.en.trim()).not.toBe('');
}

describe('the stage templates', () => {
  it('has one template per id, under its own id', () => {
    expect(Object.keys(STAGE_TEMPLATES).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const [id, t] of templates) {
      expect(t.id).toBe(id);
      expect(STAGE_TEMPLATES[id]).toBe(t);
      expectBilingual(t.title);
      expectBilingual(t.summary);
    }
  });

  it.each(templates)('%s has two days starting at 08:00 and ending by 16:00', (_id, t) => {
    expect(t.days).toHaveLength(2);
    for (const day of t.days) {
      expect(day.startTime).toBe('08:00');
      expect(minutesOf(day.endTime)).toBeGreaterThanOrEqual(minutesOf('15:30'));
      expect(minutesOf(day.endTime)).toBeLessThanOrEqual(minutesOf('16:00'));
    }
  });

  it.each(templates)('%s: every step is well formed', (_id, t) => {
    for (const step of allSteps(t)) {
      expect(STEP_KINDS).toContain(step.kind);
      expect(Number.isInteger(step.minutes)).toBe(true);
      expect(step.minutes).toBeGreaterThanOrEqual(1);
      expect(step.minutes).toBeLessThanOrEqual(STEP_LIMITS.minutes);
      expectBilingual(step.title);
      expectBilingual(step.script);
      expectBilingual(step.project);
      if (step.presenter) expectBilingual(step.presenter);
      expect(step.script.id.length).toBeLessThanOrEqual(STEP_LIMITS.script);
      expect(step.script.en.length).toBeLessThanOrEqual(STEP_LIMITS.script);
      if (step.formId !== undefined) expect(OUTPUT_FORM_IDS).toContain(step.formId);
      if (step.kind === 'diskusi-kelompok') expect(step.formId, step.title.id).toBeDefined();
    }
  });

  it.each(days)('%s fits within its start and end times', (_name, day) => {
    const planned = plan(day);
    expect(planned.overrun).toBe(false);
    expect(planned.slots.some((s) => s.overrun)).toBe(false);
    expect(day.steps.length).toBeLessThanOrEqual(STEP_LIMITS.steps);
    // Ends no earlier than half an hour before the end time: the day is planned, not left empty.
    expect(minutesOf(planned.end)).toBeGreaterThanOrEqual(minutesOf(day.endTime) - 30);
  });

  it.each(days)('%s has one ISHOMA starting between 11:30 and 12:30', (_name, day) => {
    const planned = plan(day);
    const ishoma = day.steps.flatMap((s, i) => (isIshoma(s) ? [planned.slots[i]] : []));
    expect(ishoma).toHaveLength(1);
    expect(minutesOf(ishoma[0].start)).toBeGreaterThanOrEqual(minutesOf('11:30'));
    expect(minutesOf(ishoma[0].start)).toBeLessThanOrEqual(minutesOf('12:30'));
  });

  it.each(templates)('%s opens with registration and closes with penutup each day', (_id, t) => {
    for (const day of t.days) {
      expect(day.steps[0].kind).toBe('registrasi');
      expect(day.steps.at(-1)!.kind).toBe('penutup');
    }
  });

  it.each(templates)('%s: day 2 has group work and a plenary', (_id, t) => {
    const kinds = t.days[1].steps.map((s) => s.kind);
    expect(kinds).toContain('diskusi-kelompok');
    expect(kinds).toContain('pleno');
  });

  it.each(templates.slice(1))('%s reviews the previous stage’s follow-up right after the opening', (id, t) => {
    const steps = t.days[0].steps;
    const review = steps.findIndex((s) => s.kind === 'review-tindak-lanjut');
    expect(review).toBeGreaterThan(0);
    expect(steps.slice(0, review).map((s) => s.kind)).toContain('pembukaan');
    expect(steps.slice(0, review).some((s) => ['paparan', 'diskusi-kelompok', 'pleno'].includes(s.kind))).toBe(false);
    const previous = ['I', 'II', 'III'][TEMPLATE_IDS.indexOf(id) - 1];
    expect(steps[review].title.id).toBe(`Review tindak lanjut Tahap ${previous}`);
  });

  it('Tahap I follows the readiness, SWOT, issue and vision forms', () => {
    const forms = allSteps(templateFor('tahap-1')).map((s) => s.formId);
    for (const f of ['readiness', 'swot', 'issue-analysis', 'vision-mission'] as const) expect(forms).toContain(f);
    expect(allSteps(templateFor('tahap-1')).some((s) => s.kind === 'review-tindak-lanjut')).toBe(false);
  });

  it('Tahap II maps programmes, drafts an action plan and shortlists quick wins', () => {
    const forms = allSteps(templateFor('tahap-2')).map((s) => s.formId);
    for (const f of ['programme-map', 'action-plan', 'quick-win-proposal'] as const) expect(forms).toContain(f);
  });

  it('Tahap III writes strategy, action plan, roadmap and quick wins', () => {
    const forms = allSteps(templateFor('tahap-3')).map((s) => s.formId);
    for (const f of ['strategy', 'action-plan', 'roadmap', 'quick-win-proposal'] as const) expect(forms).toContain(f);
  });

  it('Tahap IV has the commitment signed, on the commitment form', () => {
    const signing = allSteps(templateFor('tahap-4')).filter((s) => s.kind === 'penandatanganan-komitmen');
    expect(signing).toHaveLength(1);
    expect(signing[0].formId).toBe('commitment');
    expect(allSteps(templateFor('tahap-4')).map((s) => s.formId)).toContain('quick-win-proposal');
  });

  it('names the six dimensions in the group work of every template', () => {
    const dimensions = [
      'Smart Governance',
      'Smart Branding',
      'Smart Economy',
      'Smart Living',
      'Smart Society',
      'Smart Environment',
    ];
    for (const [, t] of templates) {
      const text = allSteps(t)
        .map((s) => s.script.id)
        .join(' ');
      for (const d of dimensions) expect(text, `${t.id}: ${d}`).toContain(d);
    }
  });
});
