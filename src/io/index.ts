/** `gep-accounting/io`: reading inputs and writing results. */
export { parseJsonInput, withFile } from './json-input.js';
export { formatAccountTable, displayWidth, groupThousands, readableQuantity } from './text-table.js';
