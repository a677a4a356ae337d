import { z } from 'zod';

/**
 * The built-in stage templates by id (their content is in `shared/templates/`). Apart from the
 * agenda so the workshop schema can name them without importing the agenda module.
 */
export const TEMPLATE_IDS = ['tahap-1', 'tahap-2', 'tahap-3', 'tahap-4'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const templateIdSchema = z.enum(TEMPLATE_IDS, { error: 'invalid' });
