/**
 * Character classes shared by the compiler and the engine. Folding happens on both sides, code unit by code unit,
 * so a match found in folded text has the same UTF-16 length as the page text it came from.
 */

/**
 * Full-width digits and Latin letters (２０１９, ３Ｄ) as their ASCII forms, and the middle dots of other scripts as
 * the `·` that CC-CEDICT and Xinhua write inside foreign names. Full-width punctuation stays: CC-CEDICT's idioms
 * contain `，` literally.
 */
export function foldCode(c: number): number {
  if (c >= 0xff10 && c <= 0xff5a) {
    if (c <= 0xff19 || (c >= 0xff21 && c <= 0xff3a) || c >= 0xff41) return c - 0xfee0;
    return c;
  }
  if (c === 0x30fb || c === 0x2022 || c === 0x2027 || c === 0xff65) return 0xb7;
  return c;
}

export function foldText(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return folded;
}

/** A Han character, for the text-level tests (segmentation, annotation, counting, the content script's quiet check). */
export const HAN = /\p{Script=Han}/u;

/** True when a Han character (as `HAN` says) starts at code unit `pos`; false on the low half of a surrogate pair. */
export function isHanAt(text: string, pos: number): boolean {
  const code = text.codePointAt(pos);
  return code !== undefined && HAN.test(String.fromCodePoint(code));
}

/** UTF-16 length of the character starting at `pos`: 2 for a well-formed surrogate pair, else 1. */
export function charLengthAt(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(pos + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * Characters that the Xinhua naming conventions use to transcribe foreign names (the characters of the standard
 * transliteration tables for Russian, Turkic, Persian, Arabic, English and other names), simplified and traditional.
 * Function words and common content characters that rarely appear in transcriptions are left out on purpose: a run of
 * these characters is a name candidate.
 */
const TRANSLITERATION =
  '阿埃艾爱安昂奥敖巴拔芭邦保堡鲍贝倍本比彼毕俾庇宾滨冰波伯勃铂博卜布查察茨楚达代黛戴丹德登迪狄蒂丁东杜敦顿多朵厄鄂' +
  '恩尔耳法凡范方菲费芬丰冯佛夫弗伏孚福富盖甘冈戈哥格葛根古瓜圭贵哈海亥汉罕豪赫亨洪胡霍基吉济加佳迦贾杰捷金津喀卡凯' +
  '坎康考柯科克肯孔库夸奎昆阔拉腊莱赖兰朗劳勒雷蕾黎里理利丽莉连廉列林琳铃留柳隆卢鲁路伦罗洛吕玛马迈麦曼芒毛茂梅门蒙' +
  '米密敏缪摩莫默姆穆纳娜乃奈南楠内尼妮涅宁纽努诺欧帕潘庞佩彭皮珀朴普齐奇契恰乔切钦琼丘萨塞赛桑瑟森沙莎山珊尚绍舍' +
  '申什史舒斯松苏索塔泰坦汤唐陶特提汀廷通图土托瓦旺威韦维温沃乌伍西希锡夏肖谢辛欣休许雅亚延扬耶叶伊依因英尤约' +
  '泽扎詹宰赞祖佐兹卓兀赫孜别瑙茹琴娅娃斐' +
  '愛貝畢賓濱鮑勃達黛戴頓爾豐馮貢蓋岡哥葛漢赫胡華懷霍濟傑喀凱坎閔庫誇奎崑闊臘萊賴蘭勞雷黎裡麗蓮廉列隆盧魯倫羅洛呂瑪馬邁' +
  '麥曼茂梅門蒙彌敏繆納內尼涅寧紐諾歐龐彭齊奇喬欽瓊薩塞賽桑瑟莎紹捨蘇孫湯陶圖瓦韋維溫烏伍錫謝辛許亞揚葉伊約澤紮詹贊';

const transliteration = new Set(TRANSLITERATION);

export function isTransliterationChar(char: string): boolean {
  return transliteration.has(char);
}

/**
 * A number for text[pos, pos + length), for `length` 1 or 2 UTF-16 units: the segmenter's lookups of the shortest
 * keys go through maps keyed by these rather than cutting a string at every position.
 */
export function shortTextKey(text: string, pos: number, length: number): number {
  return length === 1 ? text.charCodeAt(pos) : 0x10000 + text.charCodeAt(pos) * 0x10000 + text.charCodeAt(pos + 1);
}
