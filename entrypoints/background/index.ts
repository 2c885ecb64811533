import { registerHandlers } from './handlers';

export default defineBackground({
  type: 'module',
  main() {
    registerHandlers();
  },
});
