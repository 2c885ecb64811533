/** Offscreen document: builds export files as Blobs, which the service worker cannot. */
import { startOffscreen } from '@/utils/background/offscreen';

startOffscreen();
