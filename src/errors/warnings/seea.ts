/** Warnings of the SEEA EA tables (src/seea/, see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const SEEA_WARNINGS = {
  // Extent account (src/seea/extent.ts)
  'extent-unreadable': {
    en: '{period}{path}: area not read for the extent account ({reason})',
    zh: '{period}{path}：面积未能读入范围账户（{reason}）',
  },
  'extent-inconsistent': {
    en: "{period}{type}: {indicator} gives {area} km², {chosenIndicator} {chosenArea} km²; the extent account uses {chosenArea} km² (the first source in the rule's order)",
    zh: '{period}{type}：{indicator} 给出 {area} km²，{chosenIndicator} 给出 {chosenArea} km²；范围账户取 {chosenArea} km²（按规则顺序的第一个来源）',
  },
  'extent-part-exceeds': {
    en: '{period}{type}: {indicator} gives a part of {part} km², more than the extent of the type, {extent} km² ({extentIndicator})',
    zh: '{period}{type}：{indicator} 给出的局部面积 {part} km² 大于该类型的范围 {extent} km²（{extentIndicator}）',
  },
  'extent-part-only': {
    en: '{period}{type}: only a part of {part} km² is given (stands, natural areas or a named site); the type has no extent and is not counted',
    zh: '{period}{type}：只给出了 {part} km² 的局部面积（林分、天然林或某一地块），该类型没有范围，不计入合计',
  },
  'extent-overlapping-levels': {
    en: '{period}{type} is given as a level-1 type beside its own level-2 types; it is not counted, so that no area counts twice',
    zh: '{period}{type} 作为一级类型与其二级类型同时给出；为免重复计算，不计入合计',
  },
  'extent-exceeds-region': {
    en: "{period}the ecosystem types add up to {total} km², more than the region's area, {region} km²",
    zh: '{period}各生态系统类型面积之和 {total} km² 大于区域面积 {region} km²',
  },
  // Supply and use (src/seea/services.ts)
  'seea-lines-differ-from-total': {
    en: '{indicator}: its lines add up to {lines} 元, its total is {total} 元; the supply table shows the lines',
    zh: '{indicator}：各核算行之和为 {lines} 元，合计为 {total} 元；供给表按核算行列示',
  },
  'seea-allocation-unused': {
    en: 'allocation for {indicator}: the account has no such indicator; the shares are not used',
    zh: '{indicator} 的分配比例未使用：核算结果中没有该指标',
  },
  'seea-allocation-approximate': {
    en: '{indicator} "{item}" is attributed to {user}, approximately: {note}',
    zh: '{indicator}“{item}”近似计入{user}：{note}',
  },
  'seea-reconciliation': {
    en: 'the supply table adds up to {supplied} 元; less {outside} 元 from outside the region that is not the GEP, {gep} 元',
    zh: '供给表合计 {supplied} 元，扣除区域外 {outside} 元后与 GEP（{gep} 元）不符',
  },
  // The tables (src/seea/seea.ts)
  'seea-assets-outside-region': {
    en: 'the asset value capitalises the supply rows, which include {outside} 元/a of products from outside the region that the GEP subtracts; the rows do not say which, so the asset value is over by up to {value} 元',
    zh: '资产价值按供给表各行折现，其中含 GEP 已扣除的区域外产品 {outside} 元/a；各行未标明其所在，资产价值因此至多高估 {value} 元',
  },
  'seea-opening-not-earlier': {
    en: 'the opening account is of {opening}, not earlier than {closing}',
    zh: '期初核算年份 {opening} 不早于本期 {closing}',
  },
  'seea-opening-other-region': {
    en: 'the opening account is of {opening}, this one of {closing}',
    zh: '期初核算地区为 {opening}，本期为 {closing}',
  },
} as const satisfies WarningCatalogue;
