/**
 * `npm run train:polyphones`: trains the polyphone model (dictionary/polyphones.ts) on the whole CPP dev set
 * (kakaobrain/g2pM, Apache-2.0, in the shared fixtures) and writes dictionary/data/polyphones.txt, which the
 * dictionary compiler puts into the artifact.
 *
 * Run by hand and its output committed rather than run at every build: training reads every one of the 9,893
 * sentences with the full annotator first (about 30 s on two cores), and the CPP set is a test fixture that a build
 * must not need. Run it again after a change to segmentation, the dictionary's readings or the model's features, since
 * the rules are learned over what annotation reads without them. `npm run bench -- segmentation` scores the model by
 * cross-validation (trained without the fold it reads).
 */
import { writeFile } from 'node:fs/promises';
import { trainOnCpp } from '../bench/cpp';
import type { Annotator } from '../dictionary/annotate';
import { loadDictionaryForNode, POLYPHONES_PATH } from '../dictionary/node';
import { loadWordFrequenciesForNode } from '../dictionary/word-frequencies-node';

const annotator: Annotator = { dictionary: await loadDictionaryForNode(), frequencies: loadWordFrequenciesForNode() };
const model = trainOnCpp(annotator);
await writeFile(POLYPHONES_PATH, model);
console.log(`${POLYPHONES_PATH}: ${model.split('\n').filter(Boolean).length} characters, ${Buffer.byteLength(model)} bytes`);
