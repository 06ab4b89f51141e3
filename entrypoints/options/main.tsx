import '../../components/ui.css';
import '../../components/options/options.css';
import { mount } from '../../components/mount';
import { Options } from '../../components/options/Options';
import { t, uiLanguage } from '../../lib/i18n';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
mount(<Options />);
