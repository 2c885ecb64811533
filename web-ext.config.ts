import { defineWebExtConfig } from 'wxt';

// `wxt dev` would try to open a headed browser; this machine has none.
export default defineWebExtConfig({ disabled: true });
