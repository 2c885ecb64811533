import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import '@/components/page.css';
import { t, uiLang } from '@/utils/i18n';

document.title = t('options.pageTitle');
document.documentElement.lang = uiLang();

render(<OptionsForm />, document.getElementById('app')!);
