// Edits to a scenario's YAML made through the studio's form, applied to the text itself so the author's comments, order and layout stay as they wrote them.
import { isMap, isSeq, parseDocument, type Document } from 'yaml';

export type Path = readonly (string | number)[];

function parsed(text: string): Document.Parsed | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  return doc.errors.length > 0 ? undefined : doc;
}

/**
 * Sets the value at a path (an empty string or undefined removes an optional key). Returns the
 * new text, or undefined when the text does not parse: the form waits until the YAML is fixed.
 */
export function setIn(text: string, path: Path, value: unknown): string | undefined {
  const doc = parsed(text);
  if (!doc) return undefined;
  if (value === undefined || value === '') doc.deleteIn(path);
  else doc.setIn(path, value);
  return doc.toString({ lineWidth: 0 });
}

/** Appends an item to the list at a path. */
export function addTo(text: string, path: Path, item: unknown): string | undefined {
  const doc = parsed(text);
  if (!doc) return undefined;
  const list = doc.getIn(path, true);
  if (isSeq(list)) list.add(doc.createNode(item));
  else doc.setIn(path, [item]);
  return doc.toString({ lineWidth: 0 });
}

/** Removes the item at a path (a list index or a map key). */
export function removeAt(text: string, path: Path): string | undefined {
  const doc = parsed(text);
  if (!doc) return undefined;
  doc.deleteIn(path);
  return doc.toString({ lineWidth: 0 });
}

/** Whether the map at a path has the key, for ids an author is about to add. */
export function hasKey(text: string, path: Path, key: string): boolean {
  const node = parsed(text)?.getIn(path, true);
  return isMap(node) && node.has(key);
}
