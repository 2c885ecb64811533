import { render } from 'preact';
import { Popup } from '@/components/Popup';
import '@/components/page.css';
import { t, uiLang } from '@/utils/i18n';

document.title = t('app.name');
document.documentElement.lang = uiLang();

render(<Popup />, document.getElementById('app')!);
