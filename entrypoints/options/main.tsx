import { mount } from '../../components/mount';
import { Options } from '../../components/options/Options';

mount(<Options />);
