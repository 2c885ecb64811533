/** The three users of contract §4 and the fixed partner token; passwords are fixed per seed. */
import { mixSeed } from '../random';
import type { Rights, SimUser, UserKey } from './types';

const ALL: Rights = { clients_access: true, client_phones_access: true, clients_phones_email_access: true, clients_card_phone_access: true };
const BASE_ONLY: Rights = { clients_access: true, client_phones_access: false, clients_phones_email_access: false, clients_card_phone_access: false };
const NONE: Rights = { clients_access: false, client_phones_access: false, clients_phones_email_access: false, clients_card_phone_access: false };

export const RIGHTS: Record<UserKey, Rights> = { owner: ALL, restricted: BASE_ONLY, nobase: NONE };

const hex = (seed: number, label: string) => mixSeed(seed, label).toString(16).padStart(8, '0');

export function makeUsers(seed: number): Record<UserKey, SimUser> {
  const user = (key: UserKey, id: number, name: string, phone: string): SimUser => ({
    key,
    id,
    name,
    phone,
    login: `${key}@vyshnia.test`,
    password: `sim-${key}-${hex(seed, key)}`,
    rights: RIGHTS[key],
  });
  return {
    owner: user('owner', 1_200_001, 'Вікторія Вишня', '79161234567'),
    restricted: user('restricted', 1_200_002, 'Адміністратор Оля', '79161234568'),
    nobase: user('nobase', 1_200_003, 'Майстер Ігор', '79161234569'),
  };
}

/** 20 hex characters, the same for every run with this seed. */
export function makePartnerToken(seed: number): string {
  return (hex(seed, 'partner-1') + hex(seed, 'partner-2') + hex(seed, 'partner-3')).slice(0, 20);
}

/** By e-mail login or phone (with or without '+'). */
export function findUser(users: Record<UserKey, SimUser>, login: string): SimUser | undefined {
  const l = login.trim().toLowerCase();
  const digits = l.replace(/^\+/, '');
  return Object.values(users).find((u) => u.login === l || u.phone === digits);
}
