import type { BenchRow } from './table';
import { buildSuite } from './build';
import { dictionarySuite } from './dictionary';
import { storeSuite } from './store';
import { readingSuite } from './reading';
import { segmentationSuite } from './segmentation';
import { articleSuite } from './article';
import { searchSuite } from './search';
import { savedWordsSuite } from './saved-words';
import { knownSuite } from './known';
import { correctionsSuite } from './corrections';

export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** Each issue adds its suite here. */
export const suites: BenchSuite[] = [
  buildSuite,
  dictionarySuite,
  storeSuite,
  readingSuite,
  segmentationSuite,
  articleSuite,
  searchSuite,
  savedWordsSuite,
  knownSuite,
  correctionsSuite,
];
