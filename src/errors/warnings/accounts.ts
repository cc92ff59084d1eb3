/** Warnings of the accounts and of other non-indicator code (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const ACCOUNT_WARNINGS = {
  // Unit prices (src/indicators/compute.ts)
  'index-to-verify': {
    en: 'coefficient {id} was rebased {from}→{to} with {index} values still to verify ({years})',
    zh: '系数 {id} 以 {index} 从 {from} 年价格换算到 {to} 年价格，所用指数值尚待核实（{years}）',
  },
  'price-year-mismatch': {
    en: 'coefficient {id} ({value} {unit}) is at {year} prices but the account is at {accountYear} prices; give a price of {accountYear} or override the coefficient',
    zh: '系数 {id}（{value} {unit}）为 {year} 年价格，而核算采用 {accountYear} 年价格；请给出 {accountYear} 年价格或覆盖该系数',
  },
  // A price or a coefficient override far from the table's (src/coefficients/price-check.ts)
  'price-far-from-table': {
    en: '{indicator}: the price given at {path}, {given}, is {ratio} × the table value of {id}, {table} ({source}); more than {factor} times off is usually a unit slip (元 for 万元, per t for per kg): check it',
    zh: '{indicator}：{path} 给出的价格 {given} 是参数表中 {id} 取值 {table}（{source}）的 {ratio} 倍；相差超过 {factor} 倍通常是单位错误（如 元 写成 万元、每 t 写成每 kg）：请核对',
  },
  'override-far-from-table': {
    en: 'the override of {id} at {path}, {given}, is {ratio} × its table value {table} ({source}); more than {factor} times off is usually a unit slip (元 for 万元, per t for per kg): check it',
    zh: '{path} 对 {id} 的覆盖值 {given} 是参数表取值 {table}（{source}）的 {ratio} 倍；相差超过 {factor} 倍通常是单位错误（如 元 写成 万元、每 t 写成每 kg）：请核对',
  },
  // Plausibility checks (src/accounts/plausibility.ts; ranges and their reasons in plausibility.json)
  'implausible-value': {
    en: '{indicator}: {field} = {value} {unit} is outside the plausible range {min}–{max} {rangeUnit} ({why}; {basis}); check the unit and the figure',
    zh: '{indicator}：{field} = {value} {unit} 超出合理范围 {min}–{max} {rangeUnit}（{why}；{basis}）；请核对单位与数值',
  },
  'implausible-rate': {
    en: '{indicator}: {rate} {unit} over its {area} km² is outside the plausible range {min}–{max} {unit} ({why}; {status}); check the units of the inputs and areas',
    zh: '{indicator}：按其 {area} km² 面积计为 {rate} {unit}，超出合理范围 {min}–{max} {unit}（{why}；{status}）；请核对输入与面积的单位',
  },
  'region-area-missing': {
    en: "region.area is not given, so the ecosystem areas of {ids} could not be checked against the region's area (a hectare figure in a km² row would go unnoticed)",
    zh: '未给出 region.area，{ids} 的生态系统面积无法与区域面积核对（km² 行中填入公顷数将不会被发现）',
  },
  'negative-totals-allowed': {
    en: 'the input allows negative totals (reason: {reason}); negative here: {negative}',
    zh: '输入允许合计为负（理由：{reason}）；本次为负的合计：{negative}',
  },
  'implausible-ratio': {
    en: 'GEP {what} is {ratio} {unit}, outside {lo}–{hi} {unit}: published accounts span {published} {unit}, and beyond {margin} times either end a unit slip is likelier ({status}); check the units of the inputs, population and area',
    zh: '{what} GEP 为 {ratio} {unit}，超出 {lo}–{hi} {unit}：已发布核算的范围为 {published} {unit}，超出两端 {margin} 倍时更可能是单位错误（{status}）；请核对输入、人口与面积的单位',
  },
  // The account (src/accounts/gep.ts, coefficient-checks.ts; horizontal.ts uses coefficient-to-verify too).
  'input-not-in-profile': {
    en: 'input blocks not used because profile {profile} does not enable them: {ids}',
    zh: '核算方案 {profile} 未启用以下指标，其输入未使用：{ids}',
  },
  'input-unused': {
    en: 'the input block indicators.{id} was not used: {id} is not implemented in this version',
    zh: '输入 indicators.{id} 未使用：本版本尚未实现 {id}',
  },
  'coefficient-to-verify': {
    en: '{count} coefficient(s) used have status to-verify (recalled or from practice, not checked against a document): {list}',
    zh: '使用了 {count} 个“待核实”参数（凭记忆或实践取值，未与文献核对）：{list}',
  },
  'profile-to-verify': {
    en: 'the indicator list of profile {profile} is not verified against its standard',
    zh: '核算方案 {profile} 的指标清单尚未与其标准核对',
  },
  'indicator-no-input': {
    en: '{id} ({name}) is in profile {profile} but was not accounted: the input has no block for it',
    zh: '{id}（{name}）属于核算方案 {profile}，但未核算：输入中没有该指标的数据',
  },
  'indicator-not-implemented': {
    en: '{id} ({name}) is in profile {profile} but was not accounted: not implemented in this version',
    zh: '{id}（{name}）属于核算方案 {profile}，但未核算：本版本尚未实现',
  },
  'outside-region-none': {
    en: 'profile {profile} subtracts ecological products from outside the region, but the input lists none (outsideRegion), so nothing is subtracted',
    zh: '核算方案 {profile} 扣除区域外生态产品，但输入中未列出（outsideRegion），故未扣除',
  },
  'outside-region-ignored': {
    en: 'profile {profile} does not subtract products from outside the region: the {count} outsideRegion line(s) are reported but not subtracted',
    zh: '核算方案 {profile} 不扣除区域外生态产品：{count} 行 outsideRegion 仅列示，不扣除',
  },
  // src/accounts/coefficient-checks.ts
  'coefficient-needs-local-value': {
    en: "{indicator} used {id} = {value} ({where}) from table {table}, which is another region's local value: give this region's own value in the input or override {id}",
    zh: '{indicator} 使用了参数表 {table} 中的 {id} = {value}（{where}），这是其他地区的本地取值：请在输入中给出本地区的数值，或覆盖 {id}',
  },
  'adjustment-to-verify': {
    en: 'regional adjustment coefficient {factor} for {id} ({source}) has status to-verify',
    zh: '{id} 的调节系数 {factor}（{source}）尚待核实',
  },
  // Two accounts compared (src/accounts/compare.ts)
  'compare-regions-differ': {
    en: 'the accounts are of different regions: "{a}" and "{b}"',
    zh: '两期核算的地区不同："{a}" 与 "{b}"',
  },
  'compare-profiles-differ': {
    en: 'the accounts use different profiles or tables ({profileA} {tableA} vs {profileB} {tableB}); a change of method shows as a change of value',
    zh: '两期核算采用不同的核算方案或参数表（{profileA} {tableA} 与 {profileB} {tableB}）；方法的变化会表现为价值量的变化',
  },
  'compare-order': {
    en: 'account a ({yearA}) is later than account b ({yearB}); changes are b − a',
    zh: '核算 a（{yearA} 年）晚于核算 b（{yearB} 年）；变化量按 b − a 计',
  },
  'compare-index-range': {
    en: 'price index {index} does not reach from {year} to {baseYear}',
    zh: '价格指数 {index} 不能覆盖 {year} 年至 {baseYear} 年',
  },
  'compare-units': {
    en: '{line}: the base-year price ({priceUnit}) does not fit the quantity ({quantityUnit}); the line is deflated as a whole',
    zh: '{line}：基年单价（{priceUnit}）与实物量（{quantityUnit}）的单位不匹配；该行按价值量整体平减',
  },
  'compare-indicator-one-year': {
    en: '{id} ({name}) is accounted only in {side} ({year}): its whole value counts as change',
    zh: '{id}（{name}）只在 {side}（{year} 年）中核算：其全部价值量计为变化',
  },
  'compare-gep-adjustment': {
    en: 'account {side}: its GEP ({gep} 元) differs from the sum of its indicators ({sum} 元); the comparison covers the indicators',
    zh: '核算 {side}：GEP（{gep} 元）与各指标之和（{sum} 元）不同；比较以各指标为准',
  },
  'compare-not-deflated': {
    en: '{count} line(s) without a unit price could not be brought to {baseYear} prices (no price index for their year) and are carried at current prices, so their price effect is 0: {lines}',
    zh: '{count} 个没有单价的核算行无法换算到 {baseYear} 年价格（缺少其年份的价格指数），按现价计入，其价格效应为 0：{lines}',
  },
  // GEEP (src/accounts/geep.ts)
  'geep-exclusion-ignored': {
    en: 'excludeFromRegulating has no effect when regulatingServices is given',
    zh: '已给出 regulatingServices 时，excludeFromRegulating 不起作用',
  },
  'geep-double-counting': {
    en: 'variant {variant} adds all of GEP: material products and cultural services are largely inside GDP already (geep-methods §2.4 V5)',
    zh: '方法变体 {variant} 加上全部 GEP：物质产品与文化服务大多已计入 GDP，存在重复计算（geep-methods §2.4 V5）',
  },
  'geep-pdc-basis': {
    en: '{count} pollution-loss component(s) on another basis than "{basis}" are listed but not deducted: {items}',
    zh: '{count} 项口径不是“{basis}”的污染损失成本仅列示，不予扣减：{items}',
  },
  'geep-rdc-not-deducted': {
    en: 'resource depletion is listed but not deducted by variant {variant} (no published GEEP deducts it; geep-methods §2.4 V2)',
    zh: '资源耗减成本已列示，但方法变体 {variant} 不予扣减（已发布的 GEEP 均未扣减该项；geep-methods §2.4 V2）',
  },
  'geep-ers-incomplete': {
    en: 'ERS covers the regulating indicators accounted; not accounted: {ids}',
    zh: 'ERS 只包括已核算的调节服务指标；未核算：{ids}',
  },
  // Ratios (src/accounts/ratios.ts)
  'ratio-not-computed': {
    en: '{name} ({id}) not computed: {reason}',
    zh: '{name}（{id}）未计算：{reason}',
  },
} as const satisfies WarningCatalogue;
