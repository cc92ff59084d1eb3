/**
 * 畜牧业产品 — Livestock products (meat, milk, eggs, wool): market value of the products, V = Σ Q_i·P_i, or the reported output value, at
 * the profile's output basis. Formula, clauses and variants: ./product-output.ts.
 */
import { productOutputModule } from './product-output.js';

export const { spec, inputSchema, quantity, value } = productOutputModule('material.livestock');
