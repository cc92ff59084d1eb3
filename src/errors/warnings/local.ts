/** Warnings of local indicators defined as data (src/indicators/local/; see ./index.ts). */
import type { WarningCatalogue } from './index.js';

export const LOCAL_WARNINGS = {
  'local-indicator': {
    en: "{indicator} ({name}) is a local indicator defined by profile {profile}, not by the library: its formulas and carried coefficients are the profile's",
    zh: '{indicator}（{name}）是核算方案 {profile} 自定义的地方指标，不属于本库内置指标：其公式与自带系数由该方案负责',
  },
  'local-negative': {
    en: 'the {what} of {item} computed by the formula of {indicator} is negative ({value} {unit}); it is kept as computed: check the inputs and the formula',
    zh: '{indicator} 的公式算得{item}的{what}为负值（{value} {unit}），已按计算结果保留，请核对输入与公式',
  },
} as const satisfies WarningCatalogue;
