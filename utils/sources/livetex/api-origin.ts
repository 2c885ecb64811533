/**
 * Where LiveTex's Web API is for a cabinet (extension-interface.md «LiveTex»): the one origin its
 * tokens and the saved password may go to. Only the e2e build knows the loopback simulator.
 */
import { CABINET_HOST } from './pages';

export const WEB_API = 'https://web-api.livetex.ru';

const LOOPBACK = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost):(\d+)$/;

/** The Web API origin of cabinet `origin`, or why there is none (a message key). */
export function webApiOrigin(origin: string, allowLoopback: boolean): string | { refused: 'options.noWebApi' } {
  if (origin === `https://${CABINET_HOST}`) return WEB_API;
  const loop = LOOPBACK.exec(origin);
  if (allowLoopback && loop && Number(loop[2]) < 65535) return `http://${loop[1]}:${Number(loop[2]) + 1}`;
  return { refused: 'options.noWebApi' };
}

/** This build's answer: the e2e build adds the simulator's `P` → `P+1`. */
export function apiOriginOf(origin: string): string | { refused: 'options.noWebApi' } {
  return webApiOrigin(origin, import.meta.env.MODE === 'e2e');
}
