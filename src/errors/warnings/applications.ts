/** Warnings of the applications of GEP results (src/applications/, see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const APPLICATION_WARNINGS = {
  // Specific areas (area.ts)
  'area-name-differs': {
    en: 'the account is of "{account}" but the area is "{area}"',
    zh: '核算结果的地区为“{account}”，而特定地域单元为“{area}”',
  },
  'area-type-not-in-extent': {
    en: 'the account values lines of ecosystem type "{type}" ({value} 元), but the area\'s extent has no {type}: check the extent or the lines',
    zh: '核算结果中有生态系统类型“{type}”的核算行（{value} 元），但该地域单元的范围中没有该类型：请核对范围或核算行',
  },
  // Projects (project.ts)
  'project-years-differ': {
    en: 'design with-without compares two states of one year, but the accounts are of {yearA} and {yearB}: the difference includes everything else that changed between the years',
    zh: '“有无对比”设计比较同一年份的两种状态，但两份核算分别为 {yearA} 年和 {yearB} 年：差值包含了两年间其他一切变化',
  },
  'project-years-same': {
    en: 'design before-after expects two years, but both accounts are of {year}',
    zh: '“前后对比”设计需要两个年份，但两份核算均为 {year} 年',
  },
  'project-not-area': {
    en: 'the {which} account is of a {level} ({name}), not of the project area: the difference includes everything that changed there, not only the project',
    zh: '{which}核算的对象是{level}（{name}），而不是项目区：差值包含该地区的一切变化，不只是项目带来的变化',
  },
  'project-extent-total': {
    en: 'the extents of the two states add up to different areas ({a} and {b} km²): a project area keeps its boundary',
    zh: '两种状态的范围面积合计不同（{a} 与 {b} km²）：项目区的边界应保持不变',
  },
  // Compensation in projects (compensation.ts)
  'compensation-no-loss': {
    en: 'the project impact shows no loss of ecological product value: nothing to compensate for loss',
    zh: '项目影响没有造成生态产品价值损失：无需按损失补偿',
  },
  'compensation-below-lost-value': {
    en: 'the restoration cost ({cost} 元) is below the present value of the value lost over {years} years ({lost} 元): restoring alone does not keep the value whole; consider rule restoration-plus-interim',
    zh: '修复费用（{cost} 元）低于 {years} 年间损失价值的现值（{lost} 元）：仅靠修复不能弥补全部价值；可考虑规则 restoration-plus-interim',
  },
  // Eco-compensation (vertical.ts, bounds.ts, settlement.ts, horizontal.ts)
  'vertical-criterion-equal': {
    en: 'every county has the same {criterion}: each scores 1 on it',
    zh: '各县的{criterion}都相同：该项每县得分均为 1',
  },
  'bounds-negative-opportunity-cost': {
    en: 'the costs exceed the crop revenue: the opportunity cost is negative (farming loses money), so the lower bound is below 0',
    zh: '成本高于作物收入：机会成本为负（种植亏损），补偿下限低于 0',
  },
  'bounds-infeasible': {
    en: 'the opportunity cost ({lower} 元/(km²·a)) exceeds the service value gained ({upper} 元/(km²·a)): no standard pays the provider and leaves the beneficiary better off',
    zh: '机会成本（{lower} 元/(km²·a)）高于所增加的服务价值（{upper} 元/(km²·a)）：没有任何标准能既补足提供方又使受益方获益',
  },
  'bounds-rate-without-years': {
    en: 'a discount rate is given without years: no period total is computed',
    zh: '给出了折现率但没有给出年限：不计算期间合计',
  },
  'settlement-region-idle': {
    en: '{name} neither pays nor receives anything',
    zh: '{name} 既不支付也不收取任何款项',
  },
  // Audit and scorecard (audit.ts)
  'scorecard-gdp-basis': {
    en: 'the GDP of the two years has different bases ({a}, {b})',
    zh: '两年的 GDP 口径不同（{a}、{b}）',
  },
  'scorecard-gdp-current': {
    en: 'GDP growth is at current prices (no official real growth given): it includes inflation, while GEP growth is at constant prices',
    zh: 'GDP 增长按现价计算（未给出官方的实际增长率）：其中含有价格上涨，而 GEP 增长按不变价计算',
  },
  'growth-as-fraction': {
    en: '{field} is {value} with unit 1, i.e. {percent} %: did you mean {value} %? A growth that high is written with %',
    zh: '{field} 为 {value}（单位 1），即 {percent} %：是否应为 {value} %？如此高的增长率请带 % 单位填写',
  },
  'audit-no-gdp': {
    en: 'the first or last input has no GDP (economy.gdp): no double-assessment scorecard',
    zh: '第一份或最后一份输入没有 GDP（economy.gdp）：不生成“双评估”记分卡',
  },
  // Green finance (finance.ts)
  'finance-no-gain': {
    en: 'the project has no net gain of ecological product value: the asset value is not positive',
    zh: '项目没有带来生态产品价值的净增加：资产价值不为正',
  },
  'finance-not-a-standard': {
    en: 'no published rule sizes a loan on ecological product value: the term, rate and collateral share are the lender’s choices, and the lending base is an input to a credit decision, not a loan amount',
    zh: '没有已发布的规则按生态产品价值确定贷款额：期限、利率与抵押比例由贷款方决定，授信基数只是信贷决策的依据之一，并非贷款金额',
  },
} as const satisfies WarningCatalogue;
