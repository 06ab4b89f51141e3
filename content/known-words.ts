/**
 * The known-word model of one frame (lib/domain/known.ts): the facts of the words the page shows, asked of the store
 * in batches as the page meets them (never the reader's whole list), the level from the settings, and `k`.
 */
import { KnownModel, type WordFacts, type WordMark, type WordState } from '../lib/domain/known';
import { WORD_STATES_BATCH } from '../lib/messaging/protocol';

export interface KnownWordsDeps {
  level(): number;
  facts(words: string[]): Promise<WordFacts>;
  mark(words: string[], mark: WordMark): Promise<unknown>;
}

export class KnownWords {
  private readonly model: KnownModel;
  /** The words being asked about, each with its ask. */
  private readonly asking = new Map<string, Promise<void>>();

  constructor(private readonly deps: KnownWordsDeps) {
    this.model = new KnownModel(deps.level());
  }

  /** The state of a headword; a word whose facts were not asked yet is judged by the level alone. */
  stateOf(word: string, hsk: number | undefined): WordState {
    this.model.level = this.deps.level();
    return this.model.stateOf(word, hsk);
  }

  /** Whether the facts of `word` are in: the card shows a state only then. */
  has(word: string): boolean {
    return this.model.has(word);
  }

  /**
   * Asks the store about the words never asked about; a word whose ask is on its way waits for that answer instead of
   * being asked again (the card asks about its word at every character the pointer crosses, while the article's ask
   * may be on its way).
   */
  async learn(words: Iterable<string>): Promise<void> {
    const unasked = this.model.unasked(words);
    const fresh = unasked.filter((w) => !this.asking.has(w));
    const asking = this.ask(fresh);
    for (const word of fresh) this.asking.set(word, asking);
    try {
      await Promise.all([asking, ...unasked.map((w) => this.asking.get(w))]);
    } finally {
      for (const word of fresh) if (this.asking.get(word) === asking) this.asking.delete(word);
    }
  }

  /** Asks again about every word (the store may have changed in another page); true when a fact changed. */
  async refresh(words: Iterable<string>): Promise<boolean> {
    const list = [...new Set(words)];
    const facts = () => JSON.stringify([list.map((w) => this.model.factsOf(w)), this.model.learningForms()]);
    const before = facts();
    await this.ask(list);
    return facts() !== before;
  }

  /** `k`: turns the word's state over (known ↔ not known) in the store; resolves with its new state. */
  async toggle(word: string, hsk: number | undefined): Promise<WordState> {
    await this.learn([word]);
    const mark = this.model.toggledMark(word, hsk);
    await this.deps.mark([word], mark);
    this.model.setMark(word, mark);
    return this.stateOf(word, hsk);
  }

  /** A word just saved on this page. */
  addSaved(simplified: string, traditional: string): void {
    this.model.addSaved(simplified, traditional);
  }

  learningForms(): string[] {
    return this.model.learningForms();
  }

  private async ask(words: string[]): Promise<void> {
    for (let i = 0; i < words.length; i += WORD_STATES_BATCH) {
      const batch = words.slice(i, i + WORD_STATES_BATCH);
      this.model.learn(batch, await this.deps.facts(batch));
    }
  }
}
