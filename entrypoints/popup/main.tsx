import '../../components/ui.css';
import '../../components/popup/popup.css';
import { mount } from '../../components/mount';
import { Popup } from '../../components/popup/Popup';
import { openDb } from '../../lib/store/db';

mount(<Popup db={openDb()} />);
