/** Warnings of the uncertainty and sensitivity analyses (src/uncertainty/; see ./index.ts). */
import type { WarningCatalogue } from './index.js';

export const UNCERTAINTY_WARNINGS = {
  'uncertainty-unused': {
    en: '{what} is not read by {account}; its distribution changes nothing',
    zh: '{account}不读取{what}，其概率分布不改变任何结果',
  },
  'uncertainty-none': {
    en: 'no input or coefficient has a distribution: every draw gives the same account',
    zh: '没有任何输入或系数设定了概率分布：每次抽样得到的核算结果都相同',
  },
  'uncertainty-refused': {
    en: '{notCounted} of {draws} draws were not counted ({reasons}); the statistics describe the remaining draws',
    zh: '{draws} 次抽样中有 {notCounted} 次未计入（{reasons}）；统计量只描述其余抽样',
  },
  'sensitivity-refused': {
    en: 'the account could not be computed at the 5th or 95th percentile of {keys}; their swing is not known',
    zh: '在 {keys} 的第 5 或第 95 百分位数处无法完成核算，其摆幅未知',
  },
} as const satisfies WarningCatalogue;
