/** Reading a result's trace in tests: the references of its `from` texts, and the input values they name. */

/** Every reference of the `from` texts under `node` (`input:…`, `step:…`, `coefficient:…`; a text may hold several, `, `-separated). */
export function traceReferences(node: unknown, out: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'from' && typeof value === 'string') out.push(...value.split(', '));
    else traceReferences(value, out);
  }
  return out;
}

/** The value at `path` (`indicators.material.agriculture.products[2].price`: keys may hold dots) of `root`, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  if (path === '') return root;
  if (root === null || typeof root !== 'object') return undefined;
  const index = path.match(/^\[(\d+)\]\.?/);
  if (index) return valueAt((root as unknown[])[Number(index[1])], path.slice(index[0].length));
  // The longest key that the path starts with, followed by a separator or the end.
  const key = Object.keys(root)
    .filter((k) => path.startsWith(k) && /^(\.|\[|$)/.test(path.slice(k.length)))
    .sort((a, b) => b.length - a.length)[0];
  if (key === undefined) return undefined;
  return valueAt((root as Record<string, unknown>)[key], path.slice(key.length).replace(/^\./, ''));
}
