/** Issues in two languages: `expected`/`found` as `{ en, zh }`, and the stock phrases of shared code. */
import { describe, expect, it } from 'vitest';
import { describeIssue, makeIssue, messageOf } from '../../src/errors/errors.js';
import { describeValue, zhOfStockPhrase } from '../../src/errors/text.js';

describe('makeIssue with texts in both languages', () => {
  it('keeps the English in expected/found and the Chinese beside it, and messageOf picks by language', () => {
    const issue = makeIssue('input.out-of-range', ['economy', 'gdp', 'value'], {
      expected: { en: 'a value ≥ 0', zh: '不小于 0 的数值' },
      found: '-5',
    });
    expect(issue).toEqual({
      code: 'input.out-of-range',
      path: ['economy', 'gdp', 'value'],
      expected: 'a value ≥ 0',
      found: '-5',
      expectedZh: '不小于 0 的数值',
      message: 'economy.gdp.value: expected a value ≥ 0, found -5',
    });
    expect(messageOf(issue, 'zh')).toBe('economy.gdp.value：应满足 不小于 0 的数值，实际为 -5');
    expect(describeIssue({ ...issue, location: { file: 'a.csv', row: 3, column: 'C' } }, 'zh')).toBe(
      'a.csv，第 3 行，C 列：economy.gdp.value：应满足 不小于 0 的数值，实际为 -5',
    );
  });

  it('gives found in Chinese too', () => {
    const issue = makeIssue('input.type', ['region'], { expected: { en: 'an object', zh: '对象' }, found: describeValue([1]) });
    expect(issue.message).toBe('region: expected an object, found a list');
    expect(messageOf(issue, 'zh')).toBe('region：应为 对象，实际为 列表');
  });
});

describe('the stock phrases of shared code, for issues made with English only', () => {
  it.each([
    ['string', '字符串'],
    ['nothing', '空值（未填写）'],
    ['the number 5', '数字 5'],
    ['at least 1949', '至少 1949'],
    ['one of "county", "city"', '"county", "city" 之一'],
    ['a value ≥ 0', '≥ 0 的数值'],
    ['money·length^-3 (e.g. 元/m³)', '货币·长度^-3（如 元/m³）'],
    ['money·length^-3 (元/m³)', '货币·长度^-3（元/m³）'],
    ['t (mass)', 't（质量）'],
    ['Invalid string: must match pattern /^\\d{6}$/', '符合格式 /^\\d{6}$/ 的字符串'],
    ['Invalid input', '有效的输入（各种允许的写法均不符）'],
    ['area of the forest', 'area of the forest'],
    ['a forest (large)', 'a forest (large)'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
  ])('%s → %s', (en, zh) => {
    expect(zhOfStockPhrase(en)).toBe(zh);
  });

  it('are used by messageOf when an issue has no Chinese of its own', () => {
    const issue = makeIssue('input.type', ['accountingYear'], { expected: 'number', found: '"2022"' });
    expect(messageOf(issue, 'zh')).toBe('accountingYear：应为 数字，实际为 "2022"');
  });
});
