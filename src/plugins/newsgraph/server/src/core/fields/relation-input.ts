import { isPlainObject } from '../model-spec';

/** A reference to a related document as callers write it: a documentId, or an entity id number. */
export type RelationRef = { documentId: string } | { id: number };

/**
 * What a write says about one relation. `set` replaces it (REST `mentions: [...]`, `speaker: "..."`,
 * `null`); `connect` and `disconnect` change it (the admin form sends only what the editor changed).
 */
export interface RelationChange {
  set?: RelationRef[];
  connect: RelationRef[];
  disconnect: RelationRef[];
}

function toRef(item: unknown): RelationRef | null {
  if (typeof item === 'string' && item !== '') return { documentId: item };
  if (typeof item === 'number' && Number.isInteger(item)) return { id: item };
  if (isPlainObject(item)) {
    if (typeof item.documentId === 'string' && item.documentId !== '') return { documentId: item.documentId };
    if (typeof item.id === 'number') return { id: item.id };
    if (typeof item.id === 'string' && item.id !== '') return { documentId: item.id };
  }
  return null;
}

function toRefs(value: unknown): RelationRef[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map(toRef).filter((ref): ref is RelationRef => ref !== null);
}

/**
 * Reads a relation value from a write's data. Returns undefined when the write does not touch the
 * relation, including the admin form's empty `{ connect: [], disconnect: [] }`.
 */
export function parseRelationInput(value: unknown): RelationChange | undefined {
  if (value === undefined) return undefined;
  if (value === null) return { set: [], connect: [], disconnect: [] };
  if (isPlainObject(value) && ('connect' in value || 'disconnect' in value || 'set' in value)) {
    const change: RelationChange = { connect: toRefs(value.connect), disconnect: toRefs(value.disconnect) };
    if ('set' in value) change.set = toRefs(value.set);
    if (!change.set && change.connect.length === 0 && change.disconnect.length === 0) return undefined;
    return change;
  }
  return { set: toRefs(value), connect: [], disconnect: [] };
}

/** A reference that is a documentId and nothing more: no status, locale or position. */
function plainDocumentId(item: unknown): string | undefined {
  if (typeof item === 'string') return item === '' ? undefined : item;
  if (!isPlainObject(item)) return undefined;
  const keys = Object.keys(item);
  return keys.length === 1 && keys[0] === 'documentId' && typeof item.documentId === 'string' && item.documentId !== '' ? item.documentId : undefined;
}

/**
 * The one document a write points a to-one relation at, when it names it plainly by documentId
 * (`"abc"`, `{ documentId }`, `{ connect: [one] }` with nothing to disconnect, `{ set: [one] }`).
 * A status, locale or position asks Strapi for more than "every version of this document", so such
 * a write gets undefined, as does anything else.
 */
export function plainTargetOf(value: unknown): string | undefined {
  if (!isPlainObject(value)) return plainDocumentId(value);
  if (!('connect' in value) && !('set' in value)) return plainDocumentId(value);
  const keys = Object.keys(value);
  const only = (list: unknown) => (Array.isArray(list) && list.length === 1 ? plainDocumentId(list[0]) : undefined);
  if ('set' in value) return keys.length === 1 ? only(value.set) : undefined;
  const disconnect = value.disconnect;
  const nothingDisconnected = disconnect === undefined || (Array.isArray(disconnect) && disconnect.length === 0);
  return nothingDisconnected && keys.every((key) => key === 'connect' || key === 'disconnect') ? only(value.connect) : undefined;
}
