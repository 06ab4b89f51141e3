import '../../components/ui.css';
import '../../components/popup/popup.css';
import { mount } from '../../components/mount';
import { PopupForPage } from '../../components/popup/PopupForPage';
import { openDb } from '../../lib/store/db';

mount(<PopupForPage db={openDb()} />);
