import type { StageTemplate, TemplateId } from '../agenda';
import { tahap1 } from './tahap-1';
import { tahap2 } from './tahap-2';
import { tahap3 } from './tahap-3';
import { tahap4 } from './tahap-4';

/** The built-in agendas of the four Bimtek stages, by id. */
export const STAGE_TEMPLATES: Readonly<Record<TemplateId, StageTemplate>> = Object.freeze({
  'tahap-1': tahap1,
  'tahap-2': tahap2,
  'tahap-3': tahap3,
  'tahap-4': tahap4,
});

/** The template of a stage. */
export function templateFor(id: TemplateId): StageTemplate {
  return STAGE_TEMPLATES[id];
}

export { tahap1, tahap2, tahap3, tahap4 };
