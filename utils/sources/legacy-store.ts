/** The store before sources (v1–v3) held AlfaCRM's records alone: its folder carries them over. */
export { linesForV5, upgradeToV4 } from './alfacrm/store-v3';
