/**
 * The hover card's label for a glossary entry's category. Categories are the base names of the TSV files in
 * dictionary/glossary/, which are identifiers, not words to show a reader.
 */
import { t, type MessageKey } from '../lib/i18n';

export const GLOSSARY_CATEGORY_LABELS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['abbreviations', 'categoryAbbreviations'],
  ['belt-and-road', 'categoryBeltAndRoad'],
  ['central-asia', 'categoryCentralAsia'],
  ['congress-formulations', 'categoryCongressFormulations'],
  ['diplomacy', 'categoryDiplomacy'],
  ['domestic-politics', 'categoryDomesticPolitics'],
  ['ecology', 'categoryEcology'],
  ['economy', 'categoryEconomy'],
  ['economy-technology', 'categoryEconomyTechnology'],
  ['international-organisations', 'categoryInternationalOrganisations'],
  ['party', 'categoryParty'],
  ['people', 'categoryPeople'],
  ['places-partners', 'categoryPlacesPartners'],
  ['security', 'categorySecurity'],
  ['society-technology', 'categorySocietyTechnology'],
  ['state-bodies', 'categoryStateBodies'],
  ['taiwan-hk-macao', 'categoryTaiwanHkMacao'],
  ['white-papers-mfa', 'categoryWhitePapersMfa'],
  ['world-leaders', 'categoryWorldLeaders'],
]);

/** An unknown category (an artifact built from a newer glossary, say) is shown as plain "glossary". */
export function glossaryCategoryLabel(category: string | undefined): string {
  return t(GLOSSARY_CATEGORY_LABELS.get(category ?? '') ?? 'cardGlossary');
}
