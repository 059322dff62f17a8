/**
 * Character folding tables used by the normaliser. Kept small on purpose: they cover the
 * characters that appear in the lint lexicon (and their neighbours in common phrasings),
 * not the whole of Traditional Chinese — a full OpenCC table would be megabytes of data
 * for no gain in what the lint can detect.
 */

/** Traditional (and a few variant) characters → Simplified, as consecutive pairs. */
const TRADITIONAL_PAIRS =
  '懷怀婦妇狀状況况離离異异喪丧結结單单計计劃划畫画試试驗验檢检測测兩两對对項项陽阳' +
  '標标體体證证報报歷历曆历殘残傳传遺遗蘭兰禮礼黨党員员團团種种違违約约擔担責责賠赔' +
  '償偿罰罚風风險险別别優优僅仅隻只祇只職职崗岗資资錄录應应簡简獵猎頭头時时間间號号' +
  '碼码銀银戶户電电話话緊紧聯联繫系係系學学書书轉转積积費费兒儿產产戀恋愛爱備备線线' +
  '門门會会議议實实際际經经濟济補补貼贴醫医療疗婚婚孕孕債债務务聘聘薪薪鑑鉴鑒鉴況况' +
  '檔档確确認认請请填填寫写問问題题這这麼么壓压擔担與与為为無无須须條条規规' +
  '據据驗验貌貌贍赡養养親亲屬属婭娅孫孙訊讯絡络證证屆届畢毕業业歲岁齡龄賓宾親亲';

/** Look-alike letters from other scripts that are used to dodge Latin keyword filters. */
const CONFUSABLE_PAIRS = 'аaеeоoрpсcхxуyіiјjѕsԁdһhкkмmтtвbнhαaοoερνvιiκkτtυuχx';

function buildPairMap(pairs: string): Map<string, string> {
  const map = new Map<string, string>();
  const chars = Array.from(pairs);
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
  return map;
}

const TRADITIONAL_TO_SIMPLIFIED = buildPairMap(TRADITIONAL_PAIRS);
const CONFUSABLES = buildPairMap(CONFUSABLE_PAIRS);

/** Folds one already lower-cased character: look-alike letters to Latin, Traditional to Simplified. */
export function foldChar(ch: string): string {
  return CONFUSABLES.get(ch) ?? TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
}
