import { PRESENTING_KIND, type GroupStep } from '../../../shared/groups';

/**
 * The output step a pleno presents by default: the last step with a form before the pleno (the
 * current step when it is one, else the day's first pleno); without a pleno, the day's last.
 */
export function defaultOutputStep(steps: readonly GroupStep[], plenoId: string | null): GroupStep | null {
  const withForm = (list: readonly GroupStep[]) => list.filter((s) => s.formId !== null);
  const pleno = plenoId ? steps.findIndex((s) => s.id === plenoId) : steps.findIndex((s) => s.kind === PRESENTING_KIND);
  const before = pleno >= 0 ? withForm(steps.slice(0, pleno)) : [];
  return before.at(-1) ?? withForm(steps).at(-1) ?? null;
}
