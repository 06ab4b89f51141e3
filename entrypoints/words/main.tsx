import '../../components/ui.css';
import '../../components/words/words.css';
import { mount } from '../../components/mount';
import { WordList } from '../../components/words/WordList';
import { t, uiLanguage } from '../../lib/i18n';
import { openDb } from '../../lib/store/db';

document.documentElement.lang = uiLanguage();
document.title = t('wordsPageTitle');

mount(<WordList db={openDb()} />);
