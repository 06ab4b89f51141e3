import '../../components/ui.css';
import '../../components/popup/popup.css';
import { mount } from '../../components/mount';
import { PopupForPage } from '../../components/popup/PopupForPage';
import { uiLanguage } from '../../lib/i18n';
import { openDb } from '../../lib/store/db';

document.documentElement.lang = uiLanguage();

mount(<PopupForPage db={openDb()} />);
