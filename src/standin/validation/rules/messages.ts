import type { FieldPath, FormErrors } from '../formErrors.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? v.length : 0);

/** Characters Discord counts toward the 6000 limit across all embeds of a message. */
export function embedLength(embed: unknown): number {
  if (!isObj(embed)) return 0;
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  return (
    len(embed.title) +
    len(embed.description) +
    (isObj(embed.footer) ? len(embed.footer.text) : 0) +
    (isObj(embed.author) ? len(embed.author.name) : 0) +
    fields.reduce<number>((sum, f) => sum + (isObj(f) ? len(f.name) + len(f.value) : 0), 0)
  );
}

function customIds(components: unknown, out: string[]): string[] {
  if (!Array.isArray(components)) return out;
  for (const component of components) {
    if (!isObj(component)) continue;
    if (typeof component.custom_id === 'string') out.push(component.custom_id);
    customIds(component.components, out);
    if (component.accessory) customIds([component.accessory], out);
  }
  return out;
}

/** Message limits for bots that the published schema misses or sets differently (content is 2000 for bots). */
export function checkMessage(errors: FormErrors, body: unknown, base: FieldPath = []): void {
  if (!isObj(body)) return;
  if (typeof body.content === 'string' && body.content.length > 2000) {
    errors.add([...base, 'content'], 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  if (Array.isArray(body.embeds)) {
    if (body.embeds.length > 10) errors.add([...base, 'embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    const total = body.embeds.reduce<number>((sum, e) => sum + embedLength(e), 0);
    if (total > 6000) errors.add([...base, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
  const ids = customIds(body.components, []);
  ids.forEach((id, i) => {
    if (id.length > 100) errors.add([...base, 'components'], 'BASE_TYPE_MAX_LENGTH', 'Custom id must be 100 or fewer in length.');
    if (ids.indexOf(id) !== i) errors.add([...base, 'components'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  });
}
