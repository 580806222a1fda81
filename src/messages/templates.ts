/** Placeholders ({{nama}}) in message templates: found, checked and filled. Pure. */
import { MESSAGE_KINDS, type MessageKind } from './kinds.js';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every {{name}} in the text, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** The placeholders of `text` the kind does not know (empty: the text is fine). */
export function unknownPlaceholders(kind: MessageKind, text: string): string[] {
  const known: readonly string[] = MESSAGE_KINDS[kind].placeholders;
  return placeholdersIn(text).filter((p) => !known.includes(p));
}

/** Fills the placeholders; one without a value becomes empty (a saved template has none unknown). */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => (Object.hasOwn(values, name) ? values[name] : ''));
}
