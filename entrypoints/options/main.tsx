import { render } from 'preact';
import { OptionsForm } from '@/components/OptionsForm';
import '@/components/page.css';

render(<OptionsForm />, document.getElementById('app')!);
