import { apiKeyItem, apiTokenItem, settingsItem } from '@/utils/settings';
import { registerHandlers } from './handlers';

export default defineBackground({
  type: 'module',
  main() {
    registerHandlers();
    // A token belongs to the key and address it was issued for.
    const forgetToken = () => void apiTokenItem.removeValue();
    apiKeyItem.watch(forgetToken);
    settingsItem.watch(forgetToken);
  },
});
