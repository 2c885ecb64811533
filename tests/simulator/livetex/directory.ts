/** The account's sites, departments, roles and employees (contract §1.3, §4). */
import { mixSeed } from '../random';
import { DATA_START, DAY } from './dates';
import type { EmployeeKey, RoleCode } from './types';

export interface Site {
  id: number;
  url: string;
  created_at: number;
  updated_at: number;
}
export interface Department {
  id: number;
  title: string;
  created_at: number;
  updated_at: number;
}

export interface Role {
  code: RoleCode;
  title: string;
  is_admin: boolean;
  is_default: boolean;
  is_full_by_default: boolean;
  weight: number;
}

export interface Employee {
  id: number;
  /** null for an employee who exists only as an id on old leads (purged from the account). */
  key: EmployeeKey | null;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  password: string;
  role: RoleCode;
  is_active: boolean;
  is_deleted: boolean;
  managedSites: number[];
  managedDepartments: number[];
  departments: number[];
  created_at: number;
  updated_at: number;
}

export const ROLES: Record<RoleCode, Role> = {
  admin: { code: 'admin', title: 'Администратор', is_admin: true, is_default: false, is_full_by_default: true, weight: 100 },
  admin_partner: { code: 'admin_partner', title: 'Администратор партнёра', is_admin: false, is_default: false, is_full_by_default: true, weight: 100 },
  chief: { code: 'chief', title: 'Управляющий', is_admin: false, is_default: false, is_full_by_default: true, weight: 50 },
  chief_partner: { code: 'chief_partner', title: 'Управляющий партнёра', is_admin: false, is_default: false, is_full_by_default: true, weight: 50 },
  manager: { code: 'manager', title: 'Руководитель операторов', is_admin: false, is_default: false, is_full_by_default: false, weight: 20 },
  operator: { code: 'operator', title: 'Оператор', is_admin: false, is_default: true, is_full_by_default: false, weight: 10 },
};

/** Only these see everything; any other role code is restricted (contract §1.3). */
export const isRestricted = (role: string) => role !== 'admin' && role !== 'admin_partner';

export const SITES: readonly Site[] = [
  { id: 1201, url: 'https://shop.example', created_at: DATA_START - 90 * DAY, updated_at: DATA_START - 30 * DAY },
  { id: 1202, url: 'https://клиника.example', created_at: DATA_START - 60 * DAY, updated_at: DATA_START - 20 * DAY },
  { id: 1203, url: 'https://b2b.example', created_at: DATA_START - 40 * DAY, updated_at: DATA_START - 10 * DAY },
];
export const [S1, S2, S3] = SITES.map((s) => s.id);

export const DEPARTMENTS: readonly Department[] = [
  { id: 3401, title: 'Продажи', created_at: DATA_START - 90 * DAY, updated_at: DATA_START - 90 * DAY },
  { id: 3402, title: 'Підтримка', created_at: DATA_START - 80 * DAY, updated_at: DATA_START - 50 * DAY },
  { id: 3403, title: 'Бухгалтерия; счета', created_at: DATA_START - 70 * DAY, updated_at: DATA_START - 70 * DAY },
  { id: 3404, title: 'VIP "Gold"', created_at: DATA_START - 60 * DAY, updated_at: DATA_START - 5 * DAY },
];
export const [D1, D2, D3, D4] = DEPARTMENTS.map((d) => d.id);

const ALL_SITES = SITES.map((s) => s.id);
const ALL_DEPTS = DEPARTMENTS.map((d) => d.id);
/** Only an id on a few old leads: not listed, its name unknown. */
export const PURGED_EMPLOYEE_ID = 70999;

type Seed = [EmployeeKey, RoleCode, string, string, number[], number[], number[], Partial<Employee>?];
const SEEDS: Seed[] = [
  ['admin', 'admin', 'Олександр', 'Коваленко', ALL_SITES, ALL_DEPTS, [D1]],
  ['adminPartner', 'admin_partner', 'Ирина', 'Партнёрова', ALL_SITES, ALL_DEPTS, []],
  ['chief', 'chief', 'Сергей', 'Управляев', ALL_SITES, ALL_DEPTS, [D1, D4]],
  ['chiefPartner', 'chief_partner', "Мар'яна", 'Шевчук-Дорош', ALL_SITES, ALL_DEPTS, []],
  ['manager1', 'manager', 'Дмитрий', 'Орлов', [S1, S2], ALL_DEPTS, [D1, D2]],
  ['manager2', 'manager', 'Оксана', 'Бондар', [S2, S3], ALL_DEPTS, [D3, D4]],
  ['operator1', 'operator', 'Анна', 'Петренко', [S1, S2], [D1, D2, D3], [D1, D2]],
  ['operator2', 'operator', 'Игорь', 'Смирнов', [S1], [D1, D2], [D1]],
  ['operator3', 'operator', 'Тарас', 'Їжакевич', [S3], [D3, D4], [D3]],
  // is_full_by_default is false for operators: an empty scope until someone sets it.
  ['operator4', 'operator', 'Ольга', 'Новікова', [], [], [D2]],
  ['deletedOperator', 'operator', 'Павел', 'Уволенный', [S1], [D1], [D1], { is_deleted: true, is_active: false }],
  ['blocked', 'operator', 'Богдан', 'Заблокований', [S2], [D2], [D2], { is_active: false }],
];

export function buildEmployees(seed: number): Employee[] {
  const out = SEEDS.map(([key, role, first, last, sites, depts, member, extra], i): Employee => ({
    id: 70001 + i,
    key,
    first_name: first,
    last_name: last,
    email: `${key.replace(/[A-Z]/g, (c) => `.${c.toLowerCase()}`)}@livetex-sim.example`,
    phone: i % 3 === 0 ? null : `+7 (9${String(10 + i)}) 555-0${String(100 + i).slice(1)}`,
    password: `${key}-${mixSeed(seed, `password:${key}`).toString(16).padStart(8, '0')}`,
    role,
    is_active: true,
    is_deleted: false,
    managedSites: sites.slice(),
    managedDepartments: depts.slice(),
    departments: member.slice(),
    created_at: DATA_START - (100 - i) * DAY,
    updated_at: DATA_START - (50 - i) * DAY,
    ...extra,
  }));
  out.push({
    id: PURGED_EMPLOYEE_ID,
    key: null,
    first_name: '',
    last_name: '',
    email: '',
    phone: null,
    password: '',
    role: 'operator',
    is_active: false,
    is_deleted: true,
    managedSites: [],
    managedDepartments: [],
    departments: [],
    created_at: DATA_START - 200 * DAY,
    updated_at: DATA_START,
  });
  return out;
}
