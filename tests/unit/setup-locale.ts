/** Every unit test file starts with the browser in English: the background and pages read their texts from it. */
import { useLocale } from './use-locale';

await useLocale('en');
