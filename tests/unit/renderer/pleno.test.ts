import { describe, expect, it } from 'vitest';
import { pairAddress } from '../../../renderer/features/projector/pair-address';
import { defaultOutputStep } from '../../../renderer/features/run/pleno';
import { topicName } from '../../../shared/dimensions';
import type { GroupStep } from '../../../shared/groups';

const step = (id: string, kind: GroupStep['kind'], formId: GroupStep['formId']): GroupStep => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  title: id,
  kind,
  formId,
  plannedMinutes: 30,
});

describe('the output a pleno presents by default', () => {
  const readiness = step('1', 'diskusi-kelompok', 'readiness');
  const pleno1 = step('2', 'pleno', null);
  const swot = step('3', 'diskusi-kelompok', 'swot');
  const issues = step('4', 'diskusi-kelompok', 'issue-analysis');
  const pleno2 = step('5', 'pleno', null);
  const day = [readiness, pleno1, swot, issues, pleno2];

  it('is the last step with a form before the pleno running now', () => {
    expect(defaultOutputStep(day, pleno2.id)).toBe(issues);
    expect(defaultOutputStep(day, pleno1.id)).toBe(readiness);
  });

  it('before any pleno runs: the one before the day’s first pleno', () => {
    expect(defaultOutputStep(day, null)).toBe(readiness);
  });

  it('without a pleno, or nothing before it: the day’s last step with a form; none without forms', () => {
    expect(defaultOutputStep([readiness, swot], null)).toBe(swot);
    expect(defaultOutputStep([pleno1, swot], pleno1.id)).toBe(swot);
    expect(defaultOutputStep([pleno1], pleno1.id)).toBeNull();
  });
});

describe('a group topic as people read it', () => {
  it('names a dimension and keeps free text', () => {
    expect(topicName('governance')).toBe('Smart Governance');
    expect(topicName('environment', 'en')).toBe('Smart Environment');
    expect(topicName('Struktur')).toBe('Struktur');
    expect(topicName('')).toBe('');
  });
});

describe('the pairing address the projector shows', () => {
  it('is the page’s own address on the room network, none on the laptop itself or in the desktop app', () => {
    const at = (origin: string) => ({ origin, hostname: new URL(origin).hostname });
    expect(pairAddress(true, at('http://192.168.1.20:4317'))).toBe('http://192.168.1.20:4317/#/pair');
    expect(pairAddress(true, at('http://127.0.0.1:4317'))).toBeNull();
    expect(pairAddress(true, at('http://localhost:4317'))).toBeNull();
    expect(pairAddress(true, at('http://[::1]:4317'))).toBeNull();
    expect(pairAddress(false, at('http://192.168.1.20:4317'))).toBeNull();
  });
});
