/**
 * Unit and price-year safety in the types: every line marked @ts-expect-error must fail to
 * compile. Checked by `tsc --noEmit` (npm run typecheck), not run.
 */
import { addMeasures, addMoney, type Measure, type Money } from '../../src/units/measure.js';
import { decimalArithmetic as D, type GepDecimal } from '../../src/numbers/arithmetic.js';

declare const yuan: Measure<GepDecimal, '元'>;
declare const wanYuan: Measure<GepDecimal, '万元'>;
declare const at2020: Money<GepDecimal, 2020>;
declare const at2015: Money<GepDecimal, 2015>;

addMeasures(D, yuan, yuan);
// @ts-expect-error adding 元 to 万元 needs an explicit conversion
addMeasures(D, yuan, wanYuan);

addMoney(D, at2020, at2020);
// @ts-expect-error 2015 prices cannot be added to 2020 prices
addMoney(D, at2020, at2015);
