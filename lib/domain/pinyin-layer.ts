/** The pinyin layer over a page's article: none, over every word, or only over the words not marked known. */
export const PINYIN_LAYER_MODES = ['off', 'all', 'unknown'] as const;
export type PinyinLayerMode = (typeof PINYIN_LAYER_MODES)[number];
