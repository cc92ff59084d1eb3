/**
 * 农业产品 — Agricultural products (crops, vegetables, fruit): market value of the products, V = Σ Q_i·P_i, or the reported output value, at
 * the profile's output basis. Formula, clauses and variants: ./product-output.ts.
 */
import { productOutputModule } from './product-output.js';

export const { spec, inputSchema, quantity, value } = productOutputModule('material.agriculture');
