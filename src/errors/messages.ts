/**
 * The message catalogue (提示信息). Every input issue has a code; its text in Chinese and English
 * lives here once, with `{placeholders}` filled from the issue. Pattern from zod issues and
 * dinero's checks/messages.
 */
export const MESSAGES = {
  'input.required': {
    // {needed}: what is needed, when the issue names it (` (expected a unit price)`), else nothing.
    en: 'a value is required at {path}{needed}',
    zh: '{path} 缺少必填值{needed}',
  },
  'input.type': {
    en: '{path}: expected {expected}, found {found}',
    zh: '{path}：应为 {expected}，实际为 {found}',
  },
  'input.unknown-field': {
    en: '{path}: unknown field "{found}"',
    zh: '{path}：未知字段 "{found}"',
  },
  'input.not-a-number': {
    en: '{path}: expected a decimal number written as text (e.g. "1234.5"), found {found}',
    zh: '{path}：应为以字符串书写的十进制数（如 "1234.5"），实际为 {found}',
  },
  'input.out-of-range': {
    en: '{path}: expected {expected}, found {found}',
    zh: '{path}：应满足 {expected}，实际为 {found}',
  },
  'input.unit-unknown': {
    en: '{path}: unknown unit "{found}"',
    zh: '{path}：无法识别的单位 "{found}"',
  },
  'input.unit-dimension': {
    en: '{path}: expected a unit of {expected}, found "{found}"',
    zh: '{path}：单位量纲应为 {expected}，实际为 "{found}"',
  },
  'input.json-syntax': {
    en: 'the file is not valid JSON: {found}',
    zh: '文件不是合法的 JSON：{found}',
  },
  'input.unknown-indicator': {
    en: '{path}: "{found}" is not an indicator of the catalogue (see gep indicators)',
    zh: '{path}："{found}" 不是生态产品清单中的指标（见 gep indicators）',
  },
  'input.missing-basis': {
    en: '{path}: {expected}',
    zh: '{path}：{expected}',
  },
  'input.price-year': {
    en: '{path}: price year {found} differs from the account price year {expected}; rebase it first',
    zh: '{path}：价格年份 {found} 与核算价格年份 {expected} 不一致，请先进行价格换算',
  },
  'input.duplicate': {
    en: '{path}: duplicate entry "{found}"',
    zh: '{path}：重复条目 "{found}"',
  },
  // Tables (CSV, XLSX): src/io/table-input.ts
  'input.file-type': {
    en: 'cannot read "{found}": expected {expected}',
    zh: '无法读取 "{found}"：应为 {expected}',
  },
  'input.encoding': {
    en: 'the file is neither UTF-8 nor GB18030 text: {found}',
    zh: '文件既不是 UTF-8 也不是 GB18030 编码的文本：{found}',
  },
  'input.csv-syntax': {
    en: 'the file is not valid CSV: {found}',
    zh: '文件不是合法的 CSV：{found}',
  },
  'input.xlsx-unreadable': {
    en: 'the file is not a readable XLSX workbook: {found}',
    zh: '文件不是可读取的 XLSX 工作簿：{found}',
  },
  'input.no-data': {
    en: 'the file has no data rows',
    zh: '文件中没有数据行',
  },
  'input.unknown-column': {
    en: 'unknown column "{found}"; expected {expected}',
    zh: '未知列 "{found}"；应为 {expected}',
  },
  'input.missing-column': {
    en: 'the column "{expected}" is missing',
    zh: '缺少 "{expected}" 列',
  },
  'input.duplicate-column': {
    en: 'the column "{found}" appears twice',
    zh: '"{found}" 列重复出现',
  },
  'input.unknown-indicator-name': {
    en: '"{found}" is not an indicator id or name; expected {expected}',
    zh: '"{found}" 不是指标代码或指标名称；应为 {expected}',
  },
  'input.unknown-table-field': {
    en: '"{found}" is not an input field of {expected}',
    zh: '"{found}" 不是 {expected} 的输入字段',
  },
  'input.not-applicable': {
    en: '{path}: the {expected} must be empty here, found "{found}"',
    zh: '{path}：此处 {expected} 应为空，实际为 "{found}"',
  },
  'input.duplicate-row': {
    en: '{path}: given twice (first in row {expected}, again as "{found}")',
    zh: '{path}：重复填写（首次出现在第 {expected} 行，又填写为 "{found}"）',
  },
  'input.unit-conflict': {
    en: '{path}: the unit "{found}" differs from the unit "{expected}" in the column header',
    zh: '{path}：单位 "{found}" 与列标题中的单位 "{expected}" 不一致',
  },
  'input.formula-cell': {
    en: 'the cell holds a formula ({found}); enter the value itself',
    zh: '单元格中是公式（{found}），请填写数值本身',
  },
  'input.error-cell': {
    en: 'the cell holds a spreadsheet error ({found})',
    zh: '单元格中是电子表格错误值（{found}）',
  },
  'input.region-code': {
    en: '{path}: "{found}" is not in the GB/T 2260 division codes as expected ({expected})',
    zh: '{path}："{found}" 不符合 GB/T 2260 行政区划代码（应为 {expected}）',
  },
  'input.arithmetic': {
    en: '{path}: the values given cannot be computed: {found}',
    zh: '{path}：所给数值无法计算：{found}',
  },
  // Reading limits and hostile input: src/io/limits.ts, src/io/zip-guard.ts
  'input.too-large': {
    en: 'the file is too large to read: {found}; the limit is {expected}',
    zh: '文件过大，无法读取：{found}；上限为 {expected}',
  },
  'input.too-deep': {
    en: 'the file is nested too deeply: {found}; the limit is {expected}',
    zh: '文件嵌套层级过深：{found}；上限为 {expected}',
  },
  'input.cell-too-long': {
    en: 'the cell is too long: {found}; the limit is {expected}',
    zh: '单元格内容过长：{found}；上限为 {expected}',
  },
  'input.line-too-long': {
    en: 'a line is too long: {found}; the limit is {expected}',
    zh: '某一行过长：{found}；上限为 {expected}',
  },
  'input.too-many-rows': {
    en: 'too many rows: {found}; the limit is {expected}',
    zh: '行数过多：{found}；上限为 {expected}',
  },
  'input.too-many-columns': {
    en: 'too many columns: {found}; the limit is {expected}',
    zh: '列数过多：{found}；上限为 {expected}',
  },
  'input.forbidden-key': {
    en: '{path}: the key "{found}" is not allowed in an input (it could alter object prototypes)',
    zh: '{path}：输入中不允许使用键名 "{found}"（可能篡改对象原型）',
  },
  'input.too-many-cells': {
    en: 'too many cells: {found}; the limit is {expected}',
    zh: '单元格过多：{found}；上限为 {expected}',
  },
  // Cell formats and typed numbers: src/io/table-input.ts, src/io/xlsx-input.ts
  'input.date-cell': {
    en: '{path}: the cell holds a date ({found}) where a number is expected; enter the number itself',
    zh: '{path}：此处应填数字，但单元格中是日期（{found}）；请直接填写数字',
  },
  'input.number-format': {
    en: '{path}: the cell shows {found}, so what it shows and what it stores differ and which was meant cannot be told; expected {expected}',
    zh: '{path}：单元格显示 {found}，显示值与存储值不一致，无法判断本意；应为 {expected}',
  },
  'input.percent-unit': {
    en: '{path}: the cell holds a percentage ({found}) but the unit here is {expected}; write the unit % or a number without %',
    zh: '{path}：单元格中是百分数（{found}），但此处单位为 {expected}；请将单位写为 %，或填写不带 % 的数字',
  },
  'note.read-as': {
    en: '{path}: read "{found}" as {expected}',
    zh: '{path}：将 "{found}" 读作 {expected}',
  },
  'note.formula-value': {
    en: 'read the saved value "{found}" of the formula {expected}',
    zh: '读取公式 {expected} 保存的值 "{found}"',
  },
  'note.kept-spaces': {
    en: '{path}: kept the spaces around "{found}": a text cell is read exactly as written',
    zh: '{path}：保留了 "{found}" 前后的空格（文本单元格按原样读取）',
  },
  'input.stray-cell': {
    en: 'the cell holds "{found}" but its column has no header, so it would not be read; {expected}',
    zh: '单元格中有内容 "{found}"，但所在列没有表头，无法读取；{expected}',
  },
  // Published cases (gep reproduce): src/reproduce/validate.ts
  'case.unknown-row': {
    en: '{path}: the case has no row "{found}"',
    zh: '{path}：案例中没有行 "{found}"',
  },
  'case.row-basis': {
    en: '{path}: a row is either recomputed (indicator and input) or says why it is not (notReproducible); found {found}',
    zh: '{path}：一行要么可复算（给出 indicator 与 input），要么说明无法复算的原因（notReproducible）；实际为 {found}',
  },
  'case.needs-recomputed-row': {
    en: '{path}: "{found}" applies only to a recomputed row (one with indicator and input)',
    zh: '{path}："{found}" 仅适用于可复算的行（给出 indicator 与 input 的行）',
  },
  'case.not-implemented': {
    en: '{path}: indicator "{found}" is in the catalogue but not implemented, so the row cannot be recomputed; give notReproducible instead',
    zh: '{path}：指标 "{found}" 在清单中但尚未实现，该行无法复算；请改为给出 notReproducible',
  },
  // Plausibility of an account (src/accounts/plausibility.ts)
  'input.area-exceeds-region': {
    en: '{path}: the ecosystem areas of this indicator add up to {found}, but expected {expected}; check the area units of its rows',
    zh: '{path}：该指标各生态系统面积合计 {found}，应不超过 {expected}；请检查各行面积的单位',
  },
  'account.negative-total': {
    en: '{path}: the {expected} total is negative ({found}); if that is intended, declare it in the input with "allowNegativeTotals": {"reason": "…"}',
    zh: '{path}：{expected} 合计为负（{found}）；如确属预期，请在输入中以 "allowNegativeTotals": {"reason": "…"} 说明',
  },
  'coefficient.unknown': {
    en: '{path}: no coefficient "{found}" in table {expected}',
    zh: '{path}：系数表 {expected} 中没有系数 "{found}"',
  },
  'coefficient.to-verify': {
    en: '{path}: coefficient "{found}" has status to-verify and strict mode refuses it; give a checked value in coefficientOverrides with id "{found}"',
    zh: '{path}：系数 "{found}" 尚待核实，严格模式下不予使用；请在 coefficientOverrides 中以 id "{found}" 给出核实后的数值',
  },
  'coefficient.index-to-verify': {
    en: '{path}: coefficient "{found}" would be carried to the account year with price-index years still to verify ({expected}), which strict mode refuses; give a checked price of the account year in coefficientOverrides with id "{found}"',
    zh: '{path}：系数 "{found}" 换算到核算年份时需使用尚待核实的价格指数年份（{expected}），严格模式下不予使用；请在 coefficientOverrides 中以 id "{found}" 给出核算年份的核实价格',
  },
  'coefficient.needs-local-value': {
    en: '{path}: coefficient "{found}" is another region\'s local value ({expected}) and this account needs its own; strict mode refuses the fallback: give the local value in the input or in coefficientOverrides with id "{found}"',
    zh: '{path}：系数 "{found}" 是其他地区的本地取值（{expected}），本核算需要本地数值；严格模式下不使用该默认值：请在输入中或在 coefficientOverrides 中以 id "{found}" 给出本地数值',
  },
  'coefficient.rebase': {
    en: '{path}: cannot carry coefficient {found} to {expected} prices: the price index has no value for a year in between; give a price or override the coefficient',
    zh: '{path}：系数 {found} 无法换算到 {expected} 年价格（价格指数缺少中间年份），请给出价格或覆盖该系数',
  },
  'profile.variant-unknown': {
    en: '{path}: "{found}" is not a method variant of this indicator; expected one of {expected}',
    zh: '{path}："{found}" 不是该指标的方法变体；应为 {expected} 之一',
  },
  'profile.unknown': {
    en: 'unknown profile "{found}"; known profiles: {expected}',
    zh: '未知核算方案 "{found}"；可用方案：{expected}',
  },
  // Local indicators defined as data in a profile: src/indicators/local/. `at` is the character in the formula.
  'local.syntax': {
    en: '{path}, character {at}: the formula cannot be read near "{found}"',
    zh: '{path} 第 {at} 个字符处：公式无法解析（"{found}" 附近）',
  },
  'local.not-allowed': {
    en: '{path}, character {at}: "{found}" is not allowed in a formula; a formula uses numbers, symbols, {expected}',
    zh: '{path} 第 {at} 个字符处：公式中不允许使用 "{found}"；公式只能使用数字、符号及 {expected}',
  },
  'local.implicit-multiplication': {
    en: '{path}, character {at}: write * between the factors of "{found}"',
    zh: '{path} 第 {at} 个字符处："{found}" 的因子之间请写出乘号 *',
  },
  'local.unknown-symbol': {
    en: '{path}, character {at}: unknown symbol "{found}"; known here: {expected}',
    zh: '{path} 第 {at} 个字符处：未知符号 "{found}"；此处可用：{expected}',
  },
  'local.unknown-function': {
    en: '{path}, character {at}: unknown function "{found}"; allowed: {expected}',
    zh: '{path} 第 {at} 个字符处：未知函数 "{found}"；可用函数：{expected}',
  },
  'local.arity': {
    en: '{path}, character {at}: {found} takes {expected} argument(s)',
    zh: '{path} 第 {at} 个字符处：函数 {found} 应有 {expected} 个参数',
  },
  'local.dimension': {
    en: '{path}, character {at}: a quantity in {found} where the dimension of {expected} is needed',
    zh: '{path} 第 {at} 个字符处：此处应为与 {expected} 同量纲的量，实际为 {found}',
  },
  'local.exponent': {
    en: '{path}, character {at}: a quantity in {found} can only be raised to a whole power written as a number from -9 to 9 (such as ^2)',
    zh: '{path} 第 {at} 个字符处：单位为 {found} 的量只能取整数次幂，且须直接写出 -9 到 9 之间的数字（如 ^2）',
  },
  'local.reserved-name': {
    en: '{path}: "{found}" cannot name an input, coefficient or step: it is reserved ({expected})',
    zh: '{path}："{found}" 不能用作输入、系数或中间步骤的名称：该名称已被保留（{expected}）',
  },
  'local.id': {
    en: '{path}: "{found}" is not a local indicator id; expected {expected}',
    zh: '{path}："{found}" 不是地方指标代码；应为 {expected}',
  },
  'local.not-enabled': {
    en: '{path}: local indicator "{found}" is defined but the profile\'s indicators list does not enable it',
    zh: '{path}：已定义地方指标 "{found}"，但核算方案的指标列表未启用它',
  },
  'local.row-collides': {
    en: '{path}: coefficient "{found}" is already in table {expected}; refer to it by id instead of carrying a row',
    zh: '{path}：参数表 {expected} 中已有系数 "{found}"；请直接按代码引用，不要另带一行',
  },
  'local.not-compiled': {
    en: '{path}: profile "{found}" defines local indicators; load it with loadProfile from gep-accounting/local (or gep … --profile FILE.json)',
    zh: '{path}：核算方案 "{found}" 定义了地方指标；请用 gep-accounting/local 的 loadProfile 载入（或 gep … --profile 文件.json）',
  },
  'local.list': {
    en: '{path}: a local indicator has at most one list input; found {found}',
    zh: '{path}：地方指标最多只能有一个清单类输入；实际有 {found}',
  },
  'local.fallback': {
    en: '{path}: an optional input needs a fallback coefficient, used when the input leaves it out ({found})',
    zh: '{path}：选填输入须指定缺省时使用的系数（fallback）（{found}）',
  },
  'profile.id-taken': {
    en: '{path}: "{found}" is the id of a shipped profile; give your profile its own id',
    zh: '{path}："{found}" 是内置核算方案的代码；请为自定义方案另取代码',
  },
  'release.manifest-missing': {
    en: 'no manifest.json: the folder is not a release bundle, or its manifest was removed',
    zh: '缺少 manifest.json：该文件夹不是发布包，或其清单已被删除',
  },
  'release.manifest-invalid': {
    en: 'not a valid release manifest: expected {expected}, found {found}',
    zh: '不是有效的发布清单：应为 {expected}，实际为 {found}',
  },
  'release.file-missing': {
    en: 'listed in the manifest but missing from the folder',
    zh: '清单中列出，但文件夹中没有该文件',
  },
  'release.file-changed': {
    en: 'content changed since the release: SHA-256 {found}, the manifest records {expected}',
    zh: '内容在发布后被修改：SHA-256 为 {found}，清单记录为 {expected}',
  },
  'release.file-extra': {
    en: 'not listed in the manifest (added after the release)',
    zh: '清单中没有该文件（发布后被加入）',
  },
  'release.input-hash': {
    en: 'the input hash is {found}; the manifest records {expected}',
    zh: '输入数据哈希为 {found}，清单记录为 {expected}',
  },
  'release.table-unknown': {
    en: 'coefficient table {found} is not in this library (gep-accounting {expected}); the account cannot be recomputed',
    zh: '本库（gep-accounting {expected}）中没有参数表 {found}，无法重新核算',
  },
  'release.table-changed': {
    en: 'coefficient table {path}: its content hash in this library is {found}; the release used {expected}',
    zh: '参数表 {path}：本库中的内容哈希为 {found}，发布时为 {expected}',
  },
  'release.profile-unknown': {
    en: 'profile {found} is not in this library (gep-accounting {expected}); the account cannot be recomputed',
    zh: '本库（gep-accounting {expected}）中没有核算方案 {found}，无法重新核算',
  },
  'release.mismatch': {
    en: '{path}: the manifest records {expected}, this file has {found}',
    zh: '{path}：清单记录为 {expected}，该文件中为 {found}',
  },
  'release.number-differs': {
    en: '{path}: the release has {expected}, the recomputation gives {found}',
    zh: '{path}：发布值为 {expected}，重新核算为 {found}',
  },
  'release.value-differs': {
    en: '{path}: the release has {expected}, the recomputation gives {found}',
    zh: '{path}：发布内容为 {expected}，重新核算为 {found}',
  },
  'release.derived-differs': {
    en: 'does not match the file regenerated from the recomputed account: {found}',
    zh: '与根据重新核算结果重新生成的文件不一致：{found}',
  },
  'release.file-unlisted': {
    en: 'the release regenerated from its input holds this file, but the manifest does not list it',
    zh: '根据输入重新生成的发布包含有该文件，但清单中未列出',
  },
  'release.manifest-hash': {
    en: 'its SHA-256 is {found}; the SHA-256 published beside the release is {expected}',
    zh: 'SHA-256 为 {found}，随发布包公布的 SHA-256 为 {expected}',
  },
  'release.recompute-failed': {
    en: 'the bundled input cannot be recomputed: {found}',
    zh: '无法根据发布包中的输入重新核算：{found}',
  },
  // Profile checks (src/profiles/check.ts): a profile is data, so every name in it is checked when it is loaded.
  'profile.unknown-indicator': {
    en: '{path}: "{found}" is not an indicator of the catalogue (see gep indicators)',
    zh: '{path}："{found}" 不是生态产品清单中的指标（见 gep indicators）',
  },
  'profile.table-unknown': {
    en: '{path}: unknown coefficient table "{found}"; known tables: {expected}',
    zh: '{path}：未知参数表 "{found}"；可用参数表：{expected}',
  },
  'profile.index-unknown': {
    en: '{path}: unknown price index "{found}"; known indices: {expected}',
    zh: '{path}：未知价格指数 "{found}"；可用价格指数：{expected}',
  },
  'profile.adjustment-to-verify': {
    en: '{path}: the regional adjustment coefficient {found} has status to-verify and strict mode refuses it',
    zh: '{path}：调节系数 {found} 尚待核实，严格模式下不予使用',
  },
  'profile.adjustment-not-enabled': {
    en: '{path}: the adjustment coefficient names {found}, which the profile does not enable, so it would never apply',
    zh: '{path}：调节系数对应的指标 {found} 未在该方案中启用，调节系数不会生效',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

/** The code of an input issue; its messages are in `MESSAGES`. */
export type IssueCode = keyof typeof MESSAGES;
/** Languages of messages and reports. */
export type Language = 'en' | 'zh';

/** Fill a catalogue message. */
export function formatMessage(code: IssueCode, lang: Language, params: Readonly<Record<string, string | undefined>>): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? '');
}
