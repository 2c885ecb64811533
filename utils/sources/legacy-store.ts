/** The store before sources (v1–v3) held AlfaCRM's records alone: its folder carries them over. */
export { upgradeToV4 } from './alfacrm/store-v3';
