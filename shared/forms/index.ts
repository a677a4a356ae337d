import { OUTPUT_FORM_IDS, type OutputFormId } from '../agenda';
import { FORM_DEFINITIONS } from './definitions';
import type { FormDef } from './types';

export * from './types';
export { FORM_DEFINITIONS } from './definitions';

const byId = new Map<string, FormDef>(FORM_DEFINITIONS.map((f) => [f.id, f]));

// Every form a step may name has a definition, and every definition is one a step may name.
for (const id of OUTPUT_FORM_IDS) if (!byId.has(id)) throw new Error(`output form '${id}' has no definition`);
for (const f of FORM_DEFINITIONS)
  if (!(OUTPUT_FORM_IDS as readonly string[]).includes(f.id))
    throw new Error(`form '${f.id}' is not in OUTPUT_FORM_IDS`);

/** The definition of an output form. */
export function formDef(id: OutputFormId): FormDef {
  return byId.get(id)!;
}
