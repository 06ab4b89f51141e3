import '../../components/ui.css';
import '../../components/words/words.css';
import { mount } from '../../components/mount';
import { WordList } from '../../components/words/WordList';
import { openDb } from '../../lib/store/db';

mount(<WordList db={openDb()} />);
