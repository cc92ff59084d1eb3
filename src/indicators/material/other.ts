/**
 * 其他物质产品 — Other material products (flowers and seedlings, medicinal materials …): market value of the products, V = Σ Q_i·P_i, or the reported output value, at
 * the profile's output basis. Formula, clauses and variants: ./product-output.ts.
 */
import { productOutputModule } from './product-output.js';

export const { spec, inputSchema, quantity, value } = productOutputModule('material.other');
