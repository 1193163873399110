import { readdirSync, readFileSync } from 'node:fs';

type Definition = {
  type: string;
  form: Record<string, unknown>;
  actions: Record<string, { fields?: Record<string, unknown> }>;
};

const DIR = new URL('../../../resources/workflows/', import.meta.url);

/** Every form and every action's fields of the shipped definitions (resources/workflows/*.json), read as files. */
export function shippedSchemas(): Array<{ where: string; schema: Record<string, unknown> }> {
  const out: Array<{ where: string; schema: Record<string, unknown> }> = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const definition = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Definition;
    out.push({ where: `${file} form`, schema: definition.form });
    for (const [name, action] of Object.entries(definition.actions)) {
      if (action.fields) out.push({ where: `${file} actions.${name}.fields`, schema: action.fields });
    }
  }
  return out;
}
